/**
 * Runs in a worker thread of the import pool: reads one letter file and parses it.
 * Text extraction and parsing are the slow, synchronous part of an import; keeping
 * them here leaves the caller (the CLI or Electron's main process) responsive.
 */
import type { ParsedLetter } from '../../shared/letter.ts';
import type { LetterSource } from '../../shared/source.ts';
import { parseLetter } from '../letters/parsing/index.ts';
import { LetterReadError, readLetterFile } from '../letters/reading/index.ts';

export interface ExtractTask {
  readonly path: string;
  readonly maxBytes?: number;
}

export type ExtractOutcome =
  | { readonly ok: true; readonly source: LetterSource; readonly parsed: ParsedLetter }
  | { readonly ok: false; readonly code: string; readonly message: string };

export default async function extractLetter(task: ExtractTask): Promise<ExtractOutcome> {
  try {
    const source = await readLetterFile(task.path, task.maxBytes === undefined ? {} : { maxBytes: task.maxBytes });
    return { ok: true, source, parsed: parseLetter(source.text) };
  } catch (error) {
    if (error instanceof LetterReadError) return { ok: false, code: error.code, message: error.message };
    return { ok: false, code: 'unexpected', message: `${task.path}: ${error instanceof Error ? error.message : String(error)}` };
  }
}
