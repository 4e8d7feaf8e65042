/**
 * The queue as the list sees it: a total and rows fetched a page at a time as they
 * scroll into view, so 100,000 letters cost one page of rows, not one hundred thousand.
 * The open letter's place is asked of the server when its row is not among the pages
 * loaded, so it keeps its place (and j/k walk from it) wherever it stands in the queue.
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
  /** The row at `index`, loading its page when it is not loaded yet; undefined past either end. */
  readonly fetchRow: (index: number) => Promise<QueueRow | undefined>;
  /** The letter's place in the queue: from its loaded row, or for the open letter from the server; -1 when neither knows it. */
  readonly indexOf: (letterId: number) => number;
  readonly error: string | null;
  /**
   * The filter and sort (as `queueKey` spells them) whose rows are loaded now, and the open
   * letter's place under them known; the old ones stay on screen until the new ones arrive.
   */
  readonly loadedFor: string | null;
}

/** One spelling of a filter and sort, to tell whether the rows on screen are theirs. */
export function queueKey(filter: QueueFilter, sort: QueueSort): string {
  return JSON.stringify([filter, sort]);
}

/** The open letter's place as the server gave it: null when the filter does not match it. */
interface Anchor {
  readonly letterId: number;
  readonly index: number | null;
}

type Pages = Map<number, readonly QueueRow[]>;

/** The pages holding rows first..last. */
function pageRange(first: number, last: number): number[] {
  const from = Math.floor(first / QUEUE_PAGE_SIZE);
  const to = Math.floor(last / QUEUE_PAGE_SIZE);
  return Array.from({ length: to - from + 1 }, (_, n) => from + n);
}

function findIn(pages: Pages, letterId: number): number {
  for (const [page, rows] of pages) {
    const i = rows.findIndex((row) => row.id === letterId);
    if (i >= 0) return page * QUEUE_PAGE_SIZE + i;
  }
  return -1;
}

export function useQueuePages(filter: QueueFilter, sort: QueueSort, version: number, openId: number | null): QueuePages {
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [loadedFor, setLoadedFor] = useState<string | null>(null);
  const pages = useRef<Pages>(new Map());
  /** The rows on screen before a refresh, until its first page arrives: they are what a click or a key acts on meanwhile. */
  const shown = useRef<{ readonly pages: Pages; readonly anchor: Anchor | null } | null>(null);
  const anchor = useRef<Anchor | null>(null);
  const loading = useRef(new Map<number, Promise<void>>());
  const [, setTick] = useState(0);
  const key = JSON.stringify([filter, sort, version]);
  const keyRef = useRef(key);
  /** The query whose rows were settled last, and the pages the list showed of them: a refresh of the same query reloads those. */
  const settledQuery = useRef<string | null>(null);
  const inView = useRef({ first: 0, last: 0 });
  const openRef = useRef(openId);
  openRef.current = openId;

  const loadPage = useCallback(
    (page: number, requestKey: string): Promise<void> => {
      if (pages.current.has(page)) return Promise.resolve();
      const pending = loading.current.get(page);
      if (pending) return pending;
      const load = api
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
      loading.current.set(page, load);
      return load;
    },
    [filter, sort],
  );

  /** Asks the server where the letter stands, and loads the page holding it. */
  const locate = useCallback(
    async (letterId: number, requestKey: string): Promise<Anchor | null> => {
      const index = await api.queuePosition(letterId, filter, sort);
      if (keyRef.current !== requestKey) return null;
      if (index !== null) await loadPage(Math.floor(index / QUEUE_PAGE_SIZE), requestKey);
      return { letterId, index };
    },
    [filter, sort, loadPage],
  );

  useEffect(() => {
    keyRef.current = key;
    // Keep the old rows on screen, and acted on, until the new first page arrives: no flash on
    // refresh, and a row clicked meanwhile (just after a save) opens the letter it shows.
    const previous = { pages: pages.current, anchor: anchor.current };
    shown.current ??= previous;
    pages.current = new Map();
    loading.current = new Map();
    const fresh: Pages = pages.current;
    const query = queueKey(filter, sort);
    // After a change the same query is asked again for the pages in view only (one call, as a
    // rule), so the rows the reviewer sees are refreshed first; a new query starts at the top.
    const wanted = settledQuery.current === query ? pageRange(inView.current.first, inView.current.last) : [0];
    const settle = async () => {
      const results = await Promise.all(wanted.map((n) => api.queryQueue({ ...filter, sort, offset: n * QUEUE_PAGE_SIZE, limit: QUEUE_PAGE_SIZE })));
      if (keyRef.current !== key) return;
      results.forEach((page, n) => fresh.set(wanted[n]!, page.rows));
      const result = results[0]!;
      const open = openRef.current;
      const placed = open === null || findIn(fresh, open) >= 0 ? null : await locate(open, key);
      if (keyRef.current !== key) return;
      anchor.current = placed;
      shown.current = null;
      setTotal(result.total);
      setError(null);
      settledQuery.current = query;
      setLoadedFor(query);
      setTick((t) => t + 1);
    };
    settle().catch((e: unknown) => {
      pages.current = previous.pages;
      anchor.current = previous.anchor;
      shown.current = null;
      setError(e instanceof Error ? e.message : String(e));
    });
  }, [key]); // eslint-disable-line react-hooks/exhaustive-deps

  const indexOf = useCallback((letterId: number) => {
    const current = shown.current ?? { pages: pages.current, anchor: anchor.current };
    const loaded = findIn(current.pages, letterId);
    if (loaded >= 0) return loaded;
    return current.anchor?.letterId === letterId ? (current.anchor.index ?? -1) : -1;
  }, []);

  // A letter opened from elsewhere (a dialog, an undo, the next to review) is placed too.
  useEffect(() => {
    if (openId === null || shown.current !== null || indexOf(openId) >= 0 || anchor.current?.letterId === openId) return;
    const requestKey = keyRef.current;
    locate(openId, requestKey)
      .then((placed) => {
        if (placed === null || keyRef.current !== requestKey || openRef.current !== openId) return;
        anchor.current = placed;
        setTick((t) => t + 1);
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [openId, loadedFor, indexOf, locate]);

  const rowAt = useCallback((index: number) => {
    const page = Math.floor(index / QUEUE_PAGE_SIZE);
    return (shown.current?.pages ?? pages.current).get(page)?.[index % QUEUE_PAGE_SIZE];
  }, []);
  const ensure = useCallback(
    (index: number, count: number) => {
      const first = Math.max(0, index);
      const last = Math.max(0, index + count - 1);
      inView.current = { first, last };
      for (const page of pageRange(first, last)) void loadPage(page, keyRef.current);
    },
    [loadPage],
  );
  const fetchRow = useCallback(
    async (index: number) => {
      if (index < 0) return undefined;
      const loaded = rowAt(index);
      if (loaded) return loaded;
      await loadPage(Math.floor(index / QUEUE_PAGE_SIZE), keyRef.current);
      return rowAt(index);
    },
    [rowAt, loadPage],
  );
  return { total, rowAt, ensure, fetchRow, indexOf, error, loadedFor };
}
