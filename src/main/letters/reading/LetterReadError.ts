/** Why a letter file could not be read, as a code for the app and a sentence for the user. */
import { basename } from 'node:path';
import type { ReadErrorCode } from '../../../shared/source.ts';
import { readableName } from './fileNames.ts';

export class LetterReadError extends Error {
  readonly code: ReadErrorCode;
  /** The path as it was given to the reader, readable (see fileNames.ts). */
  readonly file: string;

  /** `reason` completes "<file name>: ...", e.g. "the PDF is password-protected". */
  constructor(code: ReadErrorCode, file: string, reason: string, options?: { cause?: unknown }) {
    super(`${readableName(basename(file) || file)}: ${reason}`, options);
    this.name = 'LetterReadError';
    this.code = code;
    this.file = readableName(file);
  }
}
