/**
 * Values worked out from a letter's current values (see src/main/letters/derive.ts), kept so
 * the queue can filter and sort by them: the rule checks' findings per letter, and per item
 * the facets of its vocabulary (service category, drug classes, guideline sources, ...) and its
 * structure as exported, with
 * the reviewer's corrections of structured values. They are filled in after opening, when the
 * library's derived version is not the app's (see review/derived.ts).
 */
import type { Migration } from '../migrate.ts';

const QUEUE_COLUMNS = 'status, format, upheld_count, overturned_count, item_count, file_name, check_count';

export const derivedValuesMigration: Migration = {
  version: 5,
  name: 'derived-values',
  up(db) {
    db.exec(`
      ALTER TABLE letters ADD COLUMN checks TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE letters ADD COLUMN check_count INTEGER NOT NULL DEFAULT 0;
      -- Open warnings plus check findings: what "needs attention first" sorts by.
      ALTER TABLE letters ADD COLUMN attention_count INTEGER NOT NULL DEFAULT 0;
      UPDATE letters SET attention_count = warning_count;
      ALTER TABLE items ADD COLUMN structure_corrections TEXT NOT NULL DEFAULT '{}';
      -- The vocabulary's reading of the item in the exports' compact shape (ExportedStructure), so an
      -- export of 100,000 letters reads it instead of working it out again.
      ALTER TABLE items ADD COLUMN structure TEXT;

      CREATE TABLE item_facets (
        item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
        letter_id INTEGER NOT NULL REFERENCES letters(id) ON DELETE CASCADE,
        facet TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (item_id, facet, value)
      ) WITHOUT ROWID;
      CREATE INDEX item_facets_by_value ON item_facets(facet, value, letter_id);

      DROP INDEX queue_by_import;
      DROP INDEX queue_by_case_number;
      DROP INDEX queue_by_attention;
      CREATE INDEX queue_by_import ON letters(id, warning_count, case_number, ${QUEUE_COLUMNS});
      CREATE INDEX queue_by_case_number ON letters(case_number, id, warning_count, ${QUEUE_COLUMNS});
      CREATE INDEX queue_by_attention ON letters(attention_count DESC, id, warning_count, case_number, ${QUEUE_COLUMNS});
    `);
  },
};
