/**
 * What the letter library holds, as the UI, the CLI and the exporter see it. The store
 * (src/main/storage) produces these; the API contract carries them to the renderer.
 */
import type { CheckFinding, ItemVocabulary, StructureCorrections } from './derived.ts';
import type { Decision, HeaderFieldName, LetterFormat, ParseWarning, SourceSpans } from './letter.ts';
import type { ItemField, LetterField } from './fields.ts';
import type { SourceKind } from './source.ts';

export { ITEM_FIELDS, LETTER_FIELDS } from './fields.ts';
export type { ItemField, LetterField } from './fields.ts';

/** Review status of a letter, and of one item within it. */
export const LETTER_STATUSES = ['unreviewed', 'in_progress', 'verified', 'flagged'] as const;
export type LetterStatus = (typeof LETTER_STATUSES)[number];

export const ITEM_STATUSES = ['unreviewed', 'confirmed', 'flagged'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export const TAG_SCOPES = ['letter', 'item', 'both'] as const;
export type TagScope = (typeof TAG_SCOPES)[number];

/** Who answered a warning (by correcting or confirming its value), and when. */
export interface Resolution {
  readonly by: string;
  readonly at: string;
}

/** A parser warning as the library keeps it: an answered one stays, marked, and no longer counts. */
export interface StoredWarning extends ParseWarning {
  readonly resolved?: Resolution;
}

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

/** What a recorded change did. 'set-status' only occurs in history kept from before change groups. */
export const CHANGE_ACTIONS = [
  'edit-field',
  'set-item-status',
  'set-structure',
  'add-item',
  'delete-item',
  'reorder-items',
  'split-item',
  'merge-items',
  'verify',
  'flag',
  'reopen',
  'set-status',
  'tag',
  'untag',
  'add-note',
  'delete-note',
  'take-theirs',
  'keep-ours',
  'dataset-merge',
  /** A work package's changes brought back into the library it was made from. */
  'package-merge',
  'create-tag',
  'update-tag',
  'delete-tag',
  'merge-tags',
  /** One change to many items across letters (a bulk action). */
  'bulk-edit',
] as const;
export type ChangeAction = (typeof CHANGE_ACTIONS)[number];

/** Where a change came from: the app or API (undoable), another reviewer's export, or history older than change groups. */
export type ChangeOrigin = 'review' | 'dataset' | 'legacy';
/** A change undone can be redone until a new change discards it. */
export type ChangeState = 'done' | 'undone' | 'discarded';

/** What a change concerned, for the history and the undo button; every key is optional. */
export interface ChangeDetails {
  /** The field, by its API name. */
  readonly field?: string;
  readonly itemId?: number;
  /** The item's place (from 1) when the change was made. */
  readonly itemNumber?: number;
  readonly itemService?: string | null;
  readonly from?: string | null;
  readonly to?: string | null;
  /**
   * What the value's source became: the selection, the span it still reads at, the parser's,
   * none, both parts' (a merge) or the part before the cut (a split).
   */
  readonly source?: 'selection' | 'kept' | 'parser' | 'none' | 'joined' | 'cut';
  /** The other item of a split or merge: the new second item, or the one merged in. */
  readonly otherItemService?: string | null;
  readonly tagName?: string;
  /** A note's body or a flag's reason. */
  readonly text?: string;
  /** The dataset file a change came from. */
  readonly file?: string;
  readonly count?: number;
  /** How many letters a bulk action changed. */
  readonly letterCount?: number;
  /** Only the span changed (history from before change groups). */
  readonly spanOnly?: boolean;
}

export interface HistoryEntry {
  readonly id: number;
  /** The letter the change was made on; null for a change to the tag list. */
  readonly letterId: number | null;
  readonly action: ChangeAction;
  readonly details: ChangeDetails;
  readonly origin: ChangeOrigin;
  readonly reviewer: string;
  readonly at: string;
  readonly state: ChangeState;
  readonly undoneAt: string | null;
}

/** The change Undo (or Redo) would take back (or put back) now. */
export interface UndoStep {
  readonly changeId: number;
  readonly letterId: number | null;
  /** The letter's case number, else its file name; null for the tag list. */
  readonly letterLabel: string | null;
  readonly action: ChangeAction;
  readonly details: ChangeDetails;
}

export interface UndoState {
  readonly undo: UndoStep | null;
  readonly redo: UndoStep | null;
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
  readonly checkCount: number;
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

/** What the rule checks and the vocabulary found across a library. */
export interface DerivedStats {
  readonly lettersWithChecks: number;
  readonly checksByCode: Readonly<Record<string, number>>;
  readonly itemsByCategory: Readonly<Record<string, number>>;
  readonly itemsByDrugClass: Readonly<Record<string, number>>;
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
  readonly spans: Readonly<Record<string, SourceSpans>>;
  readonly warnings: readonly StoredWarning[];
  readonly status: ItemStatus;
  readonly humanEdited: readonly ItemField[];
  readonly addedByReviewer: boolean;
  readonly tags: readonly TagLabel[];
  /** Structured values a person set over the vocabulary's reading. */
  readonly structureCorrections: StructureCorrections;
  /** The fields read by the vocabulary; the library server adds it to the letter it hands out. */
  readonly vocabulary?: ItemVocabulary;
}

export interface StoredLetter {
  readonly id: number;
  /** Goes up with every change to the letter; a change must name the revision it was made on. */
  readonly revision: number;
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
  readonly spans: Readonly<Record<string, SourceSpans>>;
  readonly warnings: readonly StoredWarning[];
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
  /** Warnings not yet answered, on the letter and its items. */
  readonly warningCount: number;
  /** The rule checks' findings on the current values (worked out again after every change). */
  readonly checks: readonly CheckFinding[];
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
