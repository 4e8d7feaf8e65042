/** The tag list: each change to it is one undoable step for the whole library. */
import type { ImrApi } from '../../../shared/api.ts';
import * as review from '../../review/index.ts';
import { listTags } from '../../storage/index.ts';
import type { HandlerContext } from '../session.ts';
import { changeResult, createdResult } from './review.ts';

export function tagHandlers({ library: { db }, actor }: HandlerContext): Pick<ImrApi, 'listTags' | 'createTag' | 'updateTag' | 'deleteTag' | 'mergeTags'> {
  return {
    listTags: async () => listTags(db),
    createTag: async (tag) => createdResult(review.createTagChange(db, actor(), tag)),
    updateTag: async (tagId, changes) => changeResult(review.updateTagChange(db, actor(), tagId, changes)),
    deleteTag: async (tagId) => {
      const outcome = review.deleteTagChange(db, actor(), tagId);
      return { ...changeResult(outcome), uses: outcome.result.uses };
    },
    mergeTags: async (sourceId, targetId) => {
      const outcome = review.mergeTagsChange(db, actor(), sourceId, targetId);
      return { ...changeResult(outcome), uses: outcome.result.uses };
    },
  };
}
