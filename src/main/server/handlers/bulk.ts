/** Bulk actions across letters: preview the items a selection takes, then change them all as one undoable step. */
import type { ImrApi } from '../../../shared/api.ts';
import * as review from '../../review/index.ts';
import { previewBulkSelection } from '../../storage/index.ts';
import type { HandlerContext } from '../session.ts';

export function bulkHandlers({ library: { db }, actor }: HandlerContext): Pick<ImrApi, 'previewBulk' | 'applyBulk'> {
  return {
    previewBulk: async (selection, limit) => previewBulkSelection(db, selection, limit),
    applyBulk: async (letters, operation) => {
      const outcome = review.applyBulk(db, actor(), letters, operation);
      return { changeId: outcome.changeId, ...outcome.result };
    },
  };
}
