/** `imr-review reparse [--db file] [--json]`: re-runs the current parser over letters nobody has touched. */
import { Command } from 'commander';
import { reparseUntouchedLetters } from '../../import/reparse.ts';
import type { CommandContext } from '../command.ts';
import { jsonOption, libraryOption } from '../command.ts';
import { EXIT } from '../exitCodes.ts';
import type { CliIO } from '../io.ts';
import { withLibrary } from '../library.ts';

interface ReparseOptions {
  readonly db?: string;
  readonly json?: true;
}

export const reparseCommand = (context: CommandContext) =>
  new Command('reparse')
    .summary('re-run the current parser over letters nobody has touched')
    .description(
      'Re-runs the current parser over letters parsed by an older parser version, but only letters nobody ' +
        'has touched: letters with edits, history, verification or a flag keep everything.',
    )
    .addOption(libraryOption())
    .addOption(jsonOption('the counts'))
    .action(async (options: ReparseOptions) => context.exitWith(await runReparse(options, context.io)));

function runReparse(options: ReparseOptions, io: CliIO): Promise<number> {
  return withLibrary(options.db, { mode: 'write' }, io, (library) => {
    const result = reparseUntouchedLetters(library);
    if (options.json) io.out(JSON.stringify({ library: library.file, ...result }));
    else io.out(`Re-parsed ${result.reparsed} letters; ${result.kept} already current or holding human work were left as they are.`);
    return EXIT.done;
  });
}
