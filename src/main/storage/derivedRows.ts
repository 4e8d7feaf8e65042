/**
 * The derived values as rows: a letter's check findings (and their count, which the queue
 * filters and sorts on) and its items' facets, with the insights' counts of them. Written in
 * the same transaction as the change they follow, so undo puts them back with it.
 */
import type { CheckFinding, ItemFacet, LetterFacetValue, StructureCorrections } from '../../shared/derived.ts';
import { LETTER_FACETS } from '../../shared/derived.ts';
import { HEADER_FIELDS } from '../../shared/letter.ts';
import type { ExportedStructure } from '../../shared/export.ts';
import { NotFoundError } from './errors.ts';
import { ITEM_FIELD_COLUMNS, LETTER_FIELD_COLUMNS } from './fields.ts';
import { DRUG_COUNTS, writeLetterFacets } from './letterInsightCounts.ts';
import type { Db } from './sql.ts';
import { parseJson, statement } from './sql.ts';

export interface StoredDerived {
  readonly checks: readonly CheckFinding[];
  readonly letterFacets: readonly LetterFacetValue[];
  /** Per item, in letter order. */
  readonly items: readonly { readonly facets: readonly ItemFacet[]; readonly structure: ExportedStructure }[];
}

export function writeDerived(db: Db, letterId: number, derived: StoredDerived): void {
  const items = statement(db, 'SELECT id, structure FROM items WHERE letter_id = ? ORDER BY position').all(letterId) as { id: number; structure: string | null }[];
  const current = statement(db, 'SELECT item_id, facet, value FROM item_facets WHERE letter_id = ?').all(letterId) as { item_id: number; facet: string; value: string }[];
  const wanted = new Set<string>();
  const insert = statement(db, 'INSERT OR IGNORE INTO item_facets (item_id, letter_id, facet, value) VALUES (?, ?, ?, ?)');
  const setStructure = statement(db, 'UPDATE items SET structure = ? WHERE id = ?');
  derived.items.forEach((item, position) => {
    const row = items[position];
    if (row === undefined) return;
    const itemId = row.id;
    // Unchanged structures are not written again: every write is recorded by the change's capture.
    const structure = JSON.stringify(item.structure);
    if (structure !== row.structure) setStructure.run(structure, itemId);
    for (const { facet, value } of item.facets) {
      wanted.add(facetKey(itemId, facet, value));
      insert.run(itemId, letterId, facet, value);
    }
  });
  // Only facets that went away are deleted, so a change records just what it changed.
  const remove = statement(db, 'DELETE FROM item_facets WHERE item_id = ? AND facet = ? AND value = ?');
  for (const row of current) if (!wanted.has(facetKey(row.item_id, row.facet, row.value))) remove.run(row.item_id, row.facet, row.value);
  // After the facets: the drug item counts read them.
  const { changes } = statement(
    db,
    `UPDATE letters SET checks = ?, check_count = ?, attention_count = warning_count + ?, ${DRUG_COUNTS} WHERE id = ?`,
  ).run(JSON.stringify(derived.checks), derived.checks.length, derived.checks.length, letterId);
  if (changes === 0) throw new NotFoundError('letter', letterId);
  writeLetterFacets(db, letterId, derived.letterFacets);
}

/**
 * The derived values as the letter's rows hold them, as writeDerived wrote them; null when an
 * item has no structure stored (a library from before structures were kept).
 */
export function readDerived(db: Db, letterId: number): StoredDerived | null {
  const letter = statement(db, 'SELECT checks FROM letters WHERE id = ?').get(letterId) as { checks: string } | undefined;
  if (!letter) throw new NotFoundError('letter', letterId);
  const items = statement(db, 'SELECT id, structure FROM items WHERE letter_id = ? ORDER BY position').all(letterId) as { id: number; structure: string | null }[];
  if (items.some((item) => item.structure === null)) return null;
  const facets = statement(db, 'SELECT item_id, facet, value FROM item_facets WHERE letter_id = ? ORDER BY item_id, facet, value').all(letterId) as { item_id: number; facet: ItemFacet['facet']; value: string }[];
  const letterFacets = statement(db, `SELECT facet, value FROM letter_facets WHERE letter_id = ? AND facet IN (${LETTER_FACETS.map(() => '?').join(', ')}) ORDER BY facet, value`).all(
    letterId,
    ...LETTER_FACETS,
  ) as LetterFacetValue[];
  return {
    checks: parseJson<CheckFinding[]>(letter.checks),
    letterFacets,
    items: items.map((item) => ({
      facets: facets.filter((facet) => facet.item_id === item.id).map(({ facet, value }) => ({ facet, value })),
      structure: parseJson<ExportedStructure>(item.structure as string),
    })),
  };
}

/** What a letter's derived values are worked out from (see review/derived.ts derivableOf), as one string to compare. */
export function derivableFingerprint(db: Db, letterId: number): string {
  const header = HEADER_FIELDS.map((field) => LETTER_FIELD_COLUMNS[field]).join(', ');
  const letter = statement(db, `SELECT case_number, reviewer_licensure, ${header} FROM letters WHERE id = ?`).raw().get(letterId);
  const items = statement(db, `SELECT ${Object.values(ITEM_FIELD_COLUMNS).join(', ')}, structure_corrections FROM items WHERE letter_id = ? ORDER BY position`).raw().all(letterId);
  return JSON.stringify([letter, items]);
}

function facetKey(itemId: number, facet: string, value: string): string {
  return `${itemId}\u0000${facet}\u0000${value}`;
}

export function writeStructureCorrections(db: Db, itemId: number, corrections: StructureCorrections): void {
  const { changes } = statement(db, 'UPDATE items SET structure_corrections = ? WHERE id = ?').run(JSON.stringify(corrections), itemId);
  if (changes === 0) throw new NotFoundError('item', itemId);
}

/** Up to `limit` letter ids after `afterId`, in id order. */
export function letterIdsAfter(db: Db, afterId: number, limit: number): number[] {
  return (statement(db, 'SELECT id FROM letters WHERE id > ? ORDER BY id LIMIT ?').all(afterId, limit) as { id: number }[]).map((row) => row.id);
}

/** How many letters there are, and how many of them have an id up to `atMostId`. */
export function countLettersUpTo(db: Db, atMostId: number): { readonly total: number; readonly upTo: number } {
  return statement(db, 'SELECT COUNT(*) AS total, COUNT(*) FILTER (WHERE id <= ?) AS upTo FROM letters').get(atMostId) as { total: number; upTo: number };
}
