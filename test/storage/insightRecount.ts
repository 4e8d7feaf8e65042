/**
 * The insights' kept counts (migration 009) as stored, and worked out again from the items,
 * their facets and their letters' statuses alone: every write, undo and redo must keep the two
 * equal. The recount is written here on its own, not with the app's SQL, so a wrong count in
 * the app cannot hide in both.
 */
import { DRUG_CATEGORIES } from '../../src/shared/insights.ts';
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
    letterFacets: db
      .prepare(
        `SELECT f.letter_id, f.facet, f.value, COUNT(*) AS items, COUNT(*) FILTER (WHERE i.decision = 'Upheld') AS upheld,
           COUNT(*) FILTER (WHERE i.decision = 'Overturned') AS overturned
         FROM item_facets f JOIN items i ON i.id = f.item_id GROUP BY f.letter_id, f.facet, f.value ORDER BY f.letter_id, f.facet, f.value`,
      )
      .all(),
    facetTotals: db
      .prepare(
        `SELECT l.status, f.facet, f.value, COUNT(DISTINCT f.letter_id) AS letters, COUNT(*) AS items,
           COUNT(*) FILTER (WHERE i.decision = 'Upheld') AS upheld, COUNT(*) FILTER (WHERE i.decision = 'Overturned') AS overturned
         FROM item_facets f JOIN items i ON i.id = f.item_id JOIN letters l ON l.id = f.letter_id
         GROUP BY l.status, f.facet, f.value ORDER BY l.status, f.facet, f.value`,
      )
      .all(),
  };
}
