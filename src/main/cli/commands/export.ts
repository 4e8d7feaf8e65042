/**
 * `imr-review export --format jsonl|csv|parquet|xlsx --out <folder>`: the reviewed dataset with its
 * card; `--format jsonl --out -` streams the records to stdout instead. The library is only read.
 */
import { Command, Option } from 'commander';
import type { ExportFilter, ExportFormat } from '../../../shared/export.ts';
import { EXPORT_FORMATS } from '../../../shared/export.ts';
import type { Decision, LetterFormat } from '../../../shared/letter.ts';
import { DECISIONS, LETTER_FORMATS } from '../../../shared/letter.ts';
import type { LetterStatus } from '../../../shared/library.ts';
import { LETTER_STATUSES } from '../../../shared/library.ts';
import { exportInWorker, streamJsonlRecords } from '../../export/index.ts';
import type { Library } from '../../storage/index.ts';
import { getLibraryStats, tagIdByName } from '../../storage/index.ts';
import type { CommandContext } from '../command.ts';
import { jsonOption, libraryOption, PROGRAM, quietOption, usageError } from '../command.ts';
import { EXIT } from '../exitCodes.ts';
import type { CliIO } from '../io.ts';
import { interruptSignal } from '../io.ts';
import { withLibrary } from '../library.ts';
import { progressBar } from '../progress.ts';

/** `--out -`: the records go to stdout. */
const STDOUT = '-';

interface ExportOptions {
  readonly db?: string;
  readonly format: ExportFormat;
  readonly out: string;
  readonly all?: true;
  readonly withSpans?: true;
  readonly tag?: string;
  readonly decision?: Decision;
  readonly formatFilter?: LetterFormat;
  readonly status?: LetterStatus;
  readonly bom?: true;
  readonly force?: true;
  readonly json?: true;
  readonly quiet?: true;
}

export const exportCommand = (context: CommandContext) => {
  const command = new Command('export')
    .description(
      'Writes the verified letters (every letter with --all) as JSONL, CSV, Parquet or an Excel workbook with ' +
        'a dataset card (README.md), committed as a set: the folder holds the previous export or the new one, ' +
        'never a mix. A folder holding files the app did not write is refused unless --force is given. ' +
        'Ctrl+C cancels, leaving the folder as it was.',
    )
    .addOption(libraryOption())
    .addOption(new Option('--format <format>', 'the file format').choices(EXPORT_FORMATS).makeOptionMandatory())
    .addOption(new Option('--out <folder>', `the folder to write (made when missing); ${STDOUT}: the JSONL records on stdout, the summary on stderr`).makeOptionMandatory())
    .option('--all', 'every letter with its review status (default: verified letters only)')
    .option('--with-spans', 'add the source spans of every value')
    .option('--tag <name>', 'letters carrying this tag, on the letter or one of its items')
    .addOption(new Option('--decision <decision>', 'letters with at least one item of this decision').choices(DECISIONS))
    .addOption(new Option('--format-filter <format>', 'letters of one format').choices(LETTER_FORMATS))
    .addOption(new Option('--status <status>', 'with --all: letters of one review status').choices(LETTER_STATUSES))
    .option('--bom', 'CSV: start with a UTF-8 byte order mark, so Excel opens accents right')
    .option('--force', 'write beside files the app did not write (a file of the same name is replaced)')
    .addOption(jsonOption('the files written and the counts'))
    .addOption(quietOption())
    .action(async (options: ExportOptions) => {
      const problem = optionProblem(options);
      if (problem !== null) usageError(command, problem);
      context.exitWith(
        await withLibrary(options.db, { mode: 'read' }, context.io, (library) => {
          const filter = filterOf(command, library, options);
          return options.out === STDOUT ? exportToStdout(library, filter, options, context.io) : exportToFolder(library, filter, options, context.io);
        }),
      );
    });
  return command;
};

function optionProblem(options: ExportOptions): string | null {
  if (options.status !== undefined && !options.all) return '--status needs --all (the default export holds verified letters only)';
  if (options.bom && options.format !== 'csv') return '--bom applies to --format csv only';
  if (options.out === STDOUT) {
    if (options.format !== 'jsonl') return `--out ${STDOUT} (stdout) takes --format jsonl only: the other formats are files`;
    if (options.force) return `--force applies to a folder, not to --out ${STDOUT}`;
    if (options.json) return `--json cannot share stdout with the records of --out ${STDOUT}`;
  }
  return null;
}

function filterOf(command: Command, library: Library, options: ExportOptions): ExportFilter {
  const tagId = options.tag === undefined ? undefined : tagIdByName(library.db, options.tag);
  if (tagId === null) usageError(command, `no tag named "${options.tag}" in ${library.file}`);
  return {
    ...(tagId === undefined ? {} : { tagId }),
    ...(options.decision === undefined ? {} : { decision: options.decision }),
    ...(options.formatFilter === undefined ? {} : { format: options.formatFilter }),
    ...(options.status === undefined ? {} : { status: options.status }),
  };
}

async function exportToFolder(library: Library, filter: ExportFilter, options: ExportOptions, io: CliIO): Promise<number> {
  const interrupt = interruptSignal();
  const bar = progressBar(io, 'exporting [{bar}] {value}/{total} letters');
  try {
    // In its worker, as the app runs it: a heap of its own, kept small, holds the export's memory flat.
    const result = await exportInWorker(
      library.file,
      {
        format: options.format,
        outDir: options.out,
        scope: options.all ? 'all' : 'verified',
        filter,
        withSpans: options.withSpans ?? false,
        bom: options.bom ?? false,
        force: options.force ?? false,
      },
      { signal: interrupt.signal, onProgress: ({ done, total }) => bar.update(done, total) },
    );
    bar.stop();
    if (result.letters === 0 && !options.quiet) io.err(whyEmpty(library, options));
    if (options.json) {
      io.out(JSON.stringify({ library: library.file, ...result }));
      return EXIT.done;
    }
    if (options.quiet) return EXIT.done;
    io.out(`Exported ${result.letters} letters, ${result.items} items from ${library.file}`);
    for (const file of result.files) io.out(`  ${file.path}  ${file.bytes} bytes${file.rows > 0 ? `, ${file.rows} rows` : ''}`);
    return EXIT.done;
  } catch (error) {
    bar.stop();
    if (interrupt.signal.aborted) {
      io.err(`Export cancelled; ${options.out} is as it was.`);
      return EXIT.cancelled;
    }
    // The worker's errors arrive as their name and message.
    const { name, message } = error instanceof Error ? error : { name: '', message: '' };
    if (name === 'ForeignFilesError') {
      io.err(`${message}: choose a new or empty folder, or pass --force to write the export beside them (a file of the same name is replaced).`);
      return EXIT.failed;
    }
    if (name === 'ExportFileError' || name === 'FileSystemStuckError' || name === 'SheetTooLongError') {
      io.err(`Export failed: ${message}; ${options.out} is as it was.`);
      return EXIT.failed;
    }
    throw error;
  } finally {
    interrupt.dispose();
  }
}

/** The records on stdout as they are read; a reader that goes away (`| head -1`) ends the export quietly. */
async function exportToStdout(library: Library, filter: ExportFilter, options: ExportOptions, io: CliIO): Promise<number> {
  const interrupt = interruptSignal();
  const stop = AbortSignal.any([interrupt.signal, io.stdoutClosed]);
  try {
    const result = await streamJsonlRecords(
      library.file,
      { scope: options.all ? 'all' : 'verified', filter, withSpans: options.withSpans ?? false },
      (line) => {
        io.out(line);
        return io.drained();
      },
      { signal: stop },
    );
    if (result.letters === 0 && !options.quiet) io.err(whyEmpty(library, options));
    if (!options.quiet) io.err(`Exported ${result.letters} letters, ${result.items} items from ${library.file} to stdout`);
    return EXIT.done;
  } catch (error) {
    if (io.stdoutClosed.aborted) return EXIT.done;
    if (interrupt.signal.aborted) {
      io.err('Export cancelled.');
      return EXIT.cancelled;
    }
    throw error;
  } finally {
    interrupt.dispose();
  }
}

/** Why an export holds no letter, and how to get letters into it: said on stderr, beside the empty dataset. */
function whyEmpty(library: Library, options: ExportOptions): string {
  const { letters, lettersByStatus } = getLibraryStats(library.db);
  const verified = lettersByStatus.verified;
  if (letters === 0) return `No letters exported: ${library.file} holds none. Import letters first: \`${PROGRAM} import <folder> --db ${JSON.stringify(library.file)}\`.`;
  if (options.all) return `No letters exported: none of the ${letters} letters matches the filters.`;
  if (verified > 0) return `No letters exported: none of the ${verified} verified letters matches the filters; --all exports letters not verified too.`;
  return (
    `No letters exported: only verified letters are exported, and none of the ${letters} letters is verified yet. ` +
    'Verify letters in the app (npm start, then File → Open Database…), or pass --all to export every letter with its review status.'
  );
}
