/** The insights: the library's outcome figures over the whole library or the queue's filter. */
import type { ImrApi } from '../../../shared/api.ts';
import { computeInsights } from '../../insights/index.ts';
import type { HandlerContext } from '../session.ts';

export function insightsHandlers({ library: { db } }: HandlerContext): Pick<ImrApi, 'getInsights'> {
  return {
    getInsights: async (query) => computeInsights(db, query),
  };
}
