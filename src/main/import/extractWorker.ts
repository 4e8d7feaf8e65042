/**
 * Runs in a worker thread of the import pool: reads one letter file and parses it.
 * Text extraction and parsing are the slow, synchronous part of an import; keeping
 * them here leaves the caller (the CLI or Electron's main process) responsive.
 */
import type { ParsedLetter } from '../../shared/letter.ts';
import type { StorableSource } from '../../shared/source.ts';
import type { CheckSettings } from '../letters/checks/index.ts';
import { deriveValues, derivableOfParsed } from '../letters/derive.ts';
import type { DerivedValues } from '../letters/derive.ts';
import { parseLetter } from '../letters/parsing/index.ts';
import { LetterReadError, packedCopy, readLetterFile } from '../letters/reading/index.ts';

export interface ExtractTask {
  readonly path: string;
  readonly maxBytes?: number;
  /** The library's rule check settings, for the values derived beside the parse. */
  readonly checkSettings: CheckSettings;
}

export type ExtractOutcome =
  | { readonly ok: true; readonly source: StorableSource; readonly parsed: ParsedLetter; readonly derived: DerivedValues }
  | { readonly ok: false; readonly code: string; readonly message: string };

export default async function extractLetter(task: ExtractTask): Promise<ExtractOutcome> {
  try {
    const source = await readLetterFile(task.path, task.maxBytes === undefined ? {} : { maxBytes: task.maxBytes });
    const parsed = parseLetter(source.text);
    // The layout packed here, in parallel: the thread that stores the letter receives bytes.
    const storable = source.pdf ? { ...source, pdf: packedCopy(source.pdf) } : source;
    return { ok: true, source: storable, parsed, derived: deriveValues(derivableOfParsed(parsed), task.checkSettings) };
  } catch (error) {
    if (error instanceof LetterReadError) return { ok: false, code: error.code, message: error.message };
    return { ok: false, code: 'unexpected', message: `${task.path}: ${error instanceof Error ? error.message : String(error)}` };
  }
}
