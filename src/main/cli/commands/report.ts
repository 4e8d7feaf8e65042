/**
 * `imr-review report [--db <file>] [--out <folder>|-] [--format html|md|json] [--all] [--json]`:
 * the library's insights as a report file, or on stdout with `--out -`. The library is only read.
 */
import { Command, Option } from 'commander';
import type { InsightsScope } from '../../../shared/insights.ts';
import { APP_VERSION } from '../../export/index.ts';
import type { ReportFormat } from '../../report/index.ts';
import { buildReport, REPORT_FILE, REPORT_FORMATS, writeReport } from '../../report/index.ts';
import { derivedBacklog } from '../../review/index.ts';
import type { Library } from '../../storage/index.ts';
import type { CommandContext } from '../command.ts';
import { jsonOption, libraryOption, PROGRAM, usageError } from '../command.ts';
import { EXIT } from '../exitCodes.ts';
import type { CliIO } from '../io.ts';
import { withLibrary } from '../library.ts';

/** `--out -`: the report goes to stdout. */
const STDOUT = '-';

interface ReportOptions {
  readonly db?: string;
  readonly out: string;
  readonly format: ReportFormat;
  readonly all?: true;
  readonly json?: true;
}

export const reportCommand = (context: CommandContext) => {
  const command = new Command('report')
    .description(
      `Writes the insights of the library (verified letters only unless --all) to <folder>/${REPORT_FILE}.html, ` +
        '.md or .json: a self-contained HTML page with every chart inline, a Markdown summary, or the figures as JSON.',
    )
    .addOption(libraryOption())
    .option('--out <folder>', `the folder to write (made when missing); ${STDOUT}: the report on stdout, the summary on stderr`, '.')
    .addOption(new Option('--format <format>', 'the file format').choices(REPORT_FORMATS).default('html'))
    .option('--all', 'every letter (default: verified letters only)')
    .addOption(jsonOption('the file written and the counts'))
    .action(async (options: ReportOptions) => {
      if (options.out === STDOUT && options.json) usageError(command, `--json cannot share stdout with the report of --out ${STDOUT}`);
      context.exitWith(await withLibrary(options.db, { mode: 'read' }, context.io, (library) => runReport(library, options, context.io)));
    });
  return command;
};

async function runReport(library: Library, options: ReportOptions, io: CliIO): Promise<number> {
  // The breakdowns read the derived values, which only a command that writes can bring up to date.
  const backlog = derivedBacklog(library.db);
  if (backlog !== null && backlog.done < backlog.total) {
    io.err(
      `${library.file}: the rule checks and vocabulary of ${backlog.total - backlog.done} letters are an older version's, and report only reads the library; ` +
        `work them out with \`${PROGRAM} reparse --db ${JSON.stringify(library.file)}\` (or by opening the library in the app), then report again.`,
    );
    return EXIT.failed;
  }
  const scope: InsightsScope = options.all ? 'all' : 'verified';
  const reportOptions = { format: options.format, scope, libraryFile: library.file, appVersion: APP_VERSION };
  if (options.out === STDOUT) {
    const { text, insights } = buildReport(library.db, reportOptions);
    io.out(text.replace(/\n$/, ''));
    await io.flushed();
    // A reader that has gone (`| head -1`) ends the report quietly.
    if (io.stdoutClosed.aborted) return EXIT.done;
    summarize('Wrote the report to stdout', scope, insights.headline, io.err);
    return EXIT.done;
  }
  let written;
  try {
    written = await writeReport(library.db, { ...reportOptions, outDir: options.out });
  } catch (error) {
    if (typeof (error as NodeJS.ErrnoException).code !== 'string') throw error;
    io.err(`Report not written to ${options.out}: ${(error as Error).message}`);
    return EXIT.failed;
  }
  const { file, insights } = written;
  if (options.json) {
    io.out(JSON.stringify({ library: library.file, file, format: options.format, scope, letters: insights.headline.letters, items: insights.headline.items }));
    return EXIT.done;
  }
  summarize(`Wrote ${file}`, scope, insights.headline, io.out);
  return EXIT.done;
}

function summarize(wrote: string, scope: InsightsScope, headline: { readonly letters: number; readonly items: number }, say: (line: string) => void): void {
  say(`${wrote}: ${scope === 'verified' ? 'verified letters' : 'all letters'}, ${headline.letters} letters, ${headline.items} items`);
  if (headline.letters === 0 && scope === 'verified') say('No letter is verified yet: --all reports on every letter.');
}
