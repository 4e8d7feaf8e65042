/** `imr-review import <paths...> [--db file] [--create]`: imports letters and prints a summary. */
import { Command } from 'commander';
import type { ImportSummary } from '../../../shared/importing.ts';
import { importLetters } from '../../import/pipeline.ts';
import type { CommandContext } from '../command.ts';
import { jsonOption, libraryOption, namedPathsExist, nonBlank, quietOption, strictOption, wholeNumberAbove0 } from '../command.ts';
import { EXIT } from '../exitCodes.ts';
import type { CliIO } from '../io.ts';
import { interruptSignal } from '../io.ts';
import { libraryFile, pathExists, withLibrary } from '../library.ts';
import { progressBar } from '../progress.ts';

/** Skipped files are usually a folder's other files (gold JSON, notes): list a few, count the rest. */
const LISTED_SKIPS = 20;

interface ImportOptions {
  readonly db?: string;
  readonly create?: true;
  readonly threads?: number;
  readonly reviewer?: string;
  readonly json?: true;
  readonly quiet?: true;
  readonly strict?: true;
}

export const importCommand = (context: CommandContext) =>
  new Command('import')
    .description(
      'Imports letters (.pdf, .txt; folders are walked recursively) into a library, each in its own ' +
        'transaction. Letters already there are counted as duplicates, so importing again finishes an ' +
        'interrupted import. Ctrl+C cancels, keeping what was stored. A path that does not exist is a usage error (exit 2): nothing is imported.',
    )
    .argument('<paths...>', 'letter files and folders')
    .addOption(libraryOption())
    .option('--create', 'make the library (and its folders) when the file does not exist')
    .option('--threads <n>', 'worker threads reading the files (default: one per core)', wholeNumberAbove0)
    .option('--reviewer <name>', "set the library's reviewer name", nonBlank)
    .addOption(jsonOption('the summary'))
    .addOption(quietOption())
    .addOption(strictOption('a file failed to import'))
    .action(async (paths: string[], options: ImportOptions) => context.exitWith(await runImport(paths, options, context.io)));

async function runImport(paths: readonly string[], options: ImportOptions, io: CliIO): Promise<number> {
  // A library's own problems are said first; a new one is never made for paths that are not there.
  const making = options.create === true && !pathExists(libraryFile(options.db));
  if (making && !(await namedPathsExist(paths, io))) return EXIT.usage;
  const access = { mode: 'write', create: options.create === true, ...(options.reviewer === undefined ? {} : { reviewer: options.reviewer }) } as const;
  return withLibrary(options.db, access, io, async (library) => {
    if (!making && !(await namedPathsExist(paths, io))) return EXIT.usage;
    const interrupt = interruptSignal();
    const bar = progressBar(io, 'importing [{bar}] {value}/{total} | {rate} letters/s | {failed} failed | {file}');
    let summary: ImportSummary;
    try {
      summary = await importLetters(library, paths, {
        signal: interrupt.signal,
        onProgress: (p) => bar.update(p.done, p.total, { rate: p.lettersPerSecond.toFixed(0), failed: p.failed, file: shorten(p.currentFile) }),
        ...(options.threads === undefined ? {} : { threads: options.threads }),
      });
    } finally {
      bar.stop();
      interrupt.dispose();
    }
    if (options.json) io.out(JSON.stringify({ library: library.file, ...summary }));
    else if (options.quiet) for (const failure of summary.failures) io.err(`[${failure.code}] ${failure.message}`);
    else printSummary(summary, library.file, io);
    if (summary.status === 'failed') {
      io.err(`Import stopped: ${summary.error}. The letters stored before it are whole; free some space and import again to go on.`);
      return EXIT.failed;
    }
    if (summary.status === 'cancelled') return EXIT.cancelled;
    return options.strict && summary.failed > 0 ? EXIT.failed : EXIT.done;
  });
}

function printSummary(summary: ImportSummary, file: string, io: CliIO): void {
  const seconds = (summary.elapsedMs / 1000).toFixed(1);
  const ending = { completed: 'Import finished', cancelled: 'Import cancelled', failed: 'Import stopped' }[summary.status];
  io.out(`${ending} into ${file} in ${seconds} s`);
  io.out(`  imported:   ${summary.imported}`);
  io.out(`  duplicates: ${summary.duplicates} (already in the library)`);
  for (const { path, duplicateOf } of summary.contentDuplicates) io.out(`    ${path}: the same text as ${duplicateOf}`);
  io.out(`  skipped:    ${summary.skipped.length}`);
  for (const { path, reason } of summary.skipped.slice(0, LISTED_SKIPS)) io.out(`    ${path}: ${reason}`);
  if (summary.skipped.length > LISTED_SKIPS) io.out(`    … and ${summary.skipped.length - LISTED_SKIPS} more`);
  io.out(`  failed:     ${summary.failed}`);
  for (const failure of summary.failures) io.out(`    [${failure.code}] ${failure.message}`);
}

function shorten(file: string | null): string {
  if (!file) return '';
  return file.length > 40 ? `…${file.slice(-39)}` : file;
}
