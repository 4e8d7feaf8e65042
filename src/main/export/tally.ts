/** Counts taken while the letters stream past, so the dataset card describes exactly what was written. */
import { HEADER_FIELDS } from '../../shared/letter.ts';
import type { ExportedLetter } from '../../shared/export.ts';
import { REVIEW_STATES } from '../../shared/quality.ts';
import { isoDate } from './dates.ts';

export interface ExportTally {
  letters: number;
  items: number;
  readonly decisions: Map<string, number>;
  readonly statuses: Map<string, number>;
  /** Every review state (REVIEW_STATES, in order) -> letters. */
  readonly reviewStates: Map<string, number>;
  readonly parserVersions: Map<string, number>;
  /** verifiedBy -> letters. */
  readonly reviewers: Map<string, number>;
  /** Date column -> printed values that are not MM/DD/YYYY dates. */
  readonly unreadableDates: Map<string, number>;
  /** Rule check code -> findings. */
  readonly checks: Map<string, number>;
  /** Service category -> items. */
  readonly categories: Map<string, number>;
  /** Items by DWC's Sub Category. */
  readonly dwcSubCategories: Map<string, number>;
}

export function newTally(): ExportTally {
  return {
    letters: 0,
    items: 0,
    decisions: new Map([
      ['Upheld', 0],
      ['Overturned', 0],
      ['none', 0],
    ]),
    statuses: new Map(),
    reviewStates: new Map(REVIEW_STATES.map((state) => [state, 0])),
    parserVersions: new Map(),
    reviewers: new Map(),
    unreadableDates: new Map(),
    checks: new Map(),
    categories: new Map(),
    dwcSubCategories: new Map(),
  };
}

export function countLetter(tally: ExportTally, letter: ExportedLetter): void {
  tally.letters++;
  tally.items += letter.items.length;
  for (const item of letter.items) {
    increment(tally.decisions, item.decision ?? 'none');
    if (item.structure) increment(tally.categories, item.structure.category);
    if (item.structure?.dwcSubCategory) increment(tally.dwcSubCategories, item.structure.dwcSubCategory);
  }
  for (const check of letter.checks ?? []) increment(tally.checks, check.code);
  increment(tally.statuses, letter.status);
  if (letter.reviewState) increment(tally.reviewStates, letter.reviewState);
  increment(tally.parserVersions, letter.parserVersion);
  if (letter.verifiedBy !== null) increment(tally.reviewers, letter.verifiedBy);
  for (const field of HEADER_FIELDS) {
    const printed = letter.header?.[field] ?? null;
    if (field !== 'priority' && printed !== null && isoDate(printed) === null) increment(tally.unreadableDates, field);
  }
}

function increment(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}
