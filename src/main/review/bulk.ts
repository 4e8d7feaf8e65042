/**
 * One change to many items across letters (a bulk action): each letter is named with the
 * revision the reviewer previewed, every item must still belong to it, and the whole action is
 * one change group, so one undo takes back every item in every letter.
 */
import type { BulkOperation } from '../../shared/bulk.ts';
import { BULK_MAX_ITEMS } from '../../shared/bulk.ts';
import type { ChangeDetails } from '../../shared/library.ts';
import type { Actor, ChangeOutcome, Db, LetterRef } from '../storage/index.ts';
import {
  getTag,
  InvalidEditError,
  nowIso,
  readLetterState,
  refreshLetterSummary,
  runChangeOnLetters,
  tagItem,
  untagItem,
  writeItemState,
  writeItemStatus,
} from '../storage/index.ts';
import { checkDecision } from './fieldEdits.ts';
import { planFieldEdit, resolveWarnings } from './fieldPlan.ts';
import { itemOfLetter } from './items.ts';

/** The items of one letter a bulk action changes, and the letter's revision as previewed. */
export interface BulkLetterTargets extends LetterRef {
  readonly itemIds: readonly number[];
}

export interface BulkCounts {
  readonly itemsChanged: number;
  readonly lettersChanged: number;
}

export function applyBulk(db: Db, actor: Actor, letters: readonly BulkLetterTargets[], operation: BulkOperation): ChangeOutcome<BulkCounts> {
  const total = letters.reduce((sum, letter) => sum + letter.itemIds.length, 0);
  if (total === 0) throw new InvalidEditError('No items are selected');
  if (total > BULK_MAX_ITEMS) throw new InvalidEditError(`A bulk action takes at most ${BULK_MAX_ITEMS} items, not ${total}: narrow the selection`);
  if (operation.kind === 'field' && operation.field === 'decision') checkDecision(operation.value);
  const refs = letters.map(({ letterId, revision }) => ({ letterId, revision }));
  return runChangeOnLetters(db, { letters: refs, action: 'bulk-edit', actor }, () => {
    const resolvedBy = { by: actor.reviewer, at: nowIso() };
    const tagName = operation.kind === 'tag' ? getTag(db, operation.tagId).name : undefined;
    let itemsChanged = 0;
    let lettersChanged = 0;
    for (const letter of letters) {
      const text = operation.kind === 'field' ? readLetterState(db, letter.letterId).text : '';
      let changedHere = 0;
      for (const itemId of letter.itemIds) {
        const item = itemOfLetter(db, letter.letterId, itemId);
        let changed = false;
        if (operation.kind === 'tag') changed = operation.on ? tagItem(db, itemId, operation.tagId) : untagItem(db, itemId, operation.tagId);
        else if (operation.kind === 'status') {
          changed = item.status !== operation.status;
          if (changed) writeItemStatus(db, itemId, operation.status);
          if (operation.status === 'confirmed') writeItemState(db, itemId, { warnings: resolveWarnings(item.warnings, () => true, resolvedBy) });
        } else {
          const plan = planFieldEdit(item, operation.field, { value: operation.value }, { text, addedByReviewer: item.addedByReviewer, resolvedBy });
          if (plan) writeItemState(db, itemId, plan.write);
          changed = plan !== null;
        }
        if (changed) changedHere++;
      }
      if (operation.kind !== 'tag') refreshLetterSummary(db, letter.letterId);
      itemsChanged += changedHere;
      if (changedHere > 0) lettersChanged++;
    }
    return { details: bulkDetails(operation, itemsChanged, lettersChanged, tagName), result: { itemsChanged, lettersChanged } };
  });
}

function bulkDetails(operation: BulkOperation, items: number, letters: number, tagName: string | undefined): ChangeDetails {
  const counts = { count: items, letterCount: letters };
  switch (operation.kind) {
    case 'tag':
      return { ...counts, tagName: tagName ?? '', to: operation.on ? 'tagged' : 'untagged' };
    case 'status':
      return { ...counts, field: 'status', to: operation.status };
    case 'field':
      return { ...counts, field: operation.field, to: operation.value };
  }
}
