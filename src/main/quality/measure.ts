/**
 * What the audit finds on one verified letter: for each measure, whether the parser's value was
 * wrong (true), right (false), or is no evidence (null: the parser's reading was never kept).
 * Values compare with their whitespace folded and an empty value as none, as the accuracy tools do.
 * Pure.
 */
import type { ItemField, LetterField } from '../../shared/library.ts';
import { ITEM_FIELDS, LETTER_FIELDS } from '../../shared/library.ts';
import type { QualityMeasure } from '../../shared/quality.ts';
import type { ComparedValue, LetterEvidence } from '../storage/index.ts';
import { foldExact } from '../../shared/fold.ts';

export type MeasureFindings = Readonly<Record<QualityMeasure, boolean | null>>;

function folded(value: string | null): string {
  return foldExact(value) ?? '';
}

/** Two values are the same once their whitespace is folded (an empty value is none). */
export function sameValue(a: string | null, b: string | null): boolean {
  // Most values were never changed: equal as they stand, and a long rationale is not folded twice for nothing.
  return a === b || folded(a) === folded(b);
}

/** Whether the parser's value differs from the value now; null when the parser's is unknown. */
function isWrong(value: ComparedValue): boolean | null {
  if (value.parser === undefined) return null;
  return !sameValue(value.parser, value.now);
}

/** Any true wins; else any null leaves it unknown; else false. */
function anyWrong(findings: readonly (boolean | null)[]): boolean | null {
  if (findings.includes(true)) return true;
  return findings.includes(null) ? null : false;
}

export function measureLetter(letter: LetterEvidence): MeasureFindings {
  const findings = {} as Record<QualityMeasure, boolean | null>;
  for (const field of LETTER_FIELDS) findings[field] = isWrong(letter.fields[field as LetterField]);
  const parserItems = letter.items.filter((item) => !item.addedByReviewer);
  const missed = letter.items.length - parserItems.length;
  // Parser items no longer there were deleted or merged away: the parser invented them.
  const invented = letter.parsedItemCount === null ? null : Math.max(0, letter.parsedItemCount - parserItems.length);
  const itemList = missed > 0 || (invented !== null && invented > 0) ? true : invented === null ? null : false;
  findings.itemCount = itemList;
  for (const field of ITEM_FIELDS) {
    findings[field] = anyWrong([itemList, ...parserItems.map((item) => isWrong(item.fields[field as ItemField]))]);
  }
  findings.allExact = anyWrong([...LETTER_FIELDS, ...ITEM_FIELDS, 'itemCount'].map((measure) => findings[measure as QualityMeasure]));
  return findings;
}
