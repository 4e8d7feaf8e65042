/** What each group is called in the charts and tables; the guideline chapters' names come from the vocabulary's tables. */
import type { Facet } from '../../shared/derived.ts';
import { facetValueLabel, monthLabel } from '../../shared/insightLabels.ts';
import { MTUS_TOPICS } from '../letters/vocabulary/data/mtusTopics.ts';
import { ODG_CHAPTERS } from '../letters/vocabulary/data/odgChapters.ts';

/** MTUS and ODG chapters share ids where they share a subject ("knee"); the MTUS name is kept. */
const TOPIC_LABELS = new Map<string, string>([...ODG_CHAPTERS, ...MTUS_TOPICS].map((topic) => [topic.id, topic.name]));

export function facetGroupLabel(facet: Facet, value: string): string {
  return facet === 'maximus-topic' ? (TOPIC_LABELS.get(value) ?? value) : facetValueLabel(facet, value);
}

export function specialtyLabel(specialty: string | null): string {
  return specialty ?? '(not printed)';
}

export function monthGroupLabel(month: string | null): string {
  return month === null ? '(no readable date)' : monthLabel(month);
}
