/**
 * What the letter library holds, as the UI, the CLI and the exporter see it. The store
 * (src/main/storage) produces these; the API contract carries them to the renderer.
 */
import type { Decision, HeaderFieldName, LetterFormat, ParseWarning, Span } from './letter.ts';
import type { SourceKind } from './source.ts';

/** The editable fields, by the names the API and the exports use. */
export const ITEM_FIELDS = [
  'service',
  'decision',
  'claimsAdministratorGuideline',
  'maximusGuideline',
  'rationale',
  'originalRequest',
  'authorizedByClaimsAdministrator',
  'imrEligiblePortion',
] as const;
export type ItemField = (typeof ITEM_FIELDS)[number];

export const LETTER_FIELDS = [
  'format',
  'caseNumber',
  'dateAssigned',
  'decisionDate',
  'dateOfInjury',
  'urDenialDate',
  'applicationReceived',
  'priority',
  'reviewerSpecialty',
  'reviewerLicensure',
  'reviewerSubspecialty',
] as const;
export type LetterField = (typeof LETTER_FIELDS)[number];

/** Review status of a letter, and of one item within it. */
export const LETTER_STATUSES = ['unreviewed', 'in_progress', 'verified', 'flagged'] as const;
export type LetterStatus = (typeof LETTER_STATUSES)[number];

export const ITEM_STATUSES = ['unreviewed', 'confirmed', 'flagged'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export const TAG_SCOPES = ['letter', 'item', 'both'] as const;
export type TagScope = (typeof TAG_SCOPES)[number];

/** What a letter or item shows for each of its tags. */
export interface TagLabel {
  readonly id: number;
  readonly name: string;
  readonly colour: string;
}

export interface Tag extends TagLabel {
  readonly hotkey: string | null;
  readonly scope: TagScope;
  readonly letterCount: number;
  readonly itemCount: number;
}

export interface Note {
  readonly id: number;
  readonly letterId: number;
  readonly body: string;
  readonly author: string;
  readonly createdAt: string;
}

export type HistoryAction =
  | 'edit-field'
  | 'set-item-status'
  | 'add-item'
  | 'delete-item'
  | 'reorder-items'
  | 'split-item'
  | 'merge-items'
  | 'set-status';

export interface HistoryEntry {
  readonly id: number;
  readonly letterId: number;
  readonly entityType: 'letter' | 'item';
  readonly entityId: number;
  readonly action: HistoryAction;
  readonly field: string | null;
  /** Field values as stored; structural changes (items added, moved, merged) as JSON. */
  readonly oldValue: string | null;
  readonly newValue: string | null;
  readonly at: string;
  readonly reviewer: string;
}

export interface SearchHit {
  readonly letterId: number;
  readonly caseNumber: string | null;
  readonly fileName: string;
  /** The best-matching item, when the match is in an item's fields. */
  readonly itemId: number | null;
  /** Matched text with each match between the two markers, whitespace collapsed. */
  readonly snippet: string;
}

/** Default snippet markers: control characters that never occur in letter text, for the UI to split on. */
export const SNIPPET_MARKERS = ['\u0002', '\u0003'] as const;

export interface QueueRow {
  readonly id: number;
  readonly status: LetterStatus;
  readonly caseNumber: string | null;
  readonly fileName: string;
  readonly format: LetterFormat;
  readonly itemCount: number;
  readonly upheldCount: number;
  readonly overturnedCount: number;
  readonly warningCount: number;
}

export interface LibraryStats {
  readonly letters: number;
  readonly lettersByStatus: Readonly<Record<LetterStatus, number>>;
  readonly lettersByFormat: Readonly<Record<string, number>>;
  readonly items: number;
  /** `none` counts items whose decision is missing. */
  readonly itemsByDecision: { readonly Upheld: number; readonly Overturned: number; readonly none: number };
  readonly importErrors: number;
  readonly importErrorsByCode: Readonly<Record<string, number>>;
}

export interface StoredItem {
  readonly id: number;
  readonly letterId: number;
  readonly position: number;
  readonly service: string | null;
  readonly decision: Decision | null;
  readonly claimsAdministratorGuideline: string | null;
  readonly maximusGuideline: string | null;
  readonly rationale: string | null;
  readonly originalRequest: string | null;
  readonly authorizedByClaimsAdministrator: string | null;
  readonly imrEligiblePortion: string | null;
  /** Source spans by field name, plus `item` for the whole item. */
  readonly spans: Readonly<Record<string, Span>>;
  readonly warnings: readonly ParseWarning[];
  readonly status: ItemStatus;
  readonly humanEdited: readonly ItemField[];
  readonly addedByReviewer: boolean;
  readonly tags: readonly TagLabel[];
}

export interface StoredLetter {
  readonly id: number;
  readonly sha256: string;
  readonly fileName: string;
  readonly filePath: string;
  readonly fileSize: number;
  readonly sourceKind: SourceKind;
  readonly encoding: string | null;
  readonly pageCount: number;
  readonly text: string;
  readonly pageOffsets: readonly number[];
  readonly format: LetterFormat;
  readonly caseNumber: string | null;
  /** null when the letter has no header table. */
  readonly header: Readonly<Record<HeaderFieldName, string | null>> | null;
  readonly reviewerSpecialty: string | null;
  readonly reviewerLicensure: string | null;
  readonly reviewerSubspecialty: string | null;
  readonly clinicalCaseSummary: string | null;
  /** Source spans by letter field name, plus `clinicalCaseSummary` and `itemsSection`. */
  readonly spans: Readonly<Record<string, Span>>;
  readonly warnings: readonly ParseWarning[];
  readonly humanEdited: readonly LetterField[];
  readonly parserVersion: string;
  readonly importRunId: number | null;
  readonly importedAt: string;
  readonly status: LetterStatus;
  readonly flagReason: string | null;
  readonly verifiedAt: string | null;
  readonly verifiedBy: string | null;
  readonly updatedAt: string;
  readonly itemCount: number;
  readonly upheldCount: number;
  readonly overturnedCount: number;
  readonly warningCount: number;
  readonly items: readonly StoredItem[];
  readonly tags: readonly TagLabel[];
  readonly notes: readonly Note[];
}

export type ImportRunStatus = 'running' | 'completed' | 'failed' | 'cancelled';
export interface ImportCounts {
  readonly filesSeen: number;
  readonly imported: number;
  readonly duplicates: number;
  readonly failed: number;
}

export interface ImportRun extends ImportCounts {
  readonly id: number;
  readonly source: string | null;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly status: ImportRunStatus;
  readonly errorCount: number;
}

export interface ImportFileError {
  readonly filePath: string;
  readonly code: string;
  readonly message: string;
}

export interface StoredImportError extends ImportFileError {
  readonly id: number;
  readonly runId: number;
  readonly at: string;
}
