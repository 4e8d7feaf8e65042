/** Polls a background job's status while a dialog is open; tells when a run it watched has finished. */
import { useEffect, useRef, useState } from 'react';
import type { JobStatus } from '../../../shared/api.ts';

const POLL_MS = 250;

export function useJobStatus<Progress, Result>(
  fetchStatus: () => Promise<JobStatus<Progress, Result>>,
  onFinished?: () => void,
): JobStatus<Progress, Result> | null {
  const [status, setStatus] = useState<JobStatus<Progress, Result> | null>(null);
  // The latest callbacks, so a parent's new function identity does not restart the polling.
  const latest = useRef({ fetchStatus, onFinished });
  latest.current = { fetchStatus, onFinished };

  useEffect(() => {
    let stopped = false;
    let wasRunning = false;
    const poll = async () => {
      if (stopped) return;
      const next = await latest.current.fetchStatus();
      if (stopped) return;
      setStatus(next);
      if (wasRunning && next.running === null) latest.current.onFinished?.();
      wasRunning = next.running !== null;
      setTimeout(() => void poll(), POLL_MS);
    };
    void poll();
    return () => {
      stopped = true;
    };
  }, []);
  return status;
}
