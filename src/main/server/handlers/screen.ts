/**
 * What the review screen shows after a change, sent with the change's reply: the letter as it
 * is now, the undo and redo steps on offer, and the progress counts. A save is then one call,
 * and the screen never shows a letter, an Undo or a count older than the change it just made.
 * The counts are a scan of every letter (tens of milliseconds at 100,000), so a change to one
 * letter sends them only when that letter became or stopped being verified.
 */
import type { ScreenUpdate } from '../../../shared/api.ts';
import * as review from '../../review/index.ts';
import type { Db } from '../../storage/index.ts';
import { getLetter, queueProgress } from '../../storage/index.ts';

/**
 * The screen after a change; `verifiedBefore` (for a change to the one letter) says whether the
 * letter was verified before it, and the counts are sent only if that moved.
 */
export function screenAfter(db: Db, letterId: number | null, verifiedBefore?: boolean): ScreenUpdate {
  const letter = letterId === null ? null : getLetter(db, letterId);
  const countsMoved = verifiedBefore === undefined || verifiedBefore !== (letter?.status === 'verified');
  const progress = countsMoved ? queueProgress(db) : null;
  return {
    letter: letter && review.letterAsReviewed(db, letter),
    undo: review.undoState(db),
    progress: progress && { letters: progress.total, verified: progress.verified },
  };
}

/** Whether the letter is verified now (false when there is no such letter). */
export function isVerified(db: Db, letterId: number): boolean {
  return getLetter(db, letterId)?.status === 'verified';
}
