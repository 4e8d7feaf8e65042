/** `imr-review extract [--strict] <files or folders...>`: one JSON object per letter (JSONL) on stdout. */
import { Command } from 'commander';
import type { ExtractionFailure, ExtractionRecord } from '../../../shared/extraction.ts';
import { discoverLetterFiles } from '../../letters/discovery.ts';
import { toExtractionRecord } from '../../letters/extraction.ts';
import { parseLetter } from '../../letters/parsing/index.ts';
import { LetterReadError, readableName, readLetterFile } from '../../letters/reading/index.ts';
import type { CommandContext } from '../command.ts';
import { strictOption } from '../command.ts';
import { EXIT } from '../exitCodes.ts';
import type { CliIO } from '../io.ts';
import { interruptSignal } from '../io.ts';

interface ExtractOptions {
  readonly strict?: true;
}

export const extractCommand = (context: CommandContext) =>
  new Command('extract')
    .summary('print one JSON object per letter (JSONL)')
    .description(
      'Reads letters (.pdf, .txt; folders are walked recursively; a PDF and a .txt of the same name are one ' +
        'letter and the PDF is read) and prints one JSON object per letter on stdout. A file that cannot be ' +
        'read gives a line {"file", "error": {"code", "message"}} and the run goes on. Reads no library.',
    )
    .argument('<paths...>', 'letter files and folders')
    .addOption(strictOption('a file could not be read or a path does not exist'))
    .action(async (paths: string[], options: ExtractOptions) => context.exitWith(await runExtract(paths, options, context.io)));

async function runExtract(paths: readonly string[], options: ExtractOptions, io: CliIO): Promise<number> {
  const found = await discoverLetterFiles(paths);
  for (const { path, reason } of found.missing) io.err(`${path}: ${reason}`);
  for (const { path, reason } of found.skipped) io.err(`skipped ${path}: ${reason}`);
  const interrupt = interruptSignal();
  let failed = found.missing.length;
  try {
    for (const [done, file] of found.letters.entries()) {
      // Once nobody reads the output (`| head -1`), the rest of the work would be for nothing.
      if (io.stdoutClosed.aborted) return EXIT.done;
      if (interrupt.signal.aborted) {
        io.err(`Extraction cancelled after ${done} of ${found.letters.length} letters.`);
        return EXIT.cancelled;
      }
      const record = await extractOne(file);
      if ('error' in record) failed++;
      io.out(JSON.stringify(record));
      await io.drained();
    }
  } finally {
    interrupt.dispose();
  }
  return options.strict && failed > 0 ? EXIT.failed : EXIT.done;
}

async function extractOne(file: string): Promise<ExtractionRecord | ExtractionFailure> {
  try {
    const source = await readLetterFile(file);
    return toExtractionRecord(source.path, source.sha256, parseLetter(source.text));
  } catch (error) {
    return {
      file: readableName(file),
      error:
        error instanceof LetterReadError
          ? { code: error.code, message: error.message }
          : { code: 'unexpected', message: error instanceof Error ? error.message : String(error) },
    };
  }
}
