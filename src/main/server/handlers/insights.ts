/** The insights: the library's outcome figures over the whole library or the queue's filter. */
import type { ImrApi } from '../../../shared/api.ts';
import { cachedInsights } from '../../insights/index.ts';
import type { HandlerContext } from '../session.ts';

export function insightsHandlers({ library: { db } }: HandlerContext): Pick<ImrApi, 'getInsights'> {
  return {
    getInsights: async (query) => cachedInsights(db, query),
  };
}
