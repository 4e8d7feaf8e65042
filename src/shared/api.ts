/**
 * The one typed contract between the UI and the main-process services. Electron's
 * preload and the loopback HTTP bridge both carry it; the main side validates every
 * call's arguments against the schemas in apiSchema.ts before a service sees them.
 * This file stays free of runtime dependencies so the sandboxed preload can use it.
 */
import type { z } from 'zod';
import type { API_ARGS } from './apiSchema.ts';
import type { DatasetConflict, ExportProgress, ExportResult } from './export.ts';
import type { ImportProgress, ImportSummary } from './importing.ts';
import type {
  HistoryEntry,
  LibraryStats,
  QueueRow,
  SearchHit,
  StoredImportError,
  StoredLetter,
  Tag,
} from './library.ts';

export const API_METHODS = [
  'getAppInfo',
  'setReviewer',
  'getStats',
  'queryQueue',
  'nextLetterToReview',
  'searchLetters',
  'getLetter',
  'listHistory',
  'updateItemField',
  'setDecision',
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
] as const;
export type ApiMethod = (typeof API_METHODS)[number];
export type ApiArgs<M extends ApiMethod> = z.infer<(typeof API_ARGS)[M]>;

export const QUEUE_SORTS = ['import', 'caseNumber', 'attention'] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];
export type { NewItemInput, QueueFilter, QueueQuery } from './apiSchema.ts';

export interface AppInfo {
  readonly appVersion: string;
  readonly parserVersion: string;
  readonly libraryFile: string;
  readonly reviewer: string | null;
}

export interface QueuePage {
  readonly rows: readonly QueueRow[];
  /** Letters matching the filter. */
  readonly total: number;
}

/** A background job as the UI polls it: the run under way, else how the last one ended. */
export interface JobStatus<Progress, Result> {
  readonly running: Progress | null;
  readonly last: Result | null;
  /** Why the last run failed, if it did. */
  readonly error: string | null;
}
export type ImportStatus = JobStatus<ImportProgress, ImportSummary>;
export type ExportStatus = JobStatus<ExportProgress, ExportResult>;

export interface ApiResults {
  getAppInfo: AppInfo;
  setReviewer: void;
  getStats: LibraryStats & { readonly verified: number };
  queryQueue: QueuePage;
  nextLetterToReview: number | null;
  searchLetters: readonly SearchHit[];
  getLetter: StoredLetter | null;
  listHistory: readonly HistoryEntry[];
  updateItemField: boolean;
  setDecision: boolean;
  addItem: number;
  deleteItem: void;
  splitItem: number;
  mergeItems: void;
  reorderItems: void;
  updateLetterField: boolean;
  verifyLetter: void;
  flagLetter: void;
  reopenLetter: void;
  listTags: readonly Tag[];
  createTag: number;
  updateTag: void;
  /** How many letter and item uses were removed. */
  deleteTag: { readonly uses: number };
  /** How many uses moved to the target tag. */
  mergeTags: { readonly uses: number };
  tagLetter: void;
  untagLetter: void;
  tagItem: void;
  untagItem: void;
  addNote: number;
  deleteNote: void;
  startImport: { readonly started: boolean };
  getImportStatus: ImportStatus;
  cancelImport: void;
  listImportErrors: readonly StoredImportError[];
  loadSampleLetters: { readonly started: boolean };
  startExport: { readonly started: boolean };
  getExportStatus: ExportStatus;
  cancelExport: void;
  listConflicts: readonly DatasetConflict[];
  resolveConflict: void;
}

export type ImrApi = { [M in ApiMethod]: (...args: ApiArgs<M>) => Promise<ApiResults[M]> };

/** A failed call as it crosses IPC or HTTP: a code the UI can act on and a message a person can read. */
export interface ApiError {
  readonly code: 'invalid-arguments' | 'not-found' | 'read-only' | 'invalid-edit' | 'reviewer-not-set' | 'busy' | 'internal';
  readonly message: string;
}

export type ApiResponse<T> = { readonly ok: true; readonly result: T } | { readonly ok: false; readonly error: ApiError };

/** The IPC channel a method travels on. */
export function channelOf(method: ApiMethod): string {
  return `imr:${method}`;
}


/** What actually crosses the process boundary: each method answers with an ApiResponse, never a thrown error. */
export type ApiTransport = {
  [M in ApiMethod]: (...args: ApiArgs<M>) => Promise<ApiResponse<ApiResults[M]>>;
};

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
