/** Undo and redo across the library, kept in the file, so they survive a restart. */
import type { ImrApi, StepResult } from '../../../shared/api.ts';
import type { UndoStep } from '../../../shared/library.ts';
import * as review from '../../review/index.ts';
import type { HandlerContext } from '../session.ts';
import { screenAfter } from './screen.ts';

export function undoHandlers({ library: { db } }: HandlerContext): Pick<ImrApi, 'getUndoState' | 'undo' | 'redo'> {
  const stepTaken = (step: UndoStep): StepResult => ({ step, screen: screenAfter(db, step.letterId) });
  return {
    getUndoState: async () => review.undoState(db),
    undo: async ({ expected }) => stepTaken(review.undo(db, expected)),
    redo: async ({ expected }) => stepTaken(review.redo(db, expected)),
  };
}
