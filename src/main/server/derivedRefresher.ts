/**
 * The derived-values update of an open library (see review/derivedRefresh.ts) as background
 * work of the server: one slice of a few milliseconds at a time, the event loop turned between
 * slices, so every request waits at most one slice. Stopped when the library closes; the next
 * open goes on where it stopped.
 */
import type { Db } from '../storage/index.ts';
import { refreshDerivedSlice } from '../review/index.ts';

/** How long one slice may hold the library. */
const SLICE_MS = 15;

export interface DerivedRefresher {
  stop(): void;
}

export function startDerivedRefresher(db: Db, onError: (error: unknown) => void): DerivedRefresher {
  let timer: NodeJS.Immediate | null = null;
  const step = () => {
    timer = null;
    try {
      if (refreshDerivedSlice(db, SLICE_MS) !== null) timer = setImmediate(step);
    } catch (error) {
      // A full disk or a closed file stops the update; the next open takes it up again.
      onError(error);
    }
  };
  timer = setImmediate(step);
  return {
    stop() {
      if (timer !== null) clearImmediate(timer);
      timer = null;
    },
  };
}
