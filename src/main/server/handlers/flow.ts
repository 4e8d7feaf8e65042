/** The exception-first review flow: finishing a letter in one step, and where the queue's search matched in it. */
import type { ImrApi } from '../../../shared/api.ts';
import * as review from '../../review/index.ts';
import { searchMarks } from '../../storage/index.ts';
import type { HandlerContext } from '../session.ts';
import { letterChanged } from './review.ts';

export function flowHandlers({ library: { db }, actor }: HandlerContext): Pick<ImrApi, 'confirmAndVerify' | 'searchMarks'> {
  return {
    confirmAndVerify: async (ref) => {
      const { outcome, ...result } = letterChanged(db, ref, () => review.confirmAndVerify(db, actor(), ref));
      return { ...result, confirmed: outcome.result };
    },
    searchMarks: async (letterId, search) => searchMarks(db, letterId, search),
  };
}
