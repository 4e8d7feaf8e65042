/**
 * The next letter needing review, loaded while the reviewer reads this one, so finishing a
 * letter shows the next at once. It is asked for again whenever the letter, the queue's filter
 * or sort, or anything in the library changes; after a change, once the keys have paused, so
 * the look-ahead never queues in front of the screen's own calls.
 */
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { QueueFilter, QueueSort } from '../../../shared/api.ts';
import type { StoredLetter } from '../../../shared/library.ts';
import { api } from '../api/client.ts';

/** How long the library must stay unchanged before the look-ahead is asked again. */
const AFTER_CHANGE_MS = 400;

export interface NextUp {
  /** The next letter's id; null when no other letter needs review. */
  readonly id: number | null;
  /** The letter itself when it was loaded ahead. */
  readonly letter: StoredLetter | null;
}

export interface NextLetter {
  /** The next letter after `currentId`: the one loaded ahead when it was loaded for that letter, else asked for now. */
  take(currentId: number): Promise<NextUp>;
}

async function lookUp(currentId: number, filter: QueueFilter, sort: QueueSort): Promise<NextUp> {
  const id = await api.nextLetterToReview(currentId, filter, sort);
  return { id, letter: id === null ? null : await api.getLetter(id) };
}

export function useNextLetter(letter: StoredLetter | null, filter: QueueFilter, sort: QueueSort, version: number): NextLetter {
  const ahead = useRef<{ readonly forId: number; readonly key: string; readonly next: Promise<NextUp> } | null>(null);
  const key = JSON.stringify([filter, sort, version]);
  const letterId = letter?.id ?? null;
  const latest = useRef({ filter, sort, key });
  latest.current = { filter, sort, key };

  useEffect(() => {
    if (letterId === null) return;
    const lookAhead = () => {
      const next = lookUp(letterId, latest.current.filter, latest.current.sort);
      // A failed look-ahead is asked for again when it is needed, and its error shown then.
      next.catch(() => undefined);
      ahead.current = { forId: letterId, key, next };
    };
    if (ahead.current?.forId !== letterId) return lookAhead();
    const timer = window.setTimeout(lookAhead, AFTER_CHANGE_MS);
    return () => window.clearTimeout(timer);
  }, [letterId, key]);

  const take = useCallback(async (currentId: number) => {
    const cached = ahead.current;
    ahead.current = null;
    if (cached && cached.forId === currentId && cached.key === latest.current.key) {
      try {
        return await cached.next;
      } catch {
        // Asked again below.
      }
    }
    return lookUp(currentId, latest.current.filter, latest.current.sort);
  }, []);
  return useMemo(() => ({ take }), [take]);
}
