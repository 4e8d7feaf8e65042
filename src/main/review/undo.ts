/** Undo and redo as the reviewer sees them: the step on offer, and taking it. */
import type { UndoState, UndoStep } from '../../shared/library.ts';
import type { ChangeGroup, Db } from '../storage/index.ts';
import { letterLabel, redoCandidate, redoChange, undoCandidate, undoChange } from '../storage/index.ts';
import type { UndoOutcome } from '../storage/index.ts';
import { rederiveAfterStep } from './derivedRefresh.ts';

export function undoState(db: Db): UndoState {
  return { undo: stepOf(db, undoCandidate(db)), redo: stepOf(db, redoCandidate(db)) };
}

/** Undoes the newest change; `expected` is the change the reviewer was offered, so nothing else is undone. */
export function undo(db: Db, expected?: number): UndoStep {
  return taken(db, undoChange(db, expected));
}

export function redo(db: Db, expected?: number): UndoStep {
  return taken(db, redoChange(db, expected));
}

function taken(db: Db, outcome: UndoOutcome): UndoStep {
  rederiveAfterStep(db, outcome.group.at, outcome.letterIds);
  return stepOf(db, outcome.group) as UndoStep;
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

