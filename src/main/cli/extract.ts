/** `imr-review extract <files or folders...>`: one JSON object per letter (JSONL) on stdout. */
import type { ExtractionFailure } from '../../shared/extraction.ts';
import { discoverLetterFiles } from '../letters/discovery.ts';
import { toExtractionRecord } from '../letters/extraction.ts';
import { parseLetter } from '../letters/parsing/index.ts';
import { LetterReadError, readLetterFile } from '../letters/reading/index.ts';
import type { CliIO } from './io.ts';

export async function runExtract(paths: string[], io: CliIO): Promise<number> {
  if (paths.length === 0) {
    io.err('usage: imr-review extract <files or folders...>');
    return 2;
  }
  const found = await discoverLetterFiles(paths);
  for (const { path, reason } of found.missing) io.err(`${path}: ${reason}`);
  for (const { path, reason } of found.skipped) io.err(`skipped ${path}: ${reason}`);
  for (const file of found.letters) {
    try {
      const source = await readLetterFile(file);
      io.out(JSON.stringify(toExtractionRecord(source.path, source.sha256, parseLetter(source.text))));
    } catch (error) {
      const failure: ExtractionFailure = {
        file,
        error:
          error instanceof LetterReadError
            ? { code: error.code, message: error.message }
            : { code: 'unexpected', message: error instanceof Error ? error.message : String(error) },
      };
      io.out(JSON.stringify(failure));
    }
  }
  return 0;
}
