/** What every export format implements: letters in, finished files in the export's staging folder out. */
import type { ExportedLetter } from '../../../shared/export.ts';
import type { FsGuard } from '../guardedFs.ts';

export interface DataFile {
  /** The file's name in the export folder. */
  readonly name: string;
  /** Rows written so far: letters, items or CSV lines. */
  rows: number;
  /** Bytes written so far. */
  bytes: number;
}

export interface DatasetWriter {
  readonly files: readonly DataFile[];
  add(letter: ExportedLetter): Promise<void>;
  /** Completes every file and saves it to disk. */
  finish(): Promise<void>;
  /** Releases open files after a failure or a cancel; the staging folder is removed by the caller. */
  abandon(): Promise<void>;
  /** Texts cut to fit the format's cells (xlsx), for the dataset card. */
  cutTexts?(): number;
}

export interface WriterOptions {
  /** The staging folder the files are written into. */
  readonly dir: string;
  readonly withSpans: boolean;
  readonly bom: boolean;
  /** Every write goes through it: cancel and a deadline. */
  readonly guard: FsGuard;
  /** Bytes each file gathers before a write (two such buffers per file); openSink's default when absent. */
  readonly sinkBufferBytes?: number;
}
