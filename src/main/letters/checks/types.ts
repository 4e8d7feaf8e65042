/** What the rule checks read and what they report. */
import type { HeaderFieldName } from '../../../shared/letter.ts';
import type { ItemField, LetterField } from '../../../shared/library.ts';
import type { CheckCode } from './codes.ts';

/**
 * The current values of a letter, as plain strings (dates and priority as printed).
 * A parsed letter maps to it with `toCheckableLetter`; the stored letter (StoredLetter)
 * and the extraction record already have this shape.
 */
export interface CheckableLetter {
  readonly caseNumber: string | null;
  /** null when the letter has no header table. */
  readonly header: Readonly<Record<HeaderFieldName, string | null>> | null;
  /** States of licensure as printed, e.g. "Texas,New York,California". */
  readonly reviewerLicensure: string | null;
  readonly items: readonly CheckableItem[];
}

export interface CheckableItem {
  readonly service: string | null;
  /** "Upheld" or "Overturned" (anything else is left to the parser's warnings). */
  readonly decision: string | null;
  readonly claimsAdministratorGuideline: string | null;
  readonly maximusGuideline: string | null;
  readonly rationale: string | null;
}

/** One finding, attached to one value: `field` (and `itemIndex` for an item's value). */
export interface CheckResult {
  readonly code: CheckCode;
  readonly field: LetterField | ItemField;
  /** 0-based, in letter order; only on an item's value. */
  readonly itemIndex?: number;
  /** Why the value looks wrong, for the reviewer. */
  readonly message: string;
}

export type { CheckSettings, LicensureFinding } from '../../../shared/checkSettings.ts';
