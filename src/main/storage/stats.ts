/** Library-wide counts for the dashboard and the CLI. */
import { LETTER_STATUSES } from './fields.ts';
import type { LetterStatus } from './fields.ts';
import { statement } from './sql.ts';
import type { Db } from './sql.ts';
import type { DerivedStats, LibraryStats } from '../../shared/library.ts';
export type { LibraryStats } from '../../shared/library.ts';

export function getLibraryStats(db: Db): LibraryStats {
  return db.transaction(() => {
    // One pass over a covering index; the status vocabulary is closed (a CHECK constraint).
    const statusCounts = LETTER_STATUSES.map((status) => `COUNT(*) FILTER (WHERE status = '${status}') AS "${status}"`);
    const totals = statement(
      db,
      `SELECT ${statusCounts.join(', ')}, COALESCE(SUM(item_count), 0) AS items,
         COALESCE(SUM(upheld_count), 0) AS upheld, COALESCE(SUM(overturned_count), 0) AS overturned
       FROM letters`,
    ).get() as Record<LetterStatus, number> & { items: number; upheld: number; overturned: number };
    const lettersByStatus = Object.fromEntries(LETTER_STATUSES.map((status) => [status, totals[status]])) as Record<
      LetterStatus,
      number
    >;
    const lettersByFormat = countsByKey(db, 'SELECT format AS key, COUNT(*) AS n FROM letters GROUP BY format');
    const importErrorsByCode = countsByKey(db, 'SELECT code AS key, COUNT(*) AS n FROM import_errors GROUP BY code');
    return {
      letters: sum(Object.values(lettersByStatus)),
      lettersByStatus,
      lettersByFormat,
      items: totals.items,
      itemsByDecision: {
        Upheld: totals.upheld,
        Overturned: totals.overturned,
        none: totals.items - totals.upheld - totals.overturned,
      },
      importErrors: sum(Object.values(importErrorsByCode)),
      importErrorsByCode,
    };
  })();
}

/** What the rule checks and the vocabulary found across the library: findings by check, items by category and drug class. */
export function getDerivedStats(db: Db): DerivedStats {
  return db.transaction(() => ({
    lettersWithChecks: (statement(db, 'SELECT COUNT(*) AS n FROM letters WHERE check_count > 0').get() as { n: number }).n,
    checksByCode: countsByKey(
      db,
      `SELECT json_extract(c.value, '$.code') AS key, COUNT(*) AS n FROM letters l, json_each(l.checks) c
       WHERE l.check_count > 0 GROUP BY key ORDER BY key`,
    ),
    itemsByCategory: countsByKey(db, "SELECT value AS key, COUNT(*) AS n FROM item_facets WHERE facet = 'category' GROUP BY value ORDER BY n DESC, value"),
    itemsByDrugClass: countsByKey(db, "SELECT value AS key, COUNT(*) AS n FROM item_facets WHERE facet = 'drug-class' GROUP BY value ORDER BY n DESC, value"),
  }))();
}

function countsByKey(db: Db, sql: string): Record<string, number> {
  const rows = statement(db, sql).all() as { key: string; n: number }[];
  return Object.fromEntries(rows.map((row) => [row.key, row.n]));
}

function sum(values: readonly number[]): number {
  return values.reduce((total, n) => total + n, 0);
}
