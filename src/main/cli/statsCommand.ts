/** `imr-review stats [--db file] [--json]`: letters by status and format, items by decision and category, check findings, import errors. */
import { parseArgs } from 'node:util';
import { getDerivedStats, getLibraryStats } from '../storage/index.ts';
import type { CliIO } from './io.ts';
import { withLibrary } from './library.ts';

export async function runStats(args: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({ args, options: { db: { type: 'string' }, json: { type: 'boolean' } } });
  return withLibrary(values.db, io, ({ db, file }) => {
    const stats = { ...getLibraryStats(db), ...getDerivedStats(db) };
    if (values.json) {
      io.out(JSON.stringify(stats));
      return 0;
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
    return 0;
  });
}
