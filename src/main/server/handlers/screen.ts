/**
 * What the review screen shows after a change, sent with the change's reply: the letter as it
 * is now, the undo and redo steps on offer, and the progress counts. A save is then one call,
 * and the screen never shows a letter, an Undo or a count older than the change it just made.
 */
import type { ScreenUpdate } from '../../../shared/api.ts';
import * as review from '../../review/index.ts';
import type { Db } from '../../storage/index.ts';
import { getLetter, queueProgress } from '../../storage/index.ts';

export function screenAfter(db: Db, letterId: number | null): ScreenUpdate {
  const letter = letterId === null ? null : getLetter(db, letterId);
  const { total, verified } = queueProgress(db);
  return {
    letter: letter && review.letterAsReviewed(db, letter),
    undo: review.undoState(db),
    progress: { letters: total, verified },
  };
}
