/**
 * Undo and redo on the library itself: a step writes back the rows of one change group, exactly
 * as they were, and survives a restart because the groups live in the file.
 */
import { UndoUnavailableError } from '../errors.ts';
import type { Db } from '../sql.ts';
import { inWriteTransaction, nowIso, statement } from '../sql.ts';
import { groupRows, redoCandidate, setGroupState, undoCandidate } from './groups.ts';
import type { ChangeGroup } from './groups.ts';
import { restoreImages } from './images.ts';
import { bumpRevisions } from './run.ts';

export interface UndoOutcome {
  readonly group: ChangeGroup;
  /** The letters it changed back, with their new revisions. */
  readonly letterIds: readonly number[];
}

/**
 * Takes back the newest review change. `expected` names the change the reviewer was shown as
 * "Undo …": when another change has come on top since, nothing is undone.
 */
export function undoChange(db: Db, expected?: number): UndoOutcome {
  return inWriteTransaction(db, () => {
    const group = undoCandidate(db);
    if (!group) throw new UndoUnavailableError('There is nothing to undo.');
    if (expected !== undefined && group.id !== expected) throw new UndoUnavailableError('Another change was made since; nothing was undone.');
    restoreImages(db, groupRows(db, group.id), 'before');
    setGroupState(db, group.id, 'undone', nowIso());
    return { group, letterIds: moveRevisionsOn(db, group.id) };
  });
}

/** Puts back the review change undone last. */
export function redoChange(db: Db, expected?: number): UndoOutcome {
  return inWriteTransaction(db, () => {
    const group = redoCandidate(db);
    if (!group) throw new UndoUnavailableError('There is nothing to redo.');
    if (expected !== undefined && group.id !== expected) throw new UndoUnavailableError('The change to redo is no longer the next one; nothing was redone.');
    restoreImages(db, groupRows(db, group.id), 'after');
    setGroupState(db, group.id, 'done', null);
    return { group, letterIds: moveRevisionsOn(db, group.id) };
  });
}

/** Bumps the revision of every letter the group touched; returns them. */
function moveRevisionsOn(db: Db, groupId: number): number[] {
  const letterIds = (statement(db, 'SELECT letter_id FROM change_group_letters WHERE group_id = ? ORDER BY letter_id').all(groupId) as { letter_id: number }[]).map(
    (row) => row.letter_id,
  );
  bumpRevisions(db, letterIds);
  return letterIds;
}
