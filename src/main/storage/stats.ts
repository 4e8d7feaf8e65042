/** Library-wide counts for the dashboard and the CLI. */
import { LETTER_STATUSES } from './fields.ts';
import type { LetterStatus } from './fields.ts';
import { statement } from './sql.ts';
import type { Db } from './sql.ts';

export interface LibraryStats {
  readonly letters: number;
  readonly lettersByStatus: Readonly<Record<LetterStatus, number>>;
  readonly lettersByFormat: Readonly<Record<string, number>>;
  readonly items: number;
  /** `none` counts items whose decision is missing. */
  readonly itemsByDecision: { readonly Upheld: number; readonly Overturned: number; readonly none: number };
  readonly importErrors: number;
  readonly importErrorsByCode: Readonly<Record<string, number>>;
}

export function getLibraryStats(db: Db): LibraryStats {
  return db.transaction(() => {
    const lettersByStatus = Object.fromEntries(LETTER_STATUSES.map((status) => [status, 0])) as Record<
      LetterStatus,
      number
    >;
    for (const row of groupCounts(db, 'SELECT status AS key, COUNT(*) AS n FROM letters GROUP BY status')) {
      lettersByStatus[row.key as LetterStatus] = row.n;
    }
    const lettersByFormat = countsByKey(groupCounts(db, 'SELECT format AS key, COUNT(*) AS n FROM letters GROUP BY format'));
    const importErrorsByCode = countsByKey(
      groupCounts(db, 'SELECT code AS key, COUNT(*) AS n FROM import_errors GROUP BY code'),
    );
    // Summed from the per-letter counts, which the services keep equal to the items table.
    const items = statement(
      db,
      `SELECT COALESCE(SUM(item_count), 0) AS total, COALESCE(SUM(upheld_count), 0) AS upheld,
         COALESCE(SUM(overturned_count), 0) AS overturned FROM letters`,
    ).get() as { total: number; upheld: number; overturned: number };
    return {
      letters: Object.values(lettersByStatus).reduce((sum, n) => sum + n, 0),
      lettersByStatus,
      lettersByFormat,
      items: items.total,
      itemsByDecision: { Upheld: items.upheld, Overturned: items.overturned, none: items.total - items.upheld - items.overturned },
      importErrors: Object.values(importErrorsByCode).reduce((sum, n) => sum + n, 0),
      importErrorsByCode,
    };
  })();
}

function groupCounts(db: Db, sql: string): { key: string; n: number }[] {
  return statement(db, sql).all() as { key: string; n: number }[];
}

function countsByKey(rows: readonly { key: string; n: number }[]): Record<string, number> {
  return Object.fromEntries(rows.map((row) => [row.key, row.n]));
}
