/** Every change to one letter, each bound to the letter and revision it was made on. */
import type { ChangeResult, CreatedResult, ImrApi, LetterChangeResult, LetterCreatedResult, LetterRef } from '../../../shared/api.ts';
import * as review from '../../review/index.ts';
import type { ChangeOutcome, Db } from '../../storage/index.ts';
import type { HandlerContext } from '../session.ts';
import { isVerified, screenAfter } from './screen.ts';

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

/** Makes a change to one letter and answers with the screen after it (see screen.ts). */
export function letterChanged<T>(db: Db, ref: LetterRef, change: () => ChangeOutcome<T>): LetterChangeResult & { readonly outcome: ChangeOutcome<T> } {
  const verifiedBefore = isVerified(db, ref.letterId);
  const outcome = change();
  return { ...changeResult(outcome), screen: screenAfter(db, ref.letterId, verifiedBefore), outcome };
}

export function reviewHandlers({ library: { db }, actor }: HandlerContext): Pick<ImrApi, ReviewMethods> {
  const changed = (ref: LetterRef, change: () => ChangeOutcome<unknown>): LetterChangeResult => {
    const { outcome: _outcome, ...result } = letterChanged(db, ref, change);
    return result;
  };
  const created = (ref: LetterRef, change: () => ChangeOutcome<number>): LetterCreatedResult => {
    const { outcome, ...result } = letterChanged(db, ref, change);
    return { ...result, id: outcome.result };
  };
  return {
    updateItemField: async (ref, itemId, { field, ...input }) => changed(ref, () => review.editItemField(db, actor(), ref, itemId, field, input)),
    setDecision: async (ref, itemId, decision) => changed(ref, () => review.setDecision(db, actor(), ref, itemId, decision)),
    setItemStatus: async (ref, itemId, status) => changed(ref, () => review.setItemStatus(db, actor(), ref, itemId, status)),
    setStructureValue: async (ref, itemId, { key, value }) => changed(ref, () => review.setStructureValue(db, actor(), ref, itemId, key, value)),
    addItem: async (ref, item) => created(ref, () => review.addItem(db, actor(), ref, item)),
    deleteItem: async (ref, itemId) => changed(ref, () => review.deleteItem(db, actor(), ref, itemId)),
    splitItem: async (ref, itemId, header) => created(ref, () => review.splitItem(db, actor(), ref, itemId, header)),
    mergeItems: async (ref, keepId, removeId) => changed(ref, () => review.mergeItems(db, actor(), ref, keepId, removeId)),
    reorderItems: async (ref, itemIds) => changed(ref, () => review.reorderItems(db, actor(), ref, itemIds)),
    updateLetterField: async (ref, { field, ...input }) => changed(ref, () => review.editLetterField(db, actor(), ref, field, input)),
    verifyLetter: async (ref) => changed(ref, () => review.verifyLetter(db, actor(), ref)),
    flagLetter: async (ref, reason) => changed(ref, () => review.flagLetter(db, actor(), ref, reason)),
    reopenLetter: async (ref) => changed(ref, () => review.reopenLetter(db, actor(), ref)),
    tagLetter: async (ref, tagId) => changed(ref, () => review.setLetterTag(db, actor(), ref, tagId, true)),
    untagLetter: async (ref, tagId) => changed(ref, () => review.setLetterTag(db, actor(), ref, tagId, false)),
    tagItem: async (ref, itemId, tagId) => changed(ref, () => review.setItemTag(db, actor(), ref, itemId, tagId, true)),
    untagItem: async (ref, itemId, tagId) => changed(ref, () => review.setItemTag(db, actor(), ref, itemId, tagId, false)),
    addNote: async (ref, body) => created(ref, () => review.addNote(db, actor(), ref, body)),
    deleteNote: async (ref, noteId) => changed(ref, () => review.deleteNote(db, actor(), ref, noteId)),
  };
}
