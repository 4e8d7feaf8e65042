/** Recording a conflict found while merging a dataset, once: the same disagreement seen again is not added twice. */
import { nowIso, statement } from '../storage/sql.ts';
import type { Db } from '../storage/sql.ts';

export interface NewConflict {
  readonly letterId: number;
  readonly itemPosition: number | null;
  readonly field: string;
  readonly ours: string | null;
  readonly theirs: string | null;
  readonly theirReviewer: string | null;
  readonly source: string;
}

/** Returns whether the conflict was new. A conflict already decided is not raised again for the same value. */
export function recordConflict(db: Db, conflict: NewConflict): boolean {
  const seen = statement(
    db,
    `SELECT 1 FROM dataset_conflicts
     WHERE letter_id = @letterId AND item_position IS @itemPosition AND field = @field AND theirs IS @theirs`,
  ).get(conflict);
  if (seen !== undefined) return false;
  statement(
    db,
    `INSERT INTO dataset_conflicts (letter_id, item_position, field, ours, theirs, their_reviewer, source, detected_at)
     VALUES (@letterId, @itemPosition, @field, @ours, @theirs, @theirReviewer, @source, @detectedAt)`,
  ).run({ ...conflict, detectedAt: nowIso() });
  return true;
}

export function hasOpenConflicts(db: Db, letterId: number): boolean {
  return statement(db, 'SELECT 1 FROM dataset_conflicts WHERE letter_id = ? AND resolution IS NULL').get(letterId) !== undefined;
}
