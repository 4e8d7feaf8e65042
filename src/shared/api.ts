/**
 * The one typed contract between the UI and the main-process services. Electron's
 * preload and the loopback HTTP bridge both carry it; the main side validates every
 * call's arguments against the schemas in apiSchema.ts before a service sees them.
 * This file stays free of runtime dependencies so the sandboxed preload can use it.
 */
import type { z } from 'zod';
import type { API_ARGS } from './apiSchema.ts';
import type { BulkPreview, BulkResult } from './bulk.ts';
import type { CheckSettings } from './checkSettings.ts';
import type { Correction, CorrectionsReport } from './corrections.ts';
import type { DatasetConflict, ExportProgress, ExportResult } from './export.ts';
import type { ImportProgress, ImportSummary } from './importing.ts';
import type { Span } from './letter.ts';
import type { Insights } from './insights.ts';
import type { LetterPages } from './pages.ts';
import type { AuditSample, BlindLetter, BlindPass, QualityReport, SubmitBlindResult } from './quality.ts';
import type { MadePackage, MergePackageResult, PairAgreement, WorkPackageSummary } from './team.ts';
import type {
  HistoryEntry,
  LibraryStats,
  QueueRow,
  SearchHit,
  StoredImportError,
  StoredLetter,
  Tag,
  UndoState,
  UndoStep,
} from './library.ts';

export const API_METHODS = [
  'getAppInfo',
  'setReviewer',
  'getStats',
  'getCheckSettings',
  'setCheckSettings',
  'queryQueue',
  'nextLetterToReview',
  'queuePosition',
  'searchLetters',
  'getLetter',
  'getLetterPages',
  'listHistory',
  'updateItemField',
  'setDecision',
  'setItemStatus',
  'setStructureValue',
  'addItem',
  'deleteItem',
  'splitItem',
  'mergeItems',
  'reorderItems',
  'updateLetterField',
  'verifyLetter',
  'flagLetter',
  'reopenLetter',
  'listTags',
  'createTag',
  'updateTag',
  'deleteTag',
  'mergeTags',
  'tagLetter',
  'untagLetter',
  'tagItem',
  'untagItem',
  'addNote',
  'deleteNote',
  'getUndoState',
  'undo',
  'redo',
  'startImport',
  'getImportStatus',
  'cancelImport',
  'listImportErrors',
  'loadSampleLetters',
  'startExport',
  'getExportStatus',
  'cancelExport',
  'listConflicts',
  'resolveConflict',
  'confirmAndVerify',
  'searchMarks',
  'previewBulk',
  'applyBulk',
  'getCorrections',
  'listCorrections',
  'getInsights',
  'listSamples',
  'drawSample',
  'getQuality',
  'listBlindPasses',
  'startBlindPass',
  'getBlindLetter',
  'submitBlindLetter',
  'listPackages',
  'makePackages',
  'mergePackage',
  'getPackageAgreement',
] as const;
export type ApiMethod = (typeof API_METHODS)[number];
export type ApiArgs<M extends ApiMethod> = z.infer<(typeof API_ARGS)[M]>;

export { QUEUE_SORTS } from './queueSorts.ts';
export type { QueueSort } from './queueSorts.ts';
export type { ItemCriteria, QueueFilter, QueueQuery } from './queueFilter.ts';
export type { BulkLetterInput, BulkSelectionInput, FieldEdit, LetterRef, NewItemInput } from './apiSchema.ts';

export interface AppInfo {
  readonly appVersion: string;
  readonly parserVersion: string;
  readonly libraryFile: string;
  /** The open library's own id: a call made for another library is refused (see ApiRequest). */
  readonly libraryId: string;
  readonly reviewer: string | null;
  /** When the open library is a work package: its name, whom it is for, and the library it came from. */
  readonly workPackage: { readonly name: string; readonly reviewer: string; readonly sourceFileName: string } | null;
}

/** What every change answers: the change recorded (null when nothing changed) and the letter's revision now. */
export interface ChangeResult {
  readonly changeId: number | null;
  readonly revision: number;
}

/** A change that created something (an item, a note, a tag) also names it. */
export interface CreatedResult extends ChangeResult {
  readonly id: number;
}

/** What the review screen shows after a change, carried by its reply so the screen needs no further call. */
export interface ScreenUpdate {
  /** The letter the change was made on, as it is now; null for the tag list, or when it is gone. */
  readonly letter: StoredLetter | null;
  /** The undo and redo steps on offer now. */
  readonly undo: UndoState;
  /** The progress counts; null when the change cannot have moved them (no letter became or stopped being verified). */
  readonly progress: { readonly letters: number; readonly verified: number } | null;
}

/** A change to one letter also answers with the screen after it. */
export interface LetterChangeResult extends ChangeResult {
  readonly screen: ScreenUpdate;
}

export interface LetterCreatedResult extends LetterChangeResult {
  readonly id: number;
}

/** Undo and redo answer with the step they took, and the screen after it (the step's letter). */
export interface StepResult {
  readonly step: UndoStep;
  readonly screen: ScreenUpdate;
}

export interface QueuePage {
  readonly rows: readonly QueueRow[];
  /** Letters matching the filter. */
  readonly total: number;
}

/** A background job as the UI polls it: the run under way, else how the last one ended. */
/** The background update of every letter's rule checks and vocabulary to this app's version: letters done of all; null when none runs. */
export interface DerivedUpdate {
  readonly done: number;
  readonly total: number;
}

export interface JobStatus<Progress, Result> {
  readonly running: Progress | null;
  readonly last: Result | null;
  /** Why the last run failed, if it did. */
  readonly error: string | null;
  /** The last run was cancelled before it had a result (an import's cancel still ends in its summary, marked cancelled). */
  readonly cancelled: boolean;
}
export type ImportStatus = JobStatus<ImportProgress, ImportSummary>;
export type ExportStatus = JobStatus<ExportProgress, ExportResult>;

export interface ApiResults {
  getAppInfo: AppInfo;
  setReviewer: void;
  getStats: LibraryStats & { readonly verified: number; readonly derivedUpdate: DerivedUpdate | null };
  /** The library's rule check settings (the defaults where it set none). */
  getCheckSettings: CheckSettings;
  /** Every letter's findings are then worked out again in the background (getStats.derivedUpdate). */
  setCheckSettings: void;
  queryQueue: QueuePage;
  nextLetterToReview: number | null;
  /** How many letters come before this one in the queue under the filter and sort; null when the filter does not match it. */
  queuePosition: number | null;
  searchLetters: readonly SearchHit[];
  getLetter: StoredLetter | null;
  /** The letter's own copy of its PDF and where its text sits on the pages, or why it has none; null when there is no such letter. */
  getLetterPages: LetterPages | null;
  listHistory: readonly HistoryEntry[];
  updateItemField: LetterChangeResult;
  setDecision: LetterChangeResult;
  setItemStatus: LetterChangeResult;
  setStructureValue: LetterChangeResult;
  addItem: LetterCreatedResult;
  deleteItem: LetterChangeResult;
  splitItem: LetterCreatedResult;
  mergeItems: LetterChangeResult;
  reorderItems: LetterChangeResult;
  updateLetterField: LetterChangeResult;
  verifyLetter: LetterChangeResult;
  flagLetter: LetterChangeResult;
  reopenLetter: LetterChangeResult;
  listTags: readonly Tag[];
  createTag: CreatedResult;
  updateTag: ChangeResult;
  /** How many letter and item uses were removed. */
  deleteTag: ChangeResult & { readonly uses: number };
  /** How many uses moved to the target tag. */
  mergeTags: ChangeResult & { readonly uses: number };
  tagLetter: LetterChangeResult;
  untagLetter: LetterChangeResult;
  tagItem: LetterChangeResult;
  untagItem: LetterChangeResult;
  addNote: LetterCreatedResult;
  deleteNote: LetterChangeResult;
  getUndoState: UndoState;
  undo: StepResult;
  redo: StepResult;
  startImport: { readonly started: boolean };
  getImportStatus: ImportStatus;
  cancelImport: void;
  listImportErrors: readonly StoredImportError[];
  loadSampleLetters: { readonly started: boolean };
  startExport: { readonly started: boolean };
  getExportStatus: ExportStatus;
  cancelExport: void;
  listConflicts: readonly DatasetConflict[];
  resolveConflict: ChangeResult;
  /** How many items it confirmed on the way. */
  confirmAndVerify: LetterChangeResult & { readonly confirmed: number };
  /** Where the search matched in the letter's text, as [start, end) offsets. */
  searchMarks: readonly Span[];
  previewBulk: BulkPreview;
  applyBulk: BulkResult;
  getCorrections: CorrectionsReport;
  listCorrections: readonly Correction[];
  getInsights: Insights;
  /** Every audit sample, newest first, with its progress. */
  listSamples: readonly AuditSample[];
  drawSample: AuditSample;
  /** Every sample's estimates, the blind passes, agreement and the adjudication list's counts. */
  getQuality: QualityReport;
  /** Every blind pass, newest first, with how many of its letters were entered. */
  listBlindPasses: readonly BlindPass[];
  startBlindPass: BlindPass;
  /** null when the letter is not in the pass. */
  getBlindLetter: BlindLetter | null;
  submitBlindLetter: SubmitBlindResult;
  /** The work packages made from this library, in the order made, with how far each has come back. */
  listPackages: readonly WorkPackageSummary[];
  makePackages: readonly MadePackage[];
  mergePackage: MergePackageResult;
  /** Per pair of reviewers whose packages overlapped: agreement on the letters both brought back. */
  getPackageAgreement: readonly PairAgreement[];
}

export type ImrApi = { [M in ApiMethod]: (...args: ApiArgs<M>) => Promise<ApiResults[M]> };

/** A failed call as it crosses IPC or HTTP: a code the UI can act on and a message a person can read. */
export interface ApiError {
  readonly code: ApiErrorCode;
  readonly message: string;
}

export const API_ERROR_CODES = [
  'invalid-arguments',
  'not-found',
  'read-only',
  'invalid-edit',
  /** The letter changed since the caller read it; nothing was written. */
  'stale',
  /** Undo or redo would overwrite a later change, or has nothing to take. */
  'cannot-undo',
  'reviewer-not-set',
  /** The call was made for a library that is no longer open. */
  'library-changed',
  /** A library file could not be opened (it is not a library, damaged, from a newer app...); it was not changed. */
  'cannot-open',
  /** The export folder holds files the app did not write; nothing was written. Ask, then export with `force`. */
  'foreign-files',
  /** The export folder cannot be written (a file in the way, no permission, a full or stuck disk). */
  'cannot-write',
  'busy',
  'internal',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export type ApiResponse<T> = { readonly ok: true; readonly result: T } | { readonly ok: false; readonly error: ApiError };

/**
 * One call as it crosses a process boundary. `libraryId` is the library the caller read its
 * data from (AppInfo.libraryId): after File → Open Database… a call still meant for the old
 * library is refused, never carried out on the new one.
 */
export interface ApiRequest {
  readonly method: ApiMethod;
  readonly args: readonly unknown[];
  readonly libraryId?: string;
}

/** What the preload exposes as `window.imr`: one function, every call answered with an ApiResponse, never a thrown error. */
export interface ApiTransport {
  call(request: ApiRequest): Promise<ApiResponse<unknown>>;
}

/** The IPC channel every API call travels on. */
export const API_CHANNEL = 'imr:call';

/**
 * What the desktop menu asks of the renderer. The renderer acts on each as it would on
 * the matching shortcut; 'libraryChanged' means another library file is now open.
 */
export const SHELL_COMMANDS = [
  'showImport',
  'showExport',
  'undo',
  'redo',
  'find',
  'nextLetter',
  'showShortcuts',
  'showInsights',
  'showQuality',
  'showTeam',
  'libraryChanged',
] as const;
export type ShellCommand = (typeof SHELL_COMMANDS)[number];

/** The IPC channels of the desktop shell, beside the API's own. */
export const SHELL_CHANNELS = {
  command: 'shell:command',
  chooseExportFolder: 'shell:chooseExportFolder',
  revealLetterFile: 'shell:revealLetterFile',
} as const;

/**
 * What the Electron preload exposes as `window.imrShell`: only the desktop's own abilities.
 * Files dropped on the window are imported by the preload, which then sends 'showImport'.
 */
export interface ShellBridge {
  /** Calls `listener` for every menu command; returns the unsubscribe. */
  onCommand(listener: (command: ShellCommand) => void): () => void;
  /** A native folder picker for export; null when cancelled. */
  chooseExportFolder(): Promise<string | null>;
  /** Shows the letter's source file in the file manager; false when the file is gone. */
  revealLetterFile(letterId: number): Promise<boolean>;
}
