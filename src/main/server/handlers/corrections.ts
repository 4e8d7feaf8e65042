/** What reviewers corrected on verified letters: the parser's weak spots, per field. */
import type { ImrApi } from '../../../shared/api.ts';
import { correctionsReport, listCorrections } from '../../storage/index.ts';
import type { HandlerContext } from '../session.ts';

export function correctionHandlers({ library: { db } }: HandlerContext): Pick<ImrApi, 'getCorrections' | 'listCorrections'> {
  return {
    getCorrections: async () => correctionsReport(db),
    listCorrections: async (field, limit) => listCorrections(db, field, limit),
  };
}
