/**
 * `imr-review reparse [--db file] [--json]`: brings the library to this version: every letter's
 * derived values (rule checks, vocabulary) to its rules, and the letters nobody has touched to
 * the current parser.
 */
import { Command } from 'commander';
import { reparseUntouchedLetters } from '../../import/reparse.ts';
import type { Db } from '../../storage/index.ts';
import type { DerivedBacklog } from '../../review/index.ts';
import { derivedBacklog, refreshDerivedSlice } from '../../review/index.ts';
import type { CommandContext } from '../command.ts';
import { jsonOption, libraryOption } from '../command.ts';
import { EXIT } from '../exitCodes.ts';
import type { CliIO } from '../io.ts';
import { withLibrary } from '../library.ts';
import { progressBar } from '../progress.ts';

/** One transaction of the derived-values update: long enough to be quick, short enough to show progress. */
const SLICE_MS = 250;

interface ReparseOptions {
  readonly db?: string;
  readonly json?: true;
}

export const reparseCommand = (context: CommandContext) =>
  new Command('reparse')
    .description(
      "Works out every letter's rule checks and vocabulary again when the library holds an older version's " +
        '(as the app does in the background), then re-runs the current parser over letters parsed by an older ' +
        'parser version, but only letters nobody has touched: letters with edits, history, verification or a ' +
        'flag keep everything.',
    )
    .addOption(libraryOption())
    .addOption(jsonOption('the counts'))
    .action(async (options: ReparseOptions) => context.exitWith(await runReparse(options, context.io)));

function runReparse(options: ReparseOptions, io: CliIO): Promise<number> {
  return withLibrary(options.db, { mode: 'write' }, io, (library) => {
    const derivedUpdated = bringDerivedValuesUpToDate(library.db, io);
    const result = reparseUntouchedLetters(library);
    if (options.json) {
      io.out(JSON.stringify({ library: library.file, ...result, derivedUpdated }));
      return EXIT.done;
    }
    if (derivedUpdated > 0) io.out(`Worked out the rule checks and vocabulary of ${derivedUpdated} letters for this version's rules.`);
    io.out(`Re-parsed ${result.reparsed} letters; ${result.kept} already current or holding human work were left as they are.`);
    return EXIT.done;
  });
}

/** The letters whose derived values were an older version's, worked out again a slice at a time (each slice kept if the command is stopped); returns how many. */
function bringDerivedValuesUpToDate(db: Db, io: CliIO): number {
  const before = derivedBacklog(db);
  if (before === null) return 0;
  const bar = progressBar(io, 'rule checks and vocabulary [{bar}] {value}/{total} letters');
  try {
    let backlog: DerivedBacklog | null = before;
    while (backlog !== null) {
      bar.update(backlog.done, backlog.total);
      backlog = refreshDerivedSlice(db, SLICE_MS);
    }
  } finally {
    bar.stop();
  }
  return before.total - before.done;
}
