/** Conflicts a dataset merge found: recorded once, listed, and marked when a person decides one. */
import type { DatasetConflict } from '../../shared/export.ts';
import { InvalidEditError, NotFoundError } from './errors.ts';
import { nowIso, statement } from './sql.ts';
import type { Db } from './sql.ts';

export interface NewConflict {
  readonly letterId: number;
  readonly itemPosition: number | null;
  readonly field: string;
  readonly ours: string | null;
  readonly theirs: string | null;
  readonly theirReviewer: string | null;
  readonly source: string;
  /** The blind pass the disagreement came from, if it did. */
  readonly blindPassId?: number;
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
    `INSERT INTO dataset_conflicts (letter_id, item_position, field, ours, theirs, their_reviewer, source, blind_pass_id, detected_at)
     VALUES (@letterId, @itemPosition, @field, @ours, @theirs, @theirReviewer, @source, @blindPassId, @detectedAt)`,
  ).run({ blindPassId: null, ...conflict, detectedAt: nowIso() });
  return true;
}

export function hasOpenConflicts(db: Db, letterId: number): boolean {
  return statement(db, 'SELECT 1 FROM dataset_conflicts WHERE letter_id = ? AND resolution IS NULL').get(letterId) !== undefined;
}

export interface ConflictQuery {
  /** 'open' (the default): not decided yet; 'resolved': decided; 'all': both. */
  readonly state?: 'open' | 'resolved' | 'all';
  readonly letterId?: number;
}

const CONFLICT_COLUMNS = `c.id, c.letter_id AS letterId, l.sha256, l.case_number AS caseNumber,
  c.item_position AS itemPosition, c.field, c.ours, c.theirs, c.their_reviewer AS theirReviewer, c.source, c.blind_pass_id AS blindPassId,
  c.detected_at AS detectedAt, c.resolution, c.resolved_by AS resolvedBy, c.resolved_at AS resolvedAt`;

const STATE_CONDITIONS = { open: 'c.resolution IS NULL', resolved: 'c.resolution IS NOT NULL', all: '1' } as const;

/** Conflicts in the order they were found (open ones by default). */
export function listConflicts(db: Db, query: ConflictQuery = {}): DatasetConflict[] {
  const state = STATE_CONDITIONS[query.state ?? 'open'];
  if (state === undefined) throw new InvalidEditError(`Unknown conflict state "${query.state}"`);
  const letter = query.letterId === undefined ? '' : 'AND c.letter_id = @letterId';
  return statement(
    db,
    `SELECT ${CONFLICT_COLUMNS} FROM dataset_conflicts c JOIN letters l ON l.id = c.letter_id
     WHERE ${state} ${letter} ORDER BY c.id`,
  ).all(query.letterId === undefined ? {} : { letterId: query.letterId }) as DatasetConflict[];
}

export function getConflict(db: Db, conflictId: number): DatasetConflict {
  const conflict = statement(db, `SELECT ${CONFLICT_COLUMNS} FROM dataset_conflicts c JOIN letters l ON l.id = c.letter_id WHERE c.id = ?`).get(conflictId) as
    | DatasetConflict
    | undefined;
  if (!conflict) throw new NotFoundError('dataset conflict', conflictId);
  return conflict;
}

export function markConflictResolved(db: Db, conflictId: number, take: 'ours' | 'theirs', by: string): void {
  statement(db, 'UPDATE dataset_conflicts SET resolution = ?, resolved_by = ?, resolved_at = ? WHERE id = ?').run(take, by, nowIso(), conflictId);
}
