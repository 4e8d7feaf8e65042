/**
 * A dataset merge made in many short transactions, so the reviewer's edits go through between
 * them, and still all or nothing: each transaction notes in the merge's journal the letters it
 * created or merged (with the merge's change group of each), and the merge's last transaction
 * drops the journal. A merge that fails, is cancelled or whose process was killed is taken back
 * from its journal: each merged letter's change put back and its change group dropped, each
 * created letter deleted. A letter the reviewer changed since the merge touched it is left as
 * it is (taking the merge out of it would undo their change too), and counted.
 */
import { processIsAlive } from '../processes.ts';
import { ChangeConflictError } from './errors.ts';
import { dropGroup, groupRows } from './changes/groups.ts';
import { restoreImages } from './changes/images.ts';
import { bumpRevisions } from './changes/run.ts';
import { nowIso, statement } from './sql.ts';
import type { Db } from './sql.ts';

/** The change action mergeRecord records a merged letter under. */
const MERGE_ACTION = 'dataset-merge';

/** Opens a merge's journal, in its own transaction. */
export function startDatasetMerge(db: Db, source: string): number {
  return db
    .transaction(() => Number(statement(db, 'INSERT INTO dataset_merges (source, pid, started_at) VALUES (?, ?, ?)').run(source, process.pid, nowIso()).lastInsertRowid))
    .immediate();
}

/** Notes a letter the merge created (inside the transaction that created it). */
export function noteMergeCreated(db: Db, mergeId: number, letterId: number): void {
  note(db, mergeId, letterId, null);
}

/** Notes a letter the merge merged, with the change group that merge just recorded (none when it changed nothing). */
export function noteMergeMerged(db: Db, mergeId: number, letterId: number): void {
  const groupId = statement(db, 'SELECT MAX(id) FROM change_groups WHERE letter_id = ? AND action = ?').pluck().get(letterId, MERGE_ACTION) as number | null;
  note(db, mergeId, letterId, groupId);
}

function note(db: Db, mergeId: number, letterId: number, groupId: number | null): void {
  statement(
    db,
    `INSERT INTO dataset_merge_letters (merge_id, letter_id, change_group_id, revision)
     VALUES (?, ?, ?, (SELECT revision FROM letters WHERE id = ?))`,
  ).run(mergeId, letterId, groupId, letterId);
}

/** The merge is whole: its journal goes (inside the merge's last transaction). */
export function finishDatasetMerge(db: Db, mergeId: number): void {
  statement(db, 'DELETE FROM dataset_merges WHERE id = ?').run(mergeId);
}

/**
 * Takes the merge back, a letter to a transaction, newest first, each letter's journal row going
 * with it: a revert that is itself cut short goes on at the next open. A transaction and a
 * checkpoint per letter reuse the log's space, so a merge stopped by a full disk can still be
 * taken back. Returns how many letters were left as the reviewer changed them.
 */
export function revertDatasetMerge(db: Db, mergeId: number): { readonly keptChanged: number } {
  const noted = statement(db, 'SELECT letter_id AS letterId FROM dataset_merge_letters WHERE merge_id = ? ORDER BY rowid DESC').all(mergeId) as { letterId: number }[];
  let keptChanged = 0;
  for (const { letterId } of noted) {
    if (!db.transaction(() => revertLetter(db, mergeId, letterId)).immediate()) keptChanged++;
    // A letter's deletion rewrites many pages (its full-text entries): checkpointed after each, the log never grows past one.
    db.pragma('wal_checkpoint(PASSIVE)');
  }
  db.transaction(() => statement(db, 'DELETE FROM dataset_merges WHERE id = ?').run(mergeId)).immediate();
  return { keptChanged };
}

/** Takes the merge out of one letter; false when the reviewer changed the letter since, which is then left as it is. */
function revertLetter(db: Db, mergeId: number, letterId: number): boolean {
  const row = statement(
    db,
    `SELECT m.change_group_id AS groupId, m.revision AS noted, l.revision AS current
     FROM dataset_merge_letters m LEFT JOIN letters l ON l.id = m.letter_id WHERE m.merge_id = ? AND m.letter_id = ?`,
  ).get(mergeId, letterId) as { groupId: number | null; noted: number; current: number | null };
  statement(db, 'DELETE FROM dataset_merge_letters WHERE merge_id = ? AND letter_id = ?').run(mergeId, letterId);
  if (row.current === null) return true;
  if (row.current !== row.noted) return false;
  if (row.groupId === null) {
    statement(db, 'DELETE FROM letters WHERE id = ?').run(letterId);
    return true;
  }
  try {
    restoreImages(db, groupRows(db, row.groupId), 'before');
  } catch (error) {
    if (error instanceof ChangeConflictError) return false;
    throw error;
  }
  dropGroup(db, row.groupId);
  // Taken back, the letter has moved on again: a screen showing the merged values sees it changed.
  bumpRevisions(db, [letterId]);
  return true;
}

/** Takes back the merges a killed process left unfinished (at an open that can write); returns how many. */
export function revertKilledMerges(db: Db): number {
  const unfinished = statement(db, 'SELECT id, pid FROM dataset_merges').all() as { id: number; pid: number | null }[];
  const killed = unfinished.filter(({ pid }) => pid === null || (pid !== process.pid && !processIsAlive(pid)));
  for (const { id } of killed) revertDatasetMerge(db, id);
  return killed.length;
}
