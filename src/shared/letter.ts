/**
 * The structured letter the parser produces. Every extracted value carries the
 * [start, end) offsets of the raw source text it was read from, so the UI can
 * highlight it and the export can prove where it came from.
 */

/** Half-open character range [start, end) in the letter's source text. */
export type Span = readonly [start: number, end: number];

/**
 * Where a stored value came from: the stretches of source text it was read from, in reading
 * order. The parser gives one; a value a reviewer joined (a merge) keeps every part's.
 */
export type SourceSpans = readonly Span[];

/** A value read from the letter: folded per the gold conventions, plus its source span. */
export interface Field<T extends string = string> {
  readonly value: T;
  readonly span: Span;
}

export const DECISIONS = ['Upheld', 'Overturned'] as const;
export type Decision = (typeof DECISIONS)[number];

export const LETTER_FORMATS = [
  'F1-credentials-block',
  'F1-prose-credentials',
  'F2',
  'F3',
  'F2013',
  'unknown',
] as const;
export type LetterFormat = (typeof LETTER_FORMATS)[number];

export type WarningCode =
  | 'unknown-format'
  /** The text is no IMR letter at all (empty, a plain list, a DMHC health-plan document). */
  | 'not-a-letter'
  | 'header-missing'
  | 'case-number-missing'
  /** The header table is there but one of its values could not be read. */
  | 'header-field-missing'
  | 'credentials-missing'
  | 'items-section-missing'
  | 'no-items'
  | 'decision-missing'
  | 'service-missing'
  | 'guideline-missing'
  | 'rationale-missing'
  /** Written by parsers before 1.2.0; the rule check `decision-contradicts-rationale` replaces it. */
  | 'rationale-contradicts-decision'
  | 'header-boundary-uncertain'
  /** A label is missing, so the value before it may run on over the missing field. */
  | 'field-boundary-uncertain'
  /** Decision lines and "Decision rationale:" blocks differ in number: an item was not recognised. */
  | 'item-count-mismatch'
  | 'best-effort-format';

/**
 * Something the parser is unsure of. `field` (and, on an item's warnings, `itemIndex`)
 * name the value it belongs to, by the names of LETTER_FIELDS and ITEM_FIELDS in
 * library.ts, so the app can show it beside that value and resolve it when the value
 * is corrected or confirmed. Warnings stored before 1.2.0 may lack `itemIndex`.
 */
export interface ParseWarning {
  readonly code: WarningCode;
  readonly message: string;
  /**
   * The value the warning concerns, when there is one (e.g. "decision", "dateAssigned");
   * "header" stands for the whole header table when none was found.
   */
  readonly field?: string;
  /** The item (0-based, in letter order) whose value `field` names. */
  readonly itemIndex?: number;
  readonly span?: Span;
}

export const HEADER_FIELDS = [
  'dateAssigned',
  'decisionDate',
  'priority',
  'dateOfInjury',
  'urDenialDate',
  'applicationReceived',
] as const;
export type HeaderFieldName = (typeof HEADER_FIELDS)[number];
export type LetterHeader = Record<HeaderFieldName, Field | null>;

export interface PartialCertification {
  readonly originalRequest: Field;
  readonly authorizedByClaimsAdministrator: Field;
  readonly imrEligiblePortion: Field;
}

export interface ParsedItem {
  readonly service: Field | null;
  readonly decision: Field<Decision> | null;
  readonly claimsAdministratorGuideline: Field | null;
  readonly maximusGuideline: Field | null;
  readonly rationale: Field | null;
  readonly partial: PartialCertification | null;
  /** The whole item, header through rationale. */
  readonly span: Span;
  readonly warnings: readonly ParseWarning[];
}

export interface ReviewerCredentials {
  readonly specialty: Field | null;
  readonly licensure: Field | null;
  readonly subspecialty: Field | null;
}

export interface ParsedLetter {
  readonly parserVersion: string;
  readonly format: LetterFormat;
  readonly caseNumber: Field | null;
  /** null when the letter has no header table (e.g. text that starts after it). */
  readonly header: LetterHeader | null;
  readonly reviewer: ReviewerCredentials;
  readonly clinicalCaseSummary: Field | null;
  /** The items section, from its heading to the end of the letter. */
  readonly itemsSection: Span | null;
  readonly items: readonly ParsedItem[];
  readonly warnings: readonly ParseWarning[];
}
