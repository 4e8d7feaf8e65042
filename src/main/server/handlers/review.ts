/** Every change to one letter, each bound to the letter and revision it was made on. */
import type { ChangeResult, CreatedResult, ImrApi } from '../../../shared/api.ts';
import * as review from '../../review/index.ts';
import type { ChangeOutcome } from '../../storage/index.ts';
import type { HandlerContext } from '../session.ts';

type ReviewMethods =
  | 'updateItemField'
  | 'setDecision'
  | 'setItemStatus'
  | 'setStructureValue'
  | 'addItem'
  | 'deleteItem'
  | 'splitItem'
  | 'mergeItems'
  | 'reorderItems'
  | 'updateLetterField'
  | 'verifyLetter'
  | 'flagLetter'
  | 'reopenLetter'
  | 'tagLetter'
  | 'untagLetter'
  | 'tagItem'
  | 'untagItem'
  | 'addNote'
  | 'deleteNote';

export function changeResult({ changeId, revision }: ChangeOutcome<unknown>): ChangeResult {
  return { changeId, revision };
}

export function createdResult(outcome: ChangeOutcome<number>): CreatedResult {
  return { ...changeResult(outcome), id: outcome.result };
}

export function reviewHandlers({ library: { db }, actor }: HandlerContext): Pick<ImrApi, ReviewMethods> {
  return {
    updateItemField: async (ref, itemId, { field, ...input }) => changeResult(review.editItemField(db, actor(), ref, itemId, field, input)),
    setDecision: async (ref, itemId, decision) => changeResult(review.setDecision(db, actor(), ref, itemId, decision)),
    setItemStatus: async (ref, itemId, status) => changeResult(review.setItemStatus(db, actor(), ref, itemId, status)),
    setStructureValue: async (ref, itemId, { key, value }) => changeResult(review.setStructureValue(db, actor(), ref, itemId, key, value)),
    addItem: async (ref, item) => createdResult(review.addItem(db, actor(), ref, item)),
    deleteItem: async (ref, itemId) => changeResult(review.deleteItem(db, actor(), ref, itemId)),
    splitItem: async (ref, itemId, header) => createdResult(review.splitItem(db, actor(), ref, itemId, header)),
    mergeItems: async (ref, keepId, removeId) => changeResult(review.mergeItems(db, actor(), ref, keepId, removeId)),
    reorderItems: async (ref, itemIds) => changeResult(review.reorderItems(db, actor(), ref, itemIds)),
    updateLetterField: async (ref, { field, ...input }) => changeResult(review.editLetterField(db, actor(), ref, field, input)),
    verifyLetter: async (ref) => changeResult(review.verifyLetter(db, actor(), ref)),
    flagLetter: async (ref, reason) => changeResult(review.flagLetter(db, actor(), ref, reason)),
    reopenLetter: async (ref) => changeResult(review.reopenLetter(db, actor(), ref)),
    tagLetter: async (ref, tagId) => changeResult(review.setLetterTag(db, actor(), ref, tagId, true)),
    untagLetter: async (ref, tagId) => changeResult(review.setLetterTag(db, actor(), ref, tagId, false)),
    tagItem: async (ref, itemId, tagId) => changeResult(review.setItemTag(db, actor(), ref, itemId, tagId, true)),
    untagItem: async (ref, itemId, tagId) => changeResult(review.setItemTag(db, actor(), ref, itemId, tagId, false)),
    addNote: async (ref, body) => createdResult(review.addNote(db, actor(), ref, body)),
    deleteNote: async (ref, noteId) => changeResult(review.deleteNote(db, actor(), ref, noteId)),
  };
}
