/** What an import reports while it runs and when it ends; shared by the CLI and the UI. */

export interface ImportProgress {
  readonly runId: number;
  /** Letter files found; skipped files are not counted here. */
  readonly total: number;
  readonly done: number;
  readonly imported: number;
  readonly duplicates: number;
  readonly failed: number;
  readonly currentFile: string | null;
  readonly lettersPerSecond: number;
  readonly elapsedMs: number;
}

export interface ImportFailure {
  readonly path: string;
  readonly code: string;
  readonly message: string;
}

export interface ImportSummary extends ImportProgress {
  readonly status: 'completed' | 'cancelled';
  readonly failures: readonly ImportFailure[];
  /** Files passed over without reading: not a letter type, or the .txt twin of a PDF. */
  readonly skipped: readonly { readonly path: string; readonly reason: string }[];
}
