/** `imr-review report [--db <file>] [--out <folder>] [--format html|md|json] [--all]`: the library's insights as a report. */
import { Command, Option } from 'commander';
import { APP_VERSION } from '../../export/index.ts';
import type { ReportFormat } from '../../report/index.ts';
import { REPORT_FORMATS, writeReport } from '../../report/index.ts';
import { bringDerivedUpToDate } from '../../review/index.ts';
import type { CommandContext } from '../command.ts';
import { libraryOption } from '../command.ts';
import { EXIT } from '../exitCodes.ts';
import type { CliIO } from '../io.ts';
import { withLibrary } from '../library.ts';

interface ReportOptions {
  readonly db?: string;
  readonly out: string;
  readonly format: ReportFormat;
  readonly all?: true;
}

export const reportCommand = (context: CommandContext) =>
  new Command('report')
    .summary('the insights: outcomes beside published figures, as HTML, Markdown or JSON')
    .description(
      'Writes the insights of the library (verified letters only unless --all) to <folder>/imr-insights.html, ' +
        '.md or .json: a self-contained HTML page with every chart inline, a Markdown summary, or the figures as JSON.',
    )
    .addOption(libraryOption())
    .option('--out <folder>', 'the folder to write (made when missing)', '.')
    .addOption(new Option('--format <format>', 'the file format').choices(REPORT_FORMATS).default('html'))
    .option('--all', 'every letter (default: verified letters only)')
    .action(async (options: ReportOptions) => context.exitWith(await runReport(options, context.io)));

function runReport(options: ReportOptions, io: CliIO): Promise<number> {
  return withLibrary(options.db, { mode: 'write' }, io, async (library) => {
    // The breakdowns read the derived values; a library from an older app gets them worked out first, as the app does.
    const refreshed = bringDerivedUpToDate(library.db);
    if (refreshed > 0) io.err(`worked out the derived values of ${refreshed} letters for this app's rules first`);
    const scope = options.all ? 'all' : 'verified';
    const { file, insights } = await writeReport(library.db, { format: options.format, outDir: options.out, scope, libraryFile: library.file, appVersion: APP_VERSION });
    const { headline } = insights;
    io.out(`Wrote ${file}: ${scope === 'verified' ? 'verified letters' : 'all letters'}, ${headline.letters} letters, ${headline.items} items`);
    if (headline.letters === 0 && scope === 'verified') io.out('No letter is verified yet: --all reports on every letter.');
    return EXIT.done;
  });
}
