/**
 * Runs in a worker thread of the import's capped pool (cappedPool.ts): reads one letter file
 * and parses it, one task per message. Text extraction and parsing are the slow, synchronous
 * part of an import; keeping them here leaves the caller (the CLI or the library server)
 * responsive, and lets the pool stop a file that takes too much memory or time.
 */
import { parentPort } from 'node:worker_threads';
import type { ParsedLetter } from '../../shared/letter.ts';
import type { StorableSource } from '../../shared/source.ts';
import type { CheckSettings } from '../letters/checks/index.ts';
import { deriveValues, derivableOfParsed } from '../letters/derive.ts';
import type { DerivedValues } from '../letters/derive.ts';
import { parseLetter } from '../letters/parsing/index.ts';
import { LetterReadError, packedCopy, readLetterFile } from '../letters/reading/index.ts';
// pdf.js loads as the worker starts, while the files are still being found, not at its first file.
import '../letters/reading/extractPdfText.ts';

export interface ExtractTask {
  readonly path: string;
  readonly maxBytes?: number;
  /** The file's bytes and their hash, from the pipeline's duplicate check: handed over rather than read and hashed again. */
  readonly read?: { readonly bytes: Uint8Array; readonly sha256: string };
  /** The library's rule check settings, for the values derived beside the parse. */
  readonly checkSettings: CheckSettings;
}

/** How long each stage took in the worker, and when it finished (epoch ms, comparable across threads). */
export interface WorkerTimes {
  readonly reading: number;
  readonly parsing: number;
  readonly deriving: number;
  readonly finishedAt: number;
}

export type ExtractOutcome =
  | { readonly ok: true; readonly source: StorableSource; readonly parsed: ParsedLetter; readonly derived: DerivedValues; readonly times: WorkerTimes }
  | { readonly ok: false; readonly code: string; readonly message: string };

parentPort?.on('message', (task: ExtractTask) => {
  void extractLetter(task).then((outcome) => parentPort?.postMessage(outcome));
});

async function extractLetter(task: ExtractTask): Promise<ExtractOutcome> {
  try {
    const started = performance.now();
    const source = await readLetterFile(task.path, {
      ...(task.maxBytes === undefined ? {} : { maxBytes: task.maxBytes }),
      ...(task.read === undefined ? {} : { read: task.read }),
    });
    // The layout packed here, in parallel: the thread that stores the letter receives bytes.
    const storable = source.pdf ? { ...source, pdf: packedCopy(source.pdf) } : source;
    const read = performance.now();
    const parsed = parseLetter(source.text);
    const parsedAt = performance.now();
    const derived = deriveValues(derivableOfParsed(parsed), task.checkSettings);
    const derivedAt = performance.now();
    const times = { reading: read - started, parsing: parsedAt - read, deriving: derivedAt - parsedAt, finishedAt: performance.timeOrigin + derivedAt };
    return { ok: true, source: storable, parsed, derived, times };
  } catch (error) {
    if (error instanceof LetterReadError) return { ok: false, code: error.code, message: error.message };
    return { ok: false, code: 'unexpected', message: `${task.path}: ${error instanceof Error ? error.message : String(error)}` };
  }
}
