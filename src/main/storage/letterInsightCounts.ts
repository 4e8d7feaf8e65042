/**
 * The insights' counts kept per letter (migration 009): its partial certifications and drug
 * items on the letters row, and per facet value its items and their decisions (letter_facets,
 * which triggers sum into facet_totals by status). The letter's summary writes what comes from
 * its items, its derived values (written again after every change) what comes from their
 * facets, each in the same transaction; undo restores them with the rest of the letter's rows.
 */
import type { LetterFacetValue } from '../../shared/derived.ts';
import { DRUG_CATEGORIES } from '../../shared/insights.ts';
import { PARTIAL_ITEM } from './queue.ts';
import { statement } from './sql.ts';
import type { Db } from './sql.ts';

const DRUG_CATEGORY_LIST = DRUG_CATEGORIES.map((category) => `'${category}'`).join(', ');
const DRUG_ITEM = `EXISTS (SELECT 1 FROM item_facets c WHERE c.item_id = i.id AND c.facet = 'category' AND c.value IN (${DRUG_CATEGORY_LIST}))`;
const OPIOID_ITEM = "EXISTS (SELECT 1 FROM item_facets o WHERE o.item_id = i.id AND o.facet = 'drug-class' AND o.value = 'opioid')";

/** An assignment for `UPDATE letters SET ...`: the letter's partial certifications and their decisions, from its items. */
export const PARTIAL_COUNTS = `(partial_count, partial_upheld_count, partial_overturned_count) = (
  SELECT COUNT(*) FILTER (WHERE ${PARTIAL_ITEM}), COUNT(*) FILTER (WHERE ${PARTIAL_ITEM} AND i.decision = 'Upheld'),
    COUNT(*) FILTER (WHERE ${PARTIAL_ITEM} AND i.decision = 'Overturned')
  FROM items i WHERE i.letter_id = letters.id)`;

/** The same for its drug items and opioid drug items, from its items' facets. */
export const DRUG_COUNTS = `(drug_item_count, opioid_drug_item_count) = (
  SELECT COUNT(*) FILTER (WHERE ${DRUG_ITEM}), COUNT(*) FILTER (WHERE ${DRUG_ITEM} AND ${OPIOID_ITEM})
  FROM items i WHERE i.letter_id = letters.id)`;

interface LetterFacetRow {
  readonly facet: string;
  readonly value: string;
  readonly items: number;
  readonly upheld: number;
  readonly overturned: number;
}

/**
 * Brings the letter's letter_facets rows in line with its item facets and decisions, and its
 * own facet values (each counting all its items), writing only the rows that differ, so a
 * change records just what it changed. The rows are counted here rather than in SQL: a sort or
 * an upsert per row costs more than the letter's few rows.
 */
export function writeLetterFacets(db: Db, letterId: number, letterFacets: readonly LetterFacetValue[]): void {
  const facets = statement(db, 'SELECT f.facet, f.value, i.decision FROM item_facets f JOIN items i ON i.id = f.item_id WHERE f.letter_id = ?').all(
    letterId,
  ) as { facet: string; value: string; decision: string | null }[];
  const wanted = new Map<string, LetterFacetRow>();
  for (const { facet, value, decision } of facets) {
    const counted = wanted.get(facetValueKey(facet, value)) ?? { facet, value, items: 0, upheld: 0, overturned: 0 };
    wanted.set(facetValueKey(facet, value), {
      ...counted,
      items: counted.items + 1,
      upheld: counted.upheld + Number(decision === 'Upheld'),
      overturned: counted.overturned + Number(decision === 'Overturned'),
    });
  }
  if (letterFacets.length > 0) {
    const all = statement(
      db,
      "SELECT COUNT(*) AS items, COUNT(*) FILTER (WHERE decision = 'Upheld') AS upheld, COUNT(*) FILTER (WHERE decision = 'Overturned') AS overturned FROM items WHERE letter_id = ?",
    ).get(letterId) as { items: number; upheld: number; overturned: number };
    for (const { facet, value } of letterFacets) wanted.set(facetValueKey(facet, value), { facet, value, ...all });
  }
  const stored = statement(db, 'SELECT facet, value, items, upheld, overturned FROM letter_facets WHERE letter_id = ?').all(letterId) as LetterFacetRow[];
  const remove = statement(db, 'DELETE FROM letter_facets WHERE letter_id = ? AND facet = ? AND value = ?');
  const update = statement(db, 'UPDATE letter_facets SET items = ?, upheld = ?, overturned = ? WHERE letter_id = ? AND facet = ? AND value = ?');
  for (const row of stored) {
    const key = facetValueKey(row.facet, row.value);
    const now = wanted.get(key);
    wanted.delete(key);
    if (now === undefined) remove.run(letterId, row.facet, row.value);
    else if (now.items !== row.items || now.upheld !== row.upheld || now.overturned !== row.overturned) {
      update.run(now.items, now.upheld, now.overturned, letterId, row.facet, row.value);
    }
  }
  const insert = statement(db, 'INSERT INTO letter_facets (letter_id, facet, value, items, upheld, overturned) VALUES (?, ?, ?, ?, ?, ?)');
  for (const row of wanted.values()) insert.run(letterId, row.facet, row.value, row.items, row.upheld, row.overturned);
}

function facetValueKey(facet: string, value: string): string {
  return `${facet}\u0000${value}`;
}
