/** `imr-review reparse [--db file]`: re-runs the current parser over letters nobody has touched. */
import { parseArgs } from 'node:util';
import { reparseUntouchedLetters } from '../import/reparse.ts';
import type { CliIO } from './io.ts';
import { withLibrary } from './library.ts';

export async function runReparse(args: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({ args, options: { db: { type: 'string' } } });
  return withLibrary(values.db, io, (library) => {
    const result = reparseUntouchedLetters(library);
    io.out(`Re-parsed ${result.reparsed} letters; ${result.kept} already current or holding human work were left as they are.`);
    return 0;
  });
}
