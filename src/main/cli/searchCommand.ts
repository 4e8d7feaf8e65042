/** `imr-review search [--db file] <query>`: matching letters with a snippet. */
import { parseArgs } from 'node:util';
import { searchLetters } from '../storage/index.ts';
import type { CliIO } from './io.ts';
import { withLibrary } from './library.ts';

const DEFAULT_LIMIT = 20;

export async function runSearch(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { db: { type: 'string' }, limit: { type: 'string' } },
  });
  const query = positionals.join(' ').trim();
  const limit = values.limit === undefined ? DEFAULT_LIMIT : Number(values.limit);
  if (query === '' || !(Number.isInteger(limit) && limit > 0)) {
    io.err('usage: imr-review search [--db <file>] [--limit N] <query>');
    return 2;
  }
  return withLibrary(values.db, io, ({ db }) => {
    const hits = searchLetters(db, query, { limit, markers: ['[', ']'] });
    if (hits.length === 0) io.out(`No letters match "${query}".`);
    for (const hit of hits) io.out(`${hit.caseNumber ?? '(no case number)'}  ${hit.fileName}\n    ${hit.snippet}`);
    return 0;
  });
}
