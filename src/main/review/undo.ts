/** Undo and redo as the reviewer sees them: the step on offer, and taking it. */
import type { UndoState, UndoStep } from '../../shared/library.ts';
import type { ChangeGroup, Db } from '../storage/index.ts';
import { letterLabel, redoCandidate, redoChange, undoCandidate, undoChange } from '../storage/index.ts';

export function undoState(db: Db): UndoState {
  return { undo: stepOf(db, undoCandidate(db)), redo: stepOf(db, redoCandidate(db)) };
}

/** Undoes the newest change; `expected` is the change the reviewer was offered, so nothing else is undone. */
export function undo(db: Db, expected?: number): UndoStep {
  return stepOf(db, undoChange(db, expected).group) as UndoStep;
}

export function redo(db: Db, expected?: number): UndoStep {
  return stepOf(db, redoChange(db, expected).group) as UndoStep;
}

function stepOf(db: Db, group: ChangeGroup | null): UndoStep | null {
  if (!group) return null;
  return {
    changeId: group.id,
    letterId: group.letterId,
    letterLabel: group.letterId === null ? null : letterLabel(db, group.letterId),
    action: group.action,
    details: group.details,
  };
}

