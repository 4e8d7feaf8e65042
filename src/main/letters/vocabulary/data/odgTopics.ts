/**
 * ODG treatment topics that one chapter holds, for a citation that names the topic but no
 * chapter ("Official Disability Guidelines, 2016, Criteria for skilled nursing facility"): the
 * chapter is the one whose topic list has it. Only topics that sit in a single chapter, or
 * whose criteria a single chapter sets out (other chapters refer to it), are listed; a topic
 * several chapters hold alike (MRI, physical therapy) names no chapter.
 *
 * Source: the topic lists of the ODG chapters (Work Loss Data Institute, Treatment in Workers'
 * Comp, 2016-2017 web editions): Knee & Leg holds the skilled nursing facility and durable
 * medical equipment criteria; Low
 * Back the mattress, gym membership and lumbar support topics; Pain (Chronic) the drug topics.
 */
export const ODG_TOPIC_CHAPTERS: readonly (readonly [topic: string, chapter: string])[] = [
  ['skilled nursing facility', 'knee-leg'],
  ['durable medical equipment', 'knee-leg'],
  ['SNF', 'knee-leg'],
  ['mattress selection', 'low-back'],
  ['gym memberships', 'low-back'],
  ['gym membership', 'low-back'],
  ['lumbar supports', 'low-back'],
  ['opioids', 'pain'],
  ['NSAIDs', 'pain'],
  ['muscle relaxants', 'pain'],
  ['muscle relaxants (for pain)', 'pain'],
  ['antiepilepsy drugs', 'pain'],
  ['anti-epilepsy drugs', 'pain'],
  ['antidepressants for chronic pain', 'pain'],
  ['topical analgesics', 'pain'],
  ['compound drugs', 'pain'],
  ['medical food', 'pain'],
  ['insomnia treatment', 'pain'],
  ['proton pump inhibitors', 'pain'],
  ['urine drug testing', 'pain'],
  ['Lidoderm', 'pain'],
  ['functional restoration programs', 'pain'],
  ['chronic pain programs', 'pain'],
];
