/** What every export format implements: letters in, finished temp files out. */
import type { ExportedLetter } from '../../../shared/export.ts';
import type { AtomicFile } from '../atomicFile.ts';

export interface DataFile {
  readonly file: AtomicFile;
  /** Rows written so far: letters, items or CSV lines. */
  rows: number;
}

export interface DatasetWriter {
  readonly files: readonly DataFile[];
  add(letter: ExportedLetter): Promise<void>;
  /** Completes every file; after this the temp files hold the whole dataset. */
  finish(): Promise<void>;
  /** Releases open files after a failure or a cancel; the caller discards them. */
  abandon(): Promise<void>;
  /** Texts cut to fit the format's cells (xlsx), for the dataset card. */
  cutTexts?(): number;
}

export interface WriterOptions {
  readonly outDir: string;
  readonly withSpans: boolean;
  readonly bom: boolean;
}
