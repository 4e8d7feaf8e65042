/**
 * Guideline fields into citations: every source, alias, edition and locator shape the letters
 * use, on strings written for these tests (shaped like the letters, copied from none).
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { analyzeGuideline } from '../../../src/main/letters/vocabulary/index.ts';
import type { GuidelineAnalysis, GuidelineCitation, Locator } from '../../../src/shared/vocabulary.ts';

const only = (text: string): GuidelineCitation => {
  const { citations } = analyzeGuideline(text);
  expect(citations).toHaveLength(1);
  return citations[0] as GuidelineCitation;
};
const locators = (citation: GuidelineCitation) => citation.locators.map((locator: Locator) => `${locator.kind}:${locator.value}`);
const summary = (analysis: GuidelineAnalysis) =>
  analysis.citations.map((c) => [c.source, c.mtusPart, c.topic?.id ?? null, c.edition?.value ?? null, c.mapped]);

/** Every span points at the text it claims. */
function expectSpansHold(text: string, analysis: GuidelineAnalysis): void {
  for (const citation of analysis.citations) {
    expect(text.slice(...citation.span)).toBe(citation.text);
    if (citation.topic) expect(text.slice(...citation.topic.span).length).toBeGreaterThan(0);
    if (citation.edition) expect(text.slice(...citation.edition.span)).toBe(citation.edition.value);
    for (const locator of citation.locators) expect(text.slice(...locator.span).replace(/\s+/g, '')).toBe(locator.value.replace(/\s+/g, ''));
  }
}

describe('MTUS citations', () => {
  test('a 2016-style clinical topic with its edition and sections', () => {
    const text = 'Decision based on MTUS Shoulder Complaints 2004, Section(s): Initial Care, Work Activities.';
    const citation = only(text);
    expect([citation.source, citation.mtusPart, citation.topic?.id, citation.edition?.value]).toEqual(['mtus', 'acoem-2004', 'shoulder', '2004']);
    expect(locators(citation)).toEqual(['section:Initial Care', 'section:Work Activities']);
    expect(text.slice(...(citation.topic?.span ?? [0, 0]))).toBe('Shoulder Complaints');
    expect(citation.text).toBe('MTUS Shoulder Complaints 2004, Section(s): Initial Care, Work Activities');
    expectSpansHold(text, analyzeGuideline(text));
  });

  test.each([
    ['Chronic Pain Medical Treatment 2009', 'chronic-pain', 'chronic-pain', '2009'],
    ['Chronic Pain Medical Treatment 2016', 'chronic-pain', 'chronic-pain', '2016'],
    ['Chronic Pain Medical Treatment Guidelines', 'chronic-pain', 'chronic-pain', null],
    ['Opioid Treatment 2016', 'opioids', 'opioids', '2016'],
    ['Opioids Treatment Guidelines 2016', 'opioids', 'opioids', '2016'],
    ['Acupuncture Treatment 2007', 'acupuncture', 'acupuncture', '2007'],
    ['Acupuncture Medical Treatment Guidelines', 'acupuncture', 'acupuncture', null],
    ['Postsurgical Treatment 2009', 'postsurgical', 'postsurgical', '2009'],
    ['Post-surgical Treatment Guidelines 2009', 'postsurgical', 'postsurgical', '2009'],
    ['General Approaches 2004', 'acoem-2004', 'general-approaches', '2004'],
    ['Neck & Upper Back Complaints 2004', 'acoem-2004', 'neck-upper-back', '2004'],
    ['Forearm, Wrist and Hand Complaints 2004', 'acoem-2004', 'forearm-wrist-hand', '2004'],
    ['Ankle and Foot Complaints 2004', 'acoem-2004', 'ankle-foot', '2004'],
    ['Stress Related Conditions 2004', 'acoem-2004', 'stress-related', '2004'],
    ['Eye 2004', 'acoem-2004', 'eye', '2004'],
    ['Elbow Complaints 2007', 'acoem-2004', 'elbow', '2007'],
    ['Low Back Disorders 2016', 'acoem-by-reference', 'low-back', '2016'],
    ['Low Back Disorders', 'acoem-by-reference', 'low-back', null],
    ['Cervical and Thoracic Spine Disorders 2018', 'acoem-by-reference', 'neck-upper-back', '2018'],
    ['Chronic Pain 2017', 'acoem-by-reference', 'chronic-pain', '2017'],
    ['Opioids 2017', 'acoem-by-reference', 'opioids', '2017'],
    ['Workplace Mental Health: Depressive Disorders 2020', 'acoem-by-reference', 'depressive-disorders', '2020'],
    ['Coronavirus (COVID-19) 2021', 'acoem-by-reference', 'covid-19', '2021'],
    ['Drug Formulary', 'drug-formulary', 'drug-formulary', null],
  ])('"MTUS %s" is part %s, topic %s, edition %s', (name, part, topic, edition) => {
    const citation = only(`Decision based on MTUS ${name}.`);
    expect([citation.mtusPart, citation.topic?.id, citation.edition?.value ?? null, citation.mapped]).toEqual([part, topic, edition, true]);
  });

  test('the edition printed picks the part: the same name means the 2009/2016 guidelines or ACOEM 2017', () => {
    expect(only('Decision based on MTUS Chronic Pain Medical Treatment 2016.').mtusPart).toBe('chronic-pain');
    expect(only('Decision based on MTUS Chronic Pain Medical Treatment 2017.').mtusPart).toBe('acoem-by-reference');
    expect(only('Decision based on MTUS Low Back Complaints 2019.').mtusPart).toBe('acoem-by-reference');
  });

  test('several parts in one sentence, joined by "and", each with its own sections', () => {
    const text =
      'Decision based on MTUS Knee Complaints 2004, Section(s): Activity Alteration, and Chronic Pain Medical Treatment 2016, Section(s): Aquatic therapy, and Postsurgical Treatment 2009, Section(s): Knee.';
    const analysis = analyzeGuideline(text);
    expect(summary(analysis)).toEqual([
      ['mtus', 'acoem-2004', 'knee', '2004', true],
      ['mtus', 'chronic-pain', 'chronic-pain', '2016', true],
      ['mtus', 'postsurgical', 'postsurgical', '2009', true],
    ]);
    expect(analysis.citations.map(locators)).toEqual([['section:Activity Alteration'], ['section:Aquatic therapy'], ['section:Knee']]);
    expect(analysis.mapped).toBe(true);
    expectSpansHold(text, analysis);
  });

  test('a list without "and" splits only where a year follows the name', () => {
    const analysis = analyzeGuideline('Decision based on MTUS Neck and Upper Back Complaints 2004, Shoulder Complaints 2004.');
    expect(analysis.citations.map((c) => c.topic?.id)).toEqual(['neck-upper-back', 'shoulder']);
  });

  test('body regions and weak names inside a Section(s) list are sections, not parts', () => {
    const citation = only('Decision based on MTUS Postsurgical Treatment 2009, Section(s): Forearm, Wrist, & Hand, Acupuncture, Eye.');
    expect(locators(citation)).toEqual(['section:Forearm, Wrist, & Hand', 'section:Acupuncture', 'section:Eye']);
  });

  test('section names that take a comma qualifier stay whole', () => {
    const citation = only(
      'Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Opioids, criteria for use, NSAIDs, GI symptoms & cardiovascular risk, TENS, post operative pain, Lidocaine (Lidoderm, Xylocaine).',
    );
    expect(locators(citation)).toEqual([
      'section:Opioids, criteria for use',
      'section:NSAIDs, GI symptoms & cardiovascular risk',
      'section:TENS, post operative pain',
      'section:Lidocaine (Lidoderm, Xylocaine)',
    ]);
  });

  test('2014-style: ACOEM chapter number, Page(s) with AND, ranges and lists', () => {
    const chapter = only('Decision based on MTUS ACOEM Chapter 13 Knee Complaints Page(s): 341 AND 343.');
    expect([chapter.mtusPart, chapter.topic?.id, chapter.edition]).toEqual(['acoem-2004', 'knee', null]);
    expect(locators(chapter)).toEqual(['page:341', 'page:343']);
    expect(locators(only('Decision based on MTUS ACOEM Chapter 8 Neck and Upper Back Complaints Page(s): 177-179.'))).toEqual(['page:177-179']);
    expect(locators(only('Decision based on MTUS Chronic Pain Treatment Guidelines Antidepressants Page(s): 13,14,15.'))).toEqual([
      'topic:Antidepressants',
      'page:13',
      'page:14',
      'page:15',
    ]);
  });

  test('2014-style: a named sub-topic before the pages, and the reviewer lead-in', () => {
    const text =
      'The Expert Reviewer based his/her decision on the MTUS ACOEM Practice Guidelines, Chapter 9 Shoulder Complaints, pages 209-210 and on the Non-MTUS Official Disability Guidelines (ODG) Shoulder Chapter, for arthroscopy.';
    const analysis = analyzeGuideline(text);
    expect(summary(analysis)).toEqual([
      ['mtus', 'acoem-2004', 'shoulder', null, true],
      ['odg', null, 'shoulder', null, true],
    ]);
    expect(analysis.citations.map(locators)).toEqual([['page:209-210'], ['topic:for arthroscopy']]);
    expect(analysis.unrecognised).toEqual([]);
    expectSpansHold(text, analysis);
  });

  test('a year printed before the part name is its edition', () => {
    const citation = only('Decision based on MTUS ACOEM Practice Guidelines, 2nd Edition (2004), Chapter 14, Ankle and Foot Complaints, Page(s): 371.');
    expect([citation.topic?.id, citation.edition?.value, locators(citation)]).toEqual(['ankle-foot', '2004', ['page:371']]);
    expect(only('Decision based on MTUS 2009 Chronic Pain Medical Treatment Guidelines.').edition?.value).toBe('2009');
  });

  test('a chapter given only by its ACOEM number resolves through the chapter table', () => {
    const citation = only('Decision based on MTUS ACOEM Chapter 12, Page(s): 303.');
    expect([citation.topic?.id, citation.mapped]).toEqual(['low-back', true]);
  });

  test('a chapter number that contradicts the name is warned about', () => {
    const citation = only('Decision based on MTUS ACOEM Chapter 9 Low Back Complaints.');
    expect(citation.topic?.id).toBe('low-back');
    expect(citation.warnings.map((w) => w.code)).toEqual(['unknown-topic']);
  });

  test('malformed: no year is kept as no edition, and the citation is still mapped', () => {
    const citation = only('Decision based on MTUS Knee Complaints, Section(s): Special Studies.');
    expect([citation.edition, citation.mapped, citation.mtusPart]).toEqual([null, true, 'acoem-2004']);
  });

  test('malformed: an unknown chapter is an unmapped MTUS citation with its name in the warning', () => {
    const analysis = analyzeGuideline('Decision based on MTUS Hip Complaints 2004, Section(s): Imaging.');
    expect(summary(analysis)).toEqual([['mtus', null, null, '2004', false]]);
    expect(analysis.mapped).toBe(false);
    expect(analysis.warnings[0]?.message).toContain('Hip Complaints');
  });

  test('malformed: an unknown chapter before a known one does not hide it', () => {
    const analysis = analyzeGuideline('Decision based on MTUS Hip Complaints 2004, and Knee Complaints 2004.');
    expect(summary(analysis)).toEqual([
      ['mtus', null, null, '2004', false],
      ['mtus', 'acoem-2004', 'knee', '2004', true],
    ]);
  });

  test('malformed: an edition the table does not know is warned about and keeps the spelling\'s part', () => {
    const citation = only('Decision based on MTUS Chronic Pain Medical Treatment 2012.');
    expect([citation.mtusPart, citation.edition?.value]).toEqual(['chronic-pain', '2012']);
    expect(citation.warnings.map((w) => w.code)).toEqual(['unknown-edition']);
  });

  test('a bare "MTUS" names nothing unknown and is mapped without a topic', () => {
    const citation = only('Decision based on MTUS.');
    expect([citation.topic, citation.mapped]).toEqual([null, true]);
  });
});

describe('ODG citations', () => {
  test.each([
    ['Knee & Leg', 'knee-leg'],
    ['Knee and Leg', 'knee-leg'],
    ['Knee', 'knee-leg'],
    ['Low Back - Lumbar & Thoracic (Acute & Chronic)', 'low-back'],
    ['Low Back, Lumbar & Thoracic', 'low-back'],
    ['Lumbar and Thoracic', 'low-back'],
    ['Low back chapter', 'low-back'],
    ['Neck and Upper Back (Acute & Chronic)', 'neck-upper-back'],
    ['Neck & Upper Back Chapter', 'neck-upper-back'],
    ['Neck section', 'neck-upper-back'],
    ['Pain (Chronic)', 'pain'],
    ['Pain Chapter', 'pain'],
    ['Forearm, Wrist, & Hand', 'forearm-wrist-hand'],
    ['Forearm, Wrist and Hand Chapter', 'forearm-wrist-hand'],
    ['Ankle & Foot', 'ankle-foot'],
    ['Hip & Pelvis', 'hip-pelvis'],
    ['Mental Illness & Stress', 'mental-illness-stress'],
    ['Head', 'head'],
    ['Hernia section', 'hernia'],
    ['Shoulder (Acute and Chronic)', 'shoulder'],
    ['Elbow Chapter', 'elbow'],
    ['Carpal Tunnel Syndrome', 'carpal-tunnel'],
    ['Traumatic Brain Injury', 'traumatic-brain-injury'],
    ['Physical Therapy Guidelines', 'physical-therapy-guidelines'],
    ['Preface - Physical Therapy', 'physical-therapy-guidelines'],
    ['Chiropractic Guidelines', 'chiropractic-guidelines'],
  ])('"%s" is chapter %s', (chapter, id) => {
    const citation = only(`Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), ${chapter}.`);
    expect([citation.source, citation.topic?.id, citation.mapped]).toEqual(['odg', id, true]);
  });

  test('the source is named several ways', () => {
    for (const name of ['Official Disability Guidelines', 'Official Disability Guidelines (ODG)', 'ODG', 'ODG-TWC', 'Official Disability Guidelines - Treatment in Workers\' Comp (ODG-TWC)']) {
      const citation = only(`Decision based on Non-MTUS Citation ${name} Knee & Leg, Hyaluronic acid injections.`);
      expect([citation.source, citation.topic?.id, locators(citation)]).toEqual(['odg', 'knee-leg', ['topic:Hyaluronic acid injections']]);
    }
  });

  test('named sub-topics after the chapter, split at commas and joined by the qualifier rule', () => {
    const citation = only('Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Shoulder Chapter, Arthroscopic surgery, Acromioplasty.');
    expect(locators(citation)).toEqual(['topic:Arthroscopic surgery', 'topic:Acromioplasty']);
  });

  test('a topic after "/", "-", ":" or in parentheses', () => {
    expect(locators(only('Decision based on Non-MTUS Citation ODG Ankle & Foot/Orthotic devices.'))).toEqual(['topic:Orthotic devices']);
    expect(locators(only('Decision based on Non-MTUS Citation ODG Knee - Unloader braces.'))).toEqual(['topic:Unloader braces']);
    expect(locators(only('Decision based on Non-MTUS Citation ODG Head Chapter: CT scans.'))).toEqual(['topic:CT scans']);
    expect(locators(only('Decision based on Non-MTUS Citation ODG Pain (Zolpidem).'))).toEqual(['topic:Zolpidem']);
  });

  test('the edition: a year, or the chapter\'s update date, as printed', () => {
    expect(only('Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) 2015 Knee & Leg Chapter: MRI.').edition?.value).toBe('2015');
    const updated = only('Decision based on Non-MTUS Citation Official Disability Guidelines, Elbow (updated 02/05/16) Chapter: Splints.');
    expect([updated.topic?.id, updated.edition?.value, locators(updated)]).toEqual(['elbow', 'updated 02/05/16', ['topic:Splints']]);
  });

  test('publisher and version words before the chapter are skipped', () => {
    const citation = only(
      'Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Work Loss Data Institute (20th Annual Edition), 2015, Web Version, Hip & Pelvis Chapter, Arthroplasty.',
    );
    expect([citation.topic?.id, citation.edition?.value, locators(citation)]).toEqual(['hip-pelvis', '2015', ['topic:Arthroplasty']]);
  });

  test('the chapter printed after other words is still the chapter; the words before it are kept as topics', () => {
    const indexed = only('Decision based on Non-MTUS Citation ODG Treatment Index, 13th Edition (web), 2015, Elbow Chapter.');
    expect([indexed.topic?.id, indexed.edition?.value, indexed.locators]).toEqual(['elbow', '2015', []]);
    const late = only('Decision based on Non-MTUS Citation ODG, Walking aids, Knee & Leg, 2016.');
    expect([late.topic?.id, late.edition?.value, locators(late)]).toEqual(['knee-leg', '2016', ['topic:Walking aids']]);
  });

  test('a second chapter in the list is a second citation; a guideline set after a chapter is a topic of it', () => {
    const analysis = analyzeGuideline('Decision based on Non-MTUS Citation Official Disability Guidelines, Shoulder, Slings; Knee & Leg/Walkers, Neck Chapter, Physical Therapy Guidelines.');
    expect(analysis.citations.map((c) => [c.topic?.id, locators(c)])).toEqual([
      ['shoulder', ['topic:Slings']],
      ['knee-leg', ['topic:Walkers']],
      ['neck-upper-back', ['topic:Physical Therapy Guidelines']],
    ]);
  });

  test('two ODG names in one segment are two citations', () => {
    const analysis = analyzeGuideline('Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Hip Official Disability Guidelines (ODG), Chiropractic Guidelines.');
    expect(analysis.citations.map((c) => c.topic?.id)).toEqual(['hip-pelvis', 'chiropractic-guidelines']);
  });

  test('a bare ODG citation is mapped without a topic', () => {
    const citation = only('Decision based on Non-MTUS Citation Official Disability Guidelines (ODG).');
    expect([citation.source, citation.topic, citation.mapped]).toEqual(['odg', null, true]);
  });

  test('malformed: topics with no chapter leave the citation unmapped', () => {
    const citation = only('Decision based on Non-MTUS Citation Official Disability Guidelines, 2016, Online Version, Criteria for hospital beds.');
    expect([citation.topic, citation.mapped, citation.edition?.value]).toEqual([null, false, '2016']);
    expect(citation.warnings.map((w) => w.code)).toEqual(['unknown-topic']);
  });

  test('an ODG chapter name with no source named is ODG, with a warning saying it was inferred', () => {
    const citation = only('Decision based on Non-MTUS Citation Knee & Leg; Continuous passive motion.');
    expect([citation.source, citation.topic?.id, citation.mapped, locators(citation)]).toEqual(['odg', 'knee-leg', true, ['topic:Continuous passive motion']]);
    expect(citation.warnings.map((w) => w.code)).toEqual(['source-inferred']);
  });
});

describe('ACOEM outside the MTUS', () => {
  test('a chapter of the ACOEM guidelines cited as a Non-MTUS citation', () => {
    const citation = only('Decision based on Non-MTUS Citation ACOEM: Knee disorders, diagnostic recommendations, MRI.');
    expect([citation.source, citation.mtusPart, citation.topic?.id, citation.mapped]).toEqual(['acoem', null, 'knee', true]);
    expect(locators(citation)).toEqual(['topic:diagnostic recommendations', 'topic:MRI']);
  });

  test('the long name, an edition and a chapter number', () => {
    const citation = only(
      'Decision based on Non-MTUS Citation American College of Occupational and Environmental Medicine (ACOEM) Practice Guidelines, 3rd Edition, Chapter 12, Page(s): 288.',
    );
    expect([citation.source, citation.topic?.id, locators(citation)]).toEqual(['acoem', 'low-back', ['page:288']]);
  });

  test('malformed: an ACOEM chapter the table does not know is unmapped', () => {
    const citation = only('Decision based on Non-MTUS Citation ACOEM: Hand-arm vibration syndrome.');
    expect([citation.source, citation.mapped]).toEqual(['acoem', false]);
  });
});

describe('other evidence', () => {
  test.each([
    ['https://www.accessdata.fda.gov/drugsatfda_docs/label/2014/020000s010lbl.pdf', 'fda-label'],
    ['Zolpidem prescribing information, revised 2013', 'fda-label'],
    ['http://www.drugs.com/pro/meloxicam.html', 'drug-reference'],
    ['Micromedex, meloxicam monograph', 'drug-reference'],
    ['Aetna Clinical Policy Bulletin: Hospital Beds', 'payer-policy'],
    ['Medicare National Coverage Determinations Manual, Chapter 1', 'payer-policy'],
    ['Smith AB, Jones CD, et al. Lumbar fusion outcomes. Spine J. 2011;11:1-9', 'journal-article'],
    ['Cochrane review of acupuncture for neck pain', 'journal-article'],
    ['American Academy of Orthopaedic Surgeons clinical practice guideline on hip fractures', 'other-guideline'],
    ['https://example.org/rehabilitation/overview', 'web-page'],
  ])('%s is %s', (printed, kind) => {
    const citation = only(`Decision based on Non-MTUS Citation ${printed}.`);
    expect([citation.source, citation.otherKind, citation.mapped]).toEqual(['other', kind, true]);
  });

  test('"Other Medical Treatment Guidelines" and the address after it are one citation, classified by the address', () => {
    const analysis = analyzeGuideline(
      'Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Knee/Cold packs and Other Medical Treatment Guidelines https://www.cms.gov/manuals/durable-medical-equipment.pdf.',
    );
    expect(analysis.citations.map((c) => [c.source, c.topic?.id ?? c.otherKind])).toEqual([
      ['odg', 'knee-leg'],
      ['other', 'payer-policy'],
    ]);
    expect(analysis.citations[1]?.text).toBe('Other Medical Treatment Guidelines https://www.cms.gov/manuals/durable-medical-equipment.pdf');
  });

  test('two addresses separated by a comma are two citations', () => {
    const analysis = analyzeGuideline('Decision based on Non-MTUS Citation https://example.org/a-page, http://example.com/another-page.');
    expect(analysis.citations.map((c) => c.text)).toEqual(['https://example.org/a-page', 'http://example.com/another-page']);
  });

  test('malformed: free text the rules cannot classify is an unmapped other citation', () => {
    const citation = only('Decision based on Non-MTUS Citation Notes from the treating physician.');
    expect([citation.source, citation.otherKind, citation.mapped]).toEqual(['other', 'unclassified', false]);
  });
});

describe('no evidence, statements and leftovers', () => {
  test('the no-evidence sentence is a citation of its own, mapped', () => {
    const analysis = analyzeGuideline('The Expert Reviewer did not cite any medical evidence for its decision.');
    expect(summary(analysis)).toEqual([['no-evidence', null, null, null, true]]);
    expect(analysis.mapped).toBe(true);
  });

  test('sentences about the basis of the decision are statements, not citations and not leftovers', () => {
    const analysis = analyzeGuideline(
      'The Claims Administrator based their decision on recommendation(s) outside of the MTUS Guidelines. Decision based on Non-MTUS Citation ODG Elbow, Tennis elbow band.',
    );
    expect(analysis.statements.map((s) => s.kind)).toEqual(['outside-mtus']);
    expect(summary(analysis)).toEqual([['odg', null, 'elbow', null, true]]);
    expect(analysis.mapped).toBe(true);
    const notMtus = analyzeGuideline('The Claims Administrator did not base their decision on the MTUS. Decision based on Non-MTUS Citation ODG Hernia.');
    expect(notMtus.statements.map((s) => s.kind)).toEqual(['not-based-on-mtus']);
    const relied = analyzeGuideline('The Expert Reviewer relied on a source outside the MTUS. Decision based on Non-MTUS Citation ODG Head, MRI.');
    expect([relied.statements.map((s) => s.kind), relied.mapped]).toEqual([['outside-mtus'], true]);
  });

  test('2013-14 wordings: MTUS not applicable, the evidence hierarchy, an effective date after "MTUS"', () => {
    const analysis = analyzeGuideline(
      'The Expert Reviewer found that no section of the MTUS was applicable. Per the Strength of Evidence hierarchy adopted by the Division, the Expert Reviewer based his/her decision on the Non-MTUS Official Disability Guidelines (ODG), Ankle & Foot, Orthotic devices.',
    );
    expect([analysis.statements.map((s) => s.kind), summary(analysis), analysis.unrecognised]).toEqual([
      ['mtus-not-applicable'],
      [['odg', null, 'ankle-foot', null, true]],
      [],
    ]);
    const effective = only('Decision based on MTUS (Effective July 18, 2009) Chronic Pain Medical Treatment Guidelines, Page(s): 22.');
    expect([effective.topic?.id, locators(effective)]).toEqual(['chronic-pain', ['page:22']]);
  });

  test('ODG\'s long title and an online edition before a "Chapter:" label', () => {
    const citation = only(
      "Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Treatment in Workers' Compensation, Online Edition, Chapter: Hip & Pelvis (Acute & Chronic).",
    );
    expect([citation.topic?.id, citation.mapped, citation.locators]).toEqual(['hip-pelvis', true, []]);
  });

  test('a citation with no lead-in is still read when it names its source', () => {
    const analysis = analyzeGuideline('Official Disability Guidelines, Shoulder Chapter, Ultrasound, diagnostic.');
    expect(summary(analysis)).toEqual([['odg', null, 'shoulder', null, true]]);
    expect(locators(analysis.citations[0] as GuidelineCitation)).toEqual(['topic:Ultrasound, diagnostic']);
    expect(summary(analyzeGuideline('MTUS Eye 2004.'))).toEqual([['mtus', 'acoem-2004', 'eye', '2004', true]]);
  });

  test('text that names no source is reported as unrecognised and leaves the field unmapped', () => {
    const text = 'Decision based on MTUS Knee Complaints 2004. See the rationale below.';
    const analysis = analyzeGuideline(text);
    expect(analysis.unrecognised.map((span) => text.slice(...span))).toEqual(['See the rationale below']);
    expect(analysis.mapped).toBe(false);
    expect(analysis.warnings.map((w) => w.code)).toContain('unrecognised-text');
  });

  test('a Non-MTUS lead-in with nothing after it is warned about', () => {
    const analysis = analyzeGuideline('Decision based on Non-MTUS Citation.');
    expect([analysis.citations.length, analysis.mapped]).toEqual([0, false]);
    expect(analysis.warnings.map((w) => w.code)).toEqual(['unrecognised-text']);
  });

  test('an empty or missing field has no citations and is not mapped', () => {
    for (const value of ['', '   ', null, undefined]) {
      expect(analyzeGuideline(value)).toMatchObject({ citations: [], mapped: false });
    }
  });

  test('citations come out in the order printed, mixing sources', () => {
    const text =
      'Decision based on MTUS Elbow Complaints 2007, Section(s): Summary. Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Elbow (Acute & Chronic), Injections (corticosteroid), Kessler J, et al. Elbow injections. J Bone Joint Surg. 2012;94:1-2.';
    const analysis = analyzeGuideline(text);
    expect(analysis.citations.map((c) => c.source)).toEqual(['mtus', 'odg', 'other']);
    expect(analysis.citations[2]?.otherKind).toBe('journal-article');
    expectSpansHold(text, analysis);
  });

  test('never throws, and every span stays inside the text, whatever the input', () => {
    const words = fc.constantFrom(
      'Decision based on', 'MTUS', 'Non-MTUS Citation', 'ODG', 'Official Disability Guidelines', 'Knee & Leg', 'Section(s):', 'Page(s):',
      '2004', '(updated 1/2/16)', ',', ';', '.', 'and', '(', ')', 'http://x.org/a', 'ACOEM', 'Chapter 12', 'did not cite any medical evidence',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(words, fc.string({ maxLength: 6 })), { maxLength: 25 }), (parts) => {
        const text = parts.join(' ');
        const analysis = analyzeGuideline(text);
        for (const citation of analysis.citations) {
          expect(citation.span[0]).toBeGreaterThanOrEqual(0);
          expect(citation.span[1]).toBeLessThanOrEqual(text.length);
          expect(text.slice(...citation.span)).toBe(citation.text);
        }
        expect(analysis.warnings.some((w) => w.code === 'internal-error')).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
