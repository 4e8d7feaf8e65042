/** Undo and redo across the library, kept in the file, so they survive a restart. */
import type { ImrApi } from '../../../shared/api.ts';
import * as review from '../../review/index.ts';
import type { HandlerContext } from '../session.ts';

export function undoHandlers({ library: { db } }: HandlerContext): Pick<ImrApi, 'getUndoState' | 'undo' | 'redo'> {
  return {
    getUndoState: async () => review.undoState(db),
    undo: async ({ expected }) => ({ step: review.undo(db, expected) }),
    redo: async ({ expected }) => ({ step: review.redo(db, expected) }),
  };
}
