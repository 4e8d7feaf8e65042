/**
 * Keeps the denormalised per-letter counts that the queue filters and sorts on (items, decisions,
 * warnings, attention) and the insights count (partial certifications).
 */
import { PARTIAL_COUNTS } from './letterInsightCounts.ts';
import { statement } from './sql.ts';
import type { Db } from './sql.ts';

/** Warnings nobody has answered yet, in a JSON warnings column. */
const UNANSWERED = (column: string) => `(SELECT COUNT(*) FROM json_each(${column}) WHERE json_extract(value, '$.resolved') IS NULL)`;

/** Recounts one letter from its items; every service that changes items calls this in the same transaction. */
export function refreshLetterSummary(db: Db, letterId: number): void {
  statement(
    db,
    `UPDATE letters SET
       item_count = (SELECT COUNT(*) FROM items WHERE letter_id = @id),
       upheld_count = (SELECT COUNT(*) FROM items WHERE letter_id = @id AND decision = 'Upheld'),
       overturned_count = (SELECT COUNT(*) FROM items WHERE letter_id = @id AND decision = 'Overturned'),
       warning_count = ${UNANSWERED('letters.warnings')}
         + (SELECT COALESCE(SUM(${UNANSWERED('items.warnings')}), 0) FROM items WHERE letter_id = @id),
       ${PARTIAL_COUNTS}
     WHERE id = @id`,
  ).run({ id: letterId });
  statement(db, 'UPDATE letters SET attention_count = warning_count + check_count WHERE id = ?').run(letterId);
}
