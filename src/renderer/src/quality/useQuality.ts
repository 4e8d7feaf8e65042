/** The quality report, fetched when the view opens and again after anything the view changes. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { QualityReport } from '../../../shared/quality.ts';
import { api } from '../api/client.ts';

export interface QualityState {
  readonly report: QualityReport | null;
  readonly error: string | null;
  readonly reload: () => void;
}

export function useQuality(): QualityState {
  const [report, setReport] = useState<QualityReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  // A late answer to an earlier load is dropped: the newest load wins.
  const loads = useRef(0);
  const reload = useCallback(() => {
    const load = ++loads.current;
    api.getQuality().then(
      (next) => {
        if (load !== loads.current) return;
        setReport(next);
        setError(null);
      },
      (problem: unknown) => load === loads.current && setError(problem instanceof Error ? problem.message : String(problem)),
    );
  }, []);
  useEffect(reload, [reload]);
  return { report, error, reload };
}
