/**
 * The insights' kept counts (migration 009) as stored, and worked out again from the items,
 * their facets, their letters' licensure and statuses alone: every write, undo and redo must keep the two
 * equal. The recount is written here on its own, not with the app's SQL, so a wrong count in
 * the app cannot hide in both.
 */
import { DRUG_CATEGORIES } from '../../src/shared/insights.ts';
import { licensureStates } from '../../src/shared/licensure.ts';
import type { Db } from '../../src/main/storage/index.ts';

export interface InsightRows {
  readonly letters: readonly unknown[];
  readonly letterFacets: readonly unknown[];
  readonly facetTotals: readonly unknown[];
}

const LETTER_COLUMNS = 'partial_count, partial_upheld_count, partial_overturned_count, drug_item_count, opioid_drug_item_count';

export function storedInsightRows(db: Db): InsightRows {
  return {
    letters: db.prepare(`SELECT id, ${LETTER_COLUMNS} FROM letters ORDER BY id`).all(),
    letterFacets: db.prepare('SELECT letter_id, facet, value, items, upheld, overturned FROM letter_facets ORDER BY letter_id, facet, value').all(),
    facetTotals: db.prepare('SELECT status, facet, value, letters, items, upheld, overturned FROM facet_totals ORDER BY status, facet, value').all(),
  };
}

const DRUGS = DRUG_CATEGORIES.map((category) => `'${category}'`).join(', ');

export function recountedInsightRows(db: Db): InsightRows {
  const itemFacetRows = db
    .prepare(
      `SELECT f.letter_id, f.facet, f.value, COUNT(*) AS items, COUNT(*) FILTER (WHERE i.decision = 'Upheld') AS upheld,
         COUNT(*) FILTER (WHERE i.decision = 'Overturned') AS overturned
       FROM item_facets f JOIN items i ON i.id = f.item_id GROUP BY f.letter_id, f.facet, f.value`,
    )
    .all() as FacetRow[];
  // A letter's states of licensure count all its items.
  const letterRows = db
    .prepare(
      `SELECT l.id, l.status, l.reviewer_licensure AS licensure, COUNT(i.id) AS items, COUNT(i.id) FILTER (WHERE i.decision = 'Upheld') AS upheld,
         COUNT(i.id) FILTER (WHERE i.decision = 'Overturned') AS overturned
       FROM letters l LEFT JOIN items i ON i.letter_id = l.id GROUP BY l.id`,
    )
    .all() as { id: number; status: string; licensure: string | null; items: number; upheld: number; overturned: number }[];
  const statusOf = new Map(letterRows.map((row) => [row.id, row.status]));
  const licensureRows: FacetRow[] = letterRows.flatMap((row) =>
    licensureStates(row.licensure).map((value) => ({ letter_id: row.id, facet: 'licensure-state', value, items: row.items, upheld: row.upheld, overturned: row.overturned })),
  );
  const items = `SELECT i.id, i.letter_id, i.decision,
      i.original_request IS NOT NULL OR i.authorized_by_claims_administrator IS NOT NULL OR i.imr_eligible_portion IS NOT NULL AS partial,
      EXISTS (SELECT 1 FROM item_facets c WHERE c.item_id = i.id AND c.facet = 'category' AND c.value IN (${DRUGS})) AS drug,
      EXISTS (SELECT 1 FROM item_facets o WHERE o.item_id = i.id AND o.facet = 'drug-class' AND o.value = 'opioid') AS opioid
    FROM items i`;
  return {
    letters: db
      .prepare(
        `SELECT l.id,
           COUNT(i.id) FILTER (WHERE i.partial) AS partial_count,
           COUNT(i.id) FILTER (WHERE i.partial AND i.decision = 'Upheld') AS partial_upheld_count,
           COUNT(i.id) FILTER (WHERE i.partial AND i.decision = 'Overturned') AS partial_overturned_count,
           COUNT(i.id) FILTER (WHERE i.drug) AS drug_item_count,
           COUNT(i.id) FILTER (WHERE i.drug AND i.opioid) AS opioid_drug_item_count
         FROM letters l LEFT JOIN (${items}) i ON i.letter_id = l.id GROUP BY l.id ORDER BY l.id`,
      )
      .all(),
    letterFacets: sorted([...itemFacetRows, ...licensureRows], ['letter_id', 'facet', 'value']),
    facetTotals: sorted(
      [...groupBy([...itemFacetRows, ...licensureRows], (row) => [statusOf.get(row.letter_id) ?? '', row.facet, row.value])].map(([[status, facet, value], rows]) => ({
        status,
        facet,
        value,
        letters: new Set(rows.map((row) => row.letter_id)).size,
        items: sum(rows, 'items'),
        upheld: sum(rows, 'upheld'),
        overturned: sum(rows, 'overturned'),
      })),
      ['status', 'facet', 'value'],
    ),
  };
}

interface FacetRow {
  readonly letter_id: number;
  readonly facet: string;
  readonly value: string;
  readonly items: number;
  readonly upheld: number;
  readonly overturned: number;
}

/** Ordered as SQLite's ORDER BY orders them (numbers by value, text by its code units). */
function sorted<T extends object>(rows: readonly T[], keys: readonly (keyof T)[]): T[] {
  const compare = (a: unknown, b: unknown) => (typeof a === 'number' && typeof b === 'number' ? a - b : String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0);
  return [...rows].sort((a, b) => keys.reduce((order, key) => order || compare(a[key], b[key]), 0));
}

function groupBy(rows: readonly FacetRow[], keyOf: (row: FacetRow) => [string, string, string]): Map<[string, string, string], FacetRow[]> {
  const groups = new Map<string, { key: [string, string, string]; rows: FacetRow[] }>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key.join('\u0000')) ?? { key, rows: [] };
    group.rows.push(row);
    groups.set(key.join('\u0000'), group);
  }
  return new Map([...groups.values()].map((group) => [group.key, group.rows]));
}

function sum(rows: readonly FacetRow[], key: 'items' | 'upheld' | 'overturned'): number {
  return rows.reduce((total, row) => total + row[key], 0);
}
