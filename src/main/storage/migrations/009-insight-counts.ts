/**
 * The insights at 100,000 letters: what their figures count, kept per letter, so a view reads
 * one narrow row per letter and a few per facet value instead of every item and facet row.
 * Per letter: its partial certifications (and their decisions), drug items and opioid drug
 * items; per letter and facet value: its items and their decisions (letter_facets); and those
 * summed by letter status (facet_totals), which triggers keep, since undo writes rows directly.
 * The queue indexes gain the decision date, reviewer specialty and partial certification counts
 * the drill-downs filter on, and the letters get an index in each order the insights group them by.
 */
import type { Migration } from '../migrate.ts';

/** A partial certification, as the vocabulary reads one: any of its three parts is set. */
const PARTIAL = '(original_request IS NOT NULL OR authorized_by_claims_administrator IS NOT NULL OR imr_eligible_portion IS NOT NULL)';
const DRUG_ITEM = "EXISTS (SELECT 1 FROM item_facets c WHERE c.item_id = i.id AND c.facet = 'category' AND c.value IN ('prescription-drug', 'compounded-topical-drug'))";
const OPIOID_ITEM = "EXISTS (SELECT 1 FROM item_facets o WHERE o.item_id = i.id AND o.facet = 'drug-class' AND o.value = 'opioid')";

/** The queue filters on a letter's partial certifications as on its decisions, from its counts. */
const PARTIAL_COLUMNS = 'partial_count, partial_upheld_count, partial_overturned_count';
const QUEUE_COLUMNS = `status, format, upheld_count, overturned_count, item_count, file_name, check_count, decision_date, reviewer_specialty, ${PARTIAL_COLUMNS}`;
/**
 * Every column a queue filter reads but the two an insights index is ordered by (the id is in
 * every index): each holds them all, so any filter reads the index alone.
 */
const FILTERED_COLUMNS = `status, format, warning_count, check_count, item_count, upheld_count, overturned_count, ${PARTIAL_COLUMNS}`;

/** Adds (sign +) or takes away (sign -) the counts of facet row `row` of `from` to the totals of letters of `status`. */
function addToTotals(status: string, row: string, sign: '+' | '-', from: string): string {
  return `INSERT INTO facet_totals (status, facet, value, letters, items, upheld, overturned)
      SELECT ${status}, ${row}.facet, ${row}.value, ${sign}1, ${sign}${row}.items, ${sign}${row}.upheld, ${sign}${row}.overturned FROM ${from}
      ON CONFLICT (status, facet, value) DO UPDATE SET letters = letters + excluded.letters, items = items + excluded.items,
        upheld = upheld + excluded.upheld, overturned = overturned + excluded.overturned;`;
}

/** Totals nothing counts towards any more go, so the table holds what a recount would give. */
const dropEmpty = (status: string, where = 'true') => `DELETE FROM facet_totals WHERE status = ${status} AND letters = 0 AND ${where};`;
const ofLetter = (row: 'new' | 'old') => `letters l WHERE l.id = ${row}.letter_id`;
const letterStatus = '(SELECT status FROM letters WHERE id = old.letter_id)';
const sameValue = 'facet = old.facet AND value = old.value';

export const insightCountsMigration: Migration = {
  version: 9,
  name: 'insight-counts',
  up(db) {
    db.exec(`
      ALTER TABLE letters ADD COLUMN partial_count INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE letters ADD COLUMN partial_upheld_count INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE letters ADD COLUMN partial_overturned_count INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE letters ADD COLUMN drug_item_count INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE letters ADD COLUMN opioid_drug_item_count INTEGER NOT NULL DEFAULT 0;
      UPDATE letters SET partial_count = c.partial, partial_upheld_count = c.partial_upheld, partial_overturned_count = c.partial_overturned,
          drug_item_count = c.drug, opioid_drug_item_count = c.opioid_drug
        FROM (SELECT i.letter_id, COUNT(*) FILTER (WHERE ${PARTIAL}) AS partial,
                COUNT(*) FILTER (WHERE ${PARTIAL} AND i.decision = 'Upheld') AS partial_upheld,
                COUNT(*) FILTER (WHERE ${PARTIAL} AND i.decision = 'Overturned') AS partial_overturned,
                COUNT(*) FILTER (WHERE ${DRUG_ITEM}) AS drug, COUNT(*) FILTER (WHERE ${DRUG_ITEM} AND ${OPIOID_ITEM}) AS opioid_drug
              FROM items i GROUP BY i.letter_id) c
        WHERE c.letter_id = letters.id;

      CREATE TABLE letter_facets (
        letter_id INTEGER NOT NULL REFERENCES letters(id) ON DELETE CASCADE,
        facet TEXT NOT NULL,
        value TEXT NOT NULL,
        items INTEGER NOT NULL,
        upheld INTEGER NOT NULL,
        overturned INTEGER NOT NULL,
        PRIMARY KEY (letter_id, facet, value)
      ) WITHOUT ROWID;
      INSERT INTO letter_facets (letter_id, facet, value, items, upheld, overturned)
        SELECT f.letter_id, f.facet, f.value, COUNT(*), COUNT(*) FILTER (WHERE i.decision = 'Upheld'), COUNT(*) FILTER (WHERE i.decision = 'Overturned')
        FROM item_facets f JOIN items i ON i.id = f.item_id GROUP BY f.letter_id, f.facet, f.value;
      CREATE INDEX letter_facets_by_value ON letter_facets(facet, value, letter_id, items, upheld, overturned);

      CREATE TABLE facet_totals (
        status TEXT NOT NULL,
        facet TEXT NOT NULL,
        value TEXT NOT NULL,
        letters INTEGER NOT NULL,
        items INTEGER NOT NULL,
        upheld INTEGER NOT NULL,
        overturned INTEGER NOT NULL,
        PRIMARY KEY (status, facet, value)
      ) WITHOUT ROWID;
      INSERT INTO facet_totals (status, facet, value, letters, items, upheld, overturned)
        SELECT l.status, f.facet, f.value, COUNT(*), SUM(f.items), SUM(f.upheld), SUM(f.overturned)
        FROM letter_facets f JOIN letters l ON l.id = f.letter_id GROUP BY l.status, f.facet, f.value;

      CREATE TRIGGER facet_totals_on_insert AFTER INSERT ON letter_facets BEGIN
        ${addToTotals('l.status', 'new', '+', ofLetter('new'))}
      END;
      CREATE TRIGGER facet_totals_on_update AFTER UPDATE ON letter_facets BEGIN
        ${addToTotals('l.status', 'old', '-', ofLetter('old'))}
        ${addToTotals('l.status', 'new', '+', ofLetter('new'))}
        ${dropEmpty(letterStatus, sameValue)}
      END;
      -- A letter's own delete takes its rows away first (below); its cascade then finds no letter.
      CREATE TRIGGER facet_totals_on_delete AFTER DELETE ON letter_facets BEGIN
        ${addToTotals('l.status', 'old', '-', ofLetter('old'))}
        ${dropEmpty(letterStatus, sameValue)}
      END;
      CREATE TRIGGER facet_totals_on_status AFTER UPDATE OF status ON letters WHEN old.status IS NOT new.status BEGIN
        ${addToTotals('old.status', 'f', '-', 'letter_facets f WHERE f.letter_id = old.id')}
        ${addToTotals('new.status', 'f', '+', 'letter_facets f WHERE f.letter_id = new.id')}
        ${dropEmpty('old.status')}
      END;
      CREATE TRIGGER facet_totals_on_letter_delete BEFORE DELETE ON letters BEGIN
        ${addToTotals('old.status', 'f', '-', 'letter_facets f WHERE f.letter_id = old.id')}
        ${dropEmpty('old.status')}
      END;

      DROP INDEX queue_by_import;
      DROP INDEX queue_by_case_number;
      DROP INDEX queue_by_attention;
      CREATE INDEX queue_by_import ON letters(id, warning_count, case_number, ${QUEUE_COLUMNS});
      CREATE INDEX queue_by_case_number ON letters(case_number, id, warning_count, ${QUEUE_COLUMNS});
      CREATE INDEX queue_by_attention ON letters(attention_count DESC, id, warning_count, case_number, ${QUEUE_COLUMNS});
      -- The insights group letters by decision date and by reviewer specialty: read in that order, each
      -- group is summed as it goes by, with no sort of the letters.
      CREATE INDEX insights_by_decision_date ON letters(decision_date, reviewer_specialty, ${FILTERED_COLUMNS}, drug_item_count, opioid_drug_item_count);
      CREATE INDEX insights_by_specialty ON letters(reviewer_specialty, decision_date, ${FILTERED_COLUMNS});
    `);
  },
};
