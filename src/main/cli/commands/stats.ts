/** `imr-review stats [--db file] [--json]`: letters by status and format, items by decision and category, check findings, import errors. */
import { Command } from 'commander';
import { getDerivedStats, getLibraryStats } from '../../storage/index.ts';
import type { CommandContext } from '../command.ts';
import { jsonOption, libraryOption } from '../command.ts';
import { EXIT } from '../exitCodes.ts';
import type { CliIO } from '../io.ts';
import { withLibrary } from '../library.ts';

interface StatsOptions {
  readonly db?: string;
  readonly json?: true;
}

export const statsCommand = (context: CommandContext) =>
  new Command('stats')
    .description(
      'Letters by review status and by format, items by decision, by service category and by drug class, ' +
        'letters with rule check findings and the findings by check, import errors by code.',
    )
    .addOption(libraryOption())
    .addOption(jsonOption('the counts'))
    .action(async (options: StatsOptions) => context.exitWith(await runStats(options, context.io)));

function runStats(options: StatsOptions, io: CliIO): Promise<number> {
  return withLibrary(options.db, { mode: 'read' }, io, ({ db, file }) => {
    const stats = { ...getLibraryStats(db), ...getDerivedStats(db) };
    if (options.json) {
      io.out(JSON.stringify(stats));
      return EXIT.done;
    }
    const rows = (counts: Readonly<Record<string, number>>) =>
      Object.entries(counts).map(([key, n]) => `    ${key.padEnd(24)}${n}`);
    io.out(
      [
        `Library ${file}`,
        `  letters: ${stats.letters}`,
        '  by status:',
        ...rows(stats.lettersByStatus),
        '  by format:',
        ...rows(stats.lettersByFormat),
        `  items: ${stats.items}`,
        '  by decision:',
        ...rows(stats.itemsByDecision),
        '  items by service category:',
        ...rows(stats.itemsByCategory),
        '  items by drug class:',
        ...rows(stats.itemsByDrugClass),
        `  letters with rule check findings: ${stats.lettersWithChecks}`,
        ...rows(stats.checksByCode),
        `  import errors: ${stats.importErrors}`,
        ...rows(stats.importErrorsByCode),
      ].join('\n'),
    );
    return EXIT.done;
  });
}
