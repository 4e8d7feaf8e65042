/**
 * Where the reviewer is: the open letter and the queue's sort, kept for this window's session,
 * so a reload (or the reload after a library-changed refusal) opens the same letter in the same
 * order. The filters are not kept: tag, sample and pass ids belong to one library's data, and a
 * reload must never show a queue filtered by something the reviewer cannot see chosen.
 */
import { QUEUE_SORTS } from '../../../shared/api.ts';
import type { QueueSort } from '../../../shared/api.ts';

const STORAGE_KEY = 'imr-review-place';

export interface ReviewPlace {
  /** The library the letter id belongs to (AppInfo.libraryId). */
  readonly libraryId: string | null;
  readonly letterId: number | null;
  readonly sort: QueueSort;
}

const NOWHERE: ReviewPlace = { libraryId: null, letterId: null, sort: 'import' };

export function readReviewPlace(): ReviewPlace {
  try {
    const stored = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<ReviewPlace> | null;
    if (!stored || typeof stored !== 'object') return NOWHERE;
    return {
      libraryId: typeof stored.libraryId === 'string' ? stored.libraryId : null,
      letterId: Number.isInteger(stored.letterId) ? (stored.letterId as number) : null,
      sort: QUEUE_SORTS.find((sort) => sort === stored.sort) ?? 'import',
    };
  } catch {
    // A value this app did not write: start from the top.
    return NOWHERE;
  }
}

export function saveReviewPlace(place: ReviewPlace): void {
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(place));
}
