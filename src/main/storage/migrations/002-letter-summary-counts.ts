/**
 * The review queue's data: per-letter item, decision and warning counts (denormalised,
 * backfilled from the items already stored), and one covering index per queue sort.
 */
import type { Migration } from '../migrate.ts';

/**
 * Each queue index holds its sort key and id, then every column the queue filters on or
 * shows. A page is then one scan of one small index: filters and OFFSET skip entries without
 * reading the wide letters rows, which keeps any filter under a few ms at 100,000 letters.
 */
const QUEUE_COLUMNS = 'status, format, upheld_count, overturned_count, item_count, file_name';

export const letterSummaryCountsMigration: Migration = {
  version: 2,
  name: 'letter-summary-counts',
  up(db) {
    db.exec(`
      ALTER TABLE letters ADD COLUMN item_count INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE letters ADD COLUMN upheld_count INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE letters ADD COLUMN overturned_count INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE letters ADD COLUMN warning_count INTEGER NOT NULL DEFAULT 0;

      UPDATE letters SET
        item_count = (SELECT COUNT(*) FROM items WHERE items.letter_id = letters.id),
        upheld_count = (SELECT COUNT(*) FROM items WHERE items.letter_id = letters.id AND decision = 'Upheld'),
        overturned_count =
          (SELECT COUNT(*) FROM items WHERE items.letter_id = letters.id AND decision = 'Overturned'),
        warning_count = json_array_length(warnings)
          + (SELECT COALESCE(SUM(json_array_length(items.warnings)), 0) FROM items WHERE items.letter_id = letters.id);

      CREATE INDEX queue_by_import ON letters(id, warning_count, case_number, ${QUEUE_COLUMNS});
      CREATE INDEX queue_by_case_number ON letters(case_number, id, warning_count, ${QUEUE_COLUMNS});
      CREATE INDEX queue_by_attention ON letters(warning_count DESC, id, case_number, ${QUEUE_COLUMNS});
      -- Letters by format, for the stats, without sorting the whole table.
      CREATE INDEX letters_by_format ON letters(format);
    `);
  },
};
