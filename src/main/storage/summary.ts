/** Keeps the denormalised per-letter counts (items, decisions, warnings) that the queue filters on. */
import { statement } from './sql.ts';
import type { Db } from './sql.ts';

/** Recounts one letter from its items; every service that changes items calls this in the same transaction. */
export function refreshLetterSummary(db: Db, letterId: number): void {
  statement(
    db,
    `UPDATE letters SET
       item_count = (SELECT COUNT(*) FROM items WHERE letter_id = @id),
       upheld_count = (SELECT COUNT(*) FROM items WHERE letter_id = @id AND decision = 'Upheld'),
       overturned_count = (SELECT COUNT(*) FROM items WHERE letter_id = @id AND decision = 'Overturned'),
       warning_count = json_array_length(warnings)
         + (SELECT COALESCE(SUM(json_array_length(warnings)), 0) FROM items WHERE letter_id = @id)
     WHERE id = @id`,
  ).run({ id: letterId });
}
