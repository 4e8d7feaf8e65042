/** The insights for a query, fetched again whenever the query changes; a late answer to an old query is dropped. */
import { useEffect, useState } from 'react';
import type { Insights, InsightsQuery } from '../../../shared/insights.ts';
import { api } from '../api/client.ts';

export interface InsightsState {
  readonly insights: Insights | null;
  readonly loading: boolean;
  readonly error: string | null;
}

export function useInsights(query: InsightsQuery): InsightsState {
  const [state, setState] = useState<InsightsState>({ insights: null, loading: true, error: null });
  const key = JSON.stringify(query);
  useEffect(() => {
    let current = true;
    setState((previous) => ({ ...previous, loading: true, error: null }));
    api.getInsights(JSON.parse(key) as InsightsQuery).then(
      (insights) => current && setState({ insights, loading: false, error: null }),
      (error: unknown) => current && setState({ insights: null, loading: false, error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, [key]);
  return state;
}
