/**
 * Every change to a letter's data passes through here: the read-only guard for verified
 * letters, the reviewer stamp, and the edit_history row written in the change's transaction.
 */
import { LetterReadOnlyError, NotFoundError } from './errors.ts';
import type { LetterStatus } from './fields.ts';
import { requireReviewer } from './reviewer.ts';
import { nowIso, statement } from './sql.ts';
import type { Db } from './sql.ts';
import type { HistoryAction, HistoryEntry } from '../../shared/library.ts';
export type { HistoryAction, HistoryEntry } from '../../shared/library.ts';

export interface ChangeContext {
  readonly letterId: number;
  readonly reviewer: string;
  readonly at: string;
}

export type ChangeRecord = Pick<HistoryEntry, 'entityType' | 'entityId' | 'action'> &
  Partial<Pick<HistoryEntry, 'field' | 'oldValue' | 'newValue'>>;

export function letterStatus(db: Db, letterId: number): LetterStatus {
  const row = statement(db, 'SELECT status FROM letters WHERE id = ?').get(letterId) as
    | { status: LetterStatus }
    | undefined;
  if (!row) throw new NotFoundError('letter', letterId);
  return row.status;
}

/**
 * Opens a change to a letter's data; call inside the change's write transaction. Refuses
 * verified letters, stamps updated_at, and starts the review of an unreviewed letter.
 */
export function beginLetterChange(db: Db, letterId: number): ChangeContext {
  const reviewer = requireReviewer(db);
  const status = letterStatus(db, letterId);
  if (status === 'verified') throw new LetterReadOnlyError(letterId);
  const at = nowIso();
  statement(
    db,
    "UPDATE letters SET updated_at = ?, status = IIF(status = 'unreviewed', 'in_progress', status) WHERE id = ?",
  ).run(at, letterId);
  return { letterId, reviewer, at };
}

export function recordChange(db: Db, context: ChangeContext, change: ChangeRecord): void {
  statement(
    db,
    `INSERT INTO edit_history (letter_id, entity_type, entity_id, action, field, old_value, new_value, at, reviewer)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    context.letterId,
    change.entityType,
    change.entityId,
    change.action,
    change.field ?? null,
    change.oldValue ?? null,
    change.newValue ?? null,
    context.at,
    context.reviewer,
  );
}

/** The letter's changes, oldest first. */
export function listLetterHistory(db: Db, letterId: number): HistoryEntry[] {
  return statement(
    db,
    `SELECT id, letter_id AS letterId, entity_type AS entityType, entity_id AS entityId, action, field,
       old_value AS oldValue, new_value AS newValue, at, reviewer
     FROM edit_history WHERE letter_id = ? ORDER BY id`,
  ).all(letterId) as HistoryEntry[];
}
