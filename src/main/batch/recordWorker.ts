/**
 * Runs in a worker thread of the extraction pool (extractPool.ts): reads one letter file and
 * returns its extraction record, the line `imr-review extract` prints. Nothing of the PDF's
 * layout or text goes back: a batch keeps only the record.
 */
import type { ExtractionRecord } from '../../shared/extraction.ts';
import type { SourceKind } from '../../shared/source.ts';
import { toExtractionRecord } from '../letters/extraction.ts';
import { parseLetter } from '../letters/parsing/index.ts';
import { LetterReadError, readLetterFile } from '../letters/reading/index.ts';
// pdf.js loads as the worker starts, while the first paths are still arriving.
import '../letters/reading/extractPdfText.ts';
import { parentPort } from 'node:worker_threads';

export interface RecordTask {
  readonly path: string;
  readonly maxBytes: number;
  /** The file's bytes and their hash, read by the pool's thread: moved here, not read again. */
  readonly read?: { readonly bytes: Uint8Array; readonly sha256: string };
}

/** What the record does not say about the source and the Parquet letters table does. */
export interface SourceFacts {
  readonly size: number;
  readonly kind: SourceKind;
  readonly pageCount: number;
}

export type RecordOutcome =
  | { readonly ok: true; readonly record: ExtractionRecord; readonly source: SourceFacts }
  | { readonly ok: false; readonly code: string; readonly message: string };

// One task per message, from the capped pool (import/cappedPool.ts).
parentPort?.on('message', (task: RecordTask) => {
  void extractRecord(task).then((outcome) => parentPort?.postMessage(outcome));
});

async function extractRecord(task: RecordTask): Promise<RecordOutcome> {
  try {
    const source = await readLetterFile(task.path, { maxBytes: task.maxBytes, ...(task.read === undefined ? {} : { read: task.read }) });
    const record = toExtractionRecord(source.path, source.sha256, parseLetter(source.text));
    return { ok: true, record, source: { size: source.size, kind: source.kind, pageCount: source.pageOffsets.length } };
  } catch (error) {
    if (error instanceof LetterReadError) return { ok: false, code: error.code, message: error.message };
    return { ok: false, code: 'unexpected', message: `${task.path}: ${error instanceof Error ? error.message : String(error)}` };
  }
}
