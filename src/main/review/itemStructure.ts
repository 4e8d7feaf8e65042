/** Changes to a letter's list of items: add, delete, reorder. Positions stay 0..n-1. */
import type { Span } from '../../shared/letter.ts';
import type { ItemField } from '../../shared/library.ts';
import { ITEM_FIELDS } from '../../shared/library.ts';
import type { Actor, ChangeOutcome, Db, LetterRef, SpanMap } from '../storage/index.ts';
import { change } from './derived.ts';
import {
  deleteItemRow,
  insertItemRow,
  InvalidEditError,
  itemIdsInOrder,
  readLetterState,
  refreshLetterSummary,
  renumberItems,
} from '../storage/index.ts';
import { checkDecision } from './fieldEdits.ts';
import { itemDetails, itemOfLetter } from './items.ts';
import { isInsideText } from './provenance.ts';

export interface NewItem {
  /** 0-based; the end of the list when left out. */
  readonly position?: number;
  readonly values?: Readonly<Partial<Record<ItemField, string | null>>>;
  /** A source span for any value, and `item` for the whole item. */
  readonly spans?: Readonly<Partial<Record<ItemField | 'item', Span>>>;
}

/** Adds an item a person writes; every value it holds is theirs. Returns its id (never one used before). */
export function addItem(db: Db, actor: Actor, ref: LetterRef, item: NewItem = {}): ChangeOutcome<number> {
  return change(db, { letter: ref, action: 'add-item', actor }, () => {
    const order = itemIdsInOrder(db, ref.letterId);
    const at = item.position ?? order.length;
    if (!Number.isInteger(at) || at < 0 || at > order.length) throw new InvalidEditError(`Position ${at} is outside 0..${order.length}`);
    const values = item.values ?? {};
    checkDecision(values.decision ?? null);
    const { text } = readLetterState(db, ref.letterId);
    const spans: Record<string, readonly Span[]> = {};
    for (const [name, span] of Object.entries(item.spans ?? {})) {
      if (!span) continue;
      if (!isInsideText(span, text)) throw new InvalidEditError(`The span [${span[0]}, ${span[1]}) is not inside the letter's text`);
      spans[name] = [span];
    }
    const itemId = insertItemRow(db, ref.letterId, order.length, {
      values,
      spans: spans as SpanMap,
      humanEdited: ITEM_FIELDS.filter((field) => values[field] !== undefined && values[field] !== null),
      addedByReviewer: true,
    });
    order.splice(at, 0, itemId);
    renumberItems(db, ref.letterId, order);
    refreshLetterSummary(db, ref.letterId);
    return { details: { itemId, itemNumber: at + 1, itemService: values.service ?? null }, result: itemId };
  });
}

/** Deletes an item with its tags; undo puts it back exactly, under the same id. */
export function deleteItem(db: Db, actor: Actor, ref: LetterRef, itemId: number): ChangeOutcome<void> {
  return change(db, { letter: ref, action: 'delete-item', actor }, () => {
    const item = itemOfLetter(db, ref.letterId, itemId);
    deleteItemRow(db, itemId);
    renumberItems(db, ref.letterId, itemIdsInOrder(db, ref.letterId));
    refreshLetterSummary(db, ref.letterId);
    return { details: itemDetails(item), result: undefined };
  });
}

/** Puts the letter's items in this order; it must list each of them once. */
export function reorderItems(db: Db, actor: Actor, ref: LetterRef, itemIds: readonly number[]): ChangeOutcome<void> {
  return change(db, { letter: ref, action: 'reorder-items', actor }, () => {
    const current = itemIdsInOrder(db, ref.letterId);
    const sameItems = itemIds.length === current.length && new Set(itemIds).size === current.length && itemIds.every((id) => current.includes(id));
    if (!sameItems) throw new InvalidEditError('The new order must list each item of the letter once');
    renumberItems(db, ref.letterId, itemIds);
    const moved = itemIds.findIndex((id, index) => id !== current[index]);
    const movedId = moved < 0 ? null : (itemIds[moved] as number);
    return { details: movedId === null ? {} : { ...itemDetails(itemOfLetter(db, ref.letterId, movedId)), from: String(current.indexOf(movedId) + 1), to: String(moved + 1) }, result: undefined };
  });
}
