/**
 * The queue as the list sees it: a total and rows fetched a page at a time as they
 * scroll into view, so 100,000 letters cost one page of rows, not one hundred thousand.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { QueueFilter, QueueSort } from '../../../shared/api.ts';
import type { QueueRow } from '../../../shared/library.ts';
import { api } from '../api/client.ts';

export const QUEUE_PAGE_SIZE = 100;

export interface QueuePages {
  readonly total: number;
  readonly rowAt: (index: number) => QueueRow | undefined;
  /** Makes sure the rows index..index+count are loaded. */
  readonly ensure: (index: number, count: number) => void;
  readonly indexOf: (letterId: number) => number;
  readonly error: string | null;
  /** The filter and sort (as `queueKey` spells them) whose rows are loaded now; the old ones stay on screen until the new ones arrive. */
  readonly loadedFor: string | null;
}

/** One spelling of a filter and sort, to tell whether the rows on screen are theirs. */
export function queueKey(filter: QueueFilter, sort: QueueSort): string {
  return JSON.stringify([filter, sort]);
}

export function useQueuePages(filter: QueueFilter, sort: QueueSort, version: number): QueuePages {
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [loadedFor, setLoadedFor] = useState<string | null>(null);
  const pages = useRef(new Map<number, readonly QueueRow[]>());
  /** The rows on screen before a refresh, until its first page arrives: they are what a click or a key acts on meanwhile. */
  const shown = useRef<Map<number, readonly QueueRow[]> | null>(null);
  const loading = useRef(new Set<number>());
  const [, setTick] = useState(0);
  const key = JSON.stringify([filter, sort, version]);
  const keyRef = useRef(key);

  const loadPage = useCallback(
    (page: number, requestKey: string) => {
      if (pages.current.has(page) || loading.current.has(page)) return;
      loading.current.add(page);
      api
        .queryQueue({ ...filter, sort, offset: page * QUEUE_PAGE_SIZE, limit: QUEUE_PAGE_SIZE })
        .then((result) => {
          if (keyRef.current !== requestKey) return;
          pages.current.set(page, result.rows);
          setTotal(result.total);
          setError(null);
          setTick((t) => t + 1);
        })
        .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))
        .finally(() => loading.current.delete(page));
    },
    [filter, sort],
  );

  useEffect(() => {
    keyRef.current = key;
    // Keep the old rows on screen, and acted on, until the new first page arrives: no flash on
    // refresh, and a row clicked meanwhile (just after a save) opens the letter it shows.
    const previous = pages.current;
    shown.current ??= previous;
    pages.current = new Map();
    loading.current = new Set();
    api
      .queryQueue({ ...filter, sort, offset: 0, limit: QUEUE_PAGE_SIZE })
      .then((result) => {
        if (keyRef.current !== key) return;
        shown.current = null;
        pages.current.set(0, result.rows);
        setTotal(result.total);
        setError(null);
        setLoadedFor(queueKey(filter, sort));
        setTick((t) => t + 1);
      })
      .catch((e: unknown) => {
        pages.current = previous;
        shown.current = null;
        setError(e instanceof Error ? e.message : String(e));
      });
  }, [key]); // eslint-disable-line react-hooks/exhaustive-deps

  const rowAt = useCallback((index: number) => {
    const page = Math.floor(index / QUEUE_PAGE_SIZE);
    return (shown.current ?? pages.current).get(page)?.[index % QUEUE_PAGE_SIZE];
  }, []);
  const ensure = useCallback(
    (index: number, count: number) => {
      const first = Math.floor(index / QUEUE_PAGE_SIZE);
      const last = Math.floor((index + count) / QUEUE_PAGE_SIZE);
      for (let page = first; page <= last; page++) loadPage(page, keyRef.current);
    },
    [loadPage],
  );
  const indexOf = useCallback((letterId: number) => {
    for (const [page, rows] of shown.current ?? pages.current) {
      const i = rows.findIndex((row) => row.id === letterId);
      if (i >= 0) return page * QUEUE_PAGE_SIZE + i;
    }
    return -1;
  }, []);
  return { total, rowAt, ensure, indexOf, error, loadedFor };
}
