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

/** A file whose text a letter in the library already has (the same letter saved in another encoding): not stored again. */
export interface ContentDuplicate {
  readonly path: string;
  /** The file of the letter already in the library. */
  readonly duplicateOf: string;
}

/**
 * Where an import's time went, in milliseconds summed over its letters: the workers' stages run
 * side by side, so their sum can exceed the import's wall time.
 */
export interface ImportStageTimes {
  /** Reading each file's bytes and hashing them for the duplicate check, on the storing thread (the bytes then go to a worker). */
  readonly hashing: number;
  /** Getting each file's text out of its bytes (pdf.js for a PDF), in the workers. */
  readonly reading: number;
  /** Parsing the text into fields and items, in the workers. */
  readonly parsing: number;
  /** The rule checks and the vocabulary's reading, in the workers. */
  readonly deriving: number;
  /** From a worker finishing a letter to the storing thread having it: moving it between threads. */
  readonly handOver: number;
  /** Results waiting for the files before them, so letters are stored in file order. */
  readonly waitingForOrder: number;
  /** The write transactions (the letter, its items, the text's full-text index, the PDF's copy). */
  readonly storing: number;
}

export interface ImportSummary extends ImportProgress {
  /** 'failed': the library could not be written (a full disk, an I/O error); `error` says why. */
  readonly status: 'completed' | 'cancelled' | 'failed';
  /** Why the import stopped, when it failed. */
  readonly error: string | null;
  readonly failures: readonly ImportFailure[];
  /** Files passed over without reading: not a letter type, or the .txt twin of a PDF. */
  readonly skipped: readonly { readonly path: string; readonly reason: string }[];
  /** Counted among the duplicates. */
  readonly contentDuplicates: readonly ContentDuplicate[];
  readonly stageMs: ImportStageTimes;
}
