/**
 * Reviewer changes to the list of items of a letter: add, delete, reorder, split, merge.
 * Positions stay 0..n-1; every change is one transaction with its history row.
 */
import type { Span } from '../../shared/letter.ts';
import { InvalidEditError, NotFoundError } from './errors.ts';
import { applyFieldEdit, checkedSpan } from './fieldEdits.ts';
import { ITEM_FIELD_COLUMNS, ITEM_FIELDS } from './fields.ts';
import type { ItemField } from './fields.ts';
import { beginLetterChange, recordChange } from './history.ts';
import type { ChangeContext } from './history.ts';
import { checkDecision, letterOfItem } from './itemEdits.ts';
import { inWriteTransaction, parseJson, statement } from './sql.ts';
import type { Db } from './sql.ts';
import { getItem } from './storedItems.ts';
import { refreshLetterSummary } from './summary.ts';
import type { StoredItem } from '../../shared/library.ts';

export type ItemValues = { readonly [F in ItemField]?: string | null };
/** Source spans by field, plus `item` for the whole item. */
export type ItemSpans = { readonly [F in ItemField | 'item']?: Span };

export interface NewItem {
  readonly values?: ItemValues;
  readonly spans?: ItemSpans;
}

/** Adds a reviewer-written item at `position` (0-based; default: last). Returns its id. */
export function addItem(db: Db, letterId: number, item: NewItem = {}, position?: number): number {
  return inWriteTransaction(db, () => {
    const context = beginLetterChange(db, letterId);
    const order = itemIdsInOrder(db, letterId);
    const at = position ?? order.length;
    if (!Number.isInteger(at) || at < 0 || at > order.length) {
      throw new InvalidEditError(`Position ${at} is outside 0..${order.length}`);
    }
    const itemId = insertReviewerItem(db, letterId, item, order.length);
    order.splice(at, 0, itemId);
    renumberItems(db, letterId, order);
    recordChange(db, context, {
      entityType: 'item',
      entityId: itemId,
      action: 'add-item',
      newValue: JSON.stringify({ position: at, ...item }),
    });
    refreshLetterSummary(db, letterId);
    return itemId;
  });
}

/** Deletes an item; the history row keeps a full copy of it. */
export function deleteItem(db: Db, itemId: number): void {
  inWriteTransaction(db, () => {
    const letterId = letterOfItem(db, itemId);
    const context = beginLetterChange(db, letterId);
    const snapshot = getItem(db, itemId);
    statement(db, 'DELETE FROM items WHERE id = ?').run(itemId);
    renumberItems(db, letterId, itemIdsInOrder(db, letterId));
    recordChange(db, context, {
      entityType: 'item',
      entityId: itemId,
      action: 'delete-item',
      oldValue: JSON.stringify(snapshot),
    });
    refreshLetterSummary(db, letterId);
  });
}

/** Puts the letter's items in the given order; `itemIds` must list each of its items once. */
export function reorderItems(db: Db, letterId: number, itemIds: readonly number[]): void {
  inWriteTransaction(db, () => {
    const context = beginLetterChange(db, letterId);
    const current = itemIdsInOrder(db, letterId);
    const sameItems =
      itemIds.length === current.length &&
      new Set(itemIds).size === current.length &&
      itemIds.every((id) => current.includes(id));
    if (!sameItems) throw new InvalidEditError(`The new order must list each item of letter ${letterId} once`);
    if (itemIds.every((id, index) => id === current[index])) return;
    renumberItems(db, letterId, itemIds);
    recordChange(db, context, {
      entityType: 'letter',
      entityId: letterId,
      action: 'reorder-items',
      oldValue: JSON.stringify(current),
      newValue: JSON.stringify(itemIds),
    });
  });
}

export interface ItemSplit {
  /** Corrections to the item being split (its fields now end where the second item starts). */
  readonly first?: NewItem;
  /** The item that was hidden inside it; inserted right after it. */
  readonly second: NewItem;
}

/** Splits an item the parser ran together with the next one. Returns the new second item's id. */
export function splitItem(db: Db, itemId: number, split: ItemSplit): number {
  return inWriteTransaction(db, () => {
    const letterId = letterOfItem(db, itemId);
    const context = beginLetterChange(db, letterId);
    const original = getItem(db, itemId);
    applyItemEdits(db, context, itemId, split.first?.values ?? {}, split.first?.spans ?? {});
    if (split.first?.spans?.item) setWholeItemSpan(db, itemId, split.first.spans.item);
    const order = itemIdsInOrder(db, letterId);
    const secondId = insertReviewerItem(db, letterId, split.second, order.length);
    order.splice(order.indexOf(itemId) + 1, 0, secondId);
    renumberItems(db, letterId, order);
    recordChange(db, context, {
      entityType: 'item',
      entityId: itemId,
      action: 'split-item',
      oldValue: JSON.stringify(original),
      newValue: JSON.stringify({ secondItemId: secondId, ...split }),
    });
    refreshLetterSummary(db, letterId);
    return secondId;
  });
}

/**
 * Merges `removeItemId` into `keepItemId` (items the parser split apart). By default each text
 * field becomes the kept item's text, a space, then the removed item's; a missing decision is
 * taken from the removed item. `values` overrides any field. Tags and warnings move over.
 */
export function mergeItems(db: Db, keepItemId: number, removeItemId: number, values: ItemValues = {}): void {
  if (keepItemId === removeItemId) throw new InvalidEditError('An item cannot be merged with itself');
  inWriteTransaction(db, () => {
    const keep = getItem(db, keepItemId);
    const remove = getItem(db, removeItemId);
    if (!keep) throw new NotFoundError('item', keepItemId);
    if (!remove) throw new NotFoundError('item', removeItemId);
    if (keep.letterId !== remove.letterId) throw new InvalidEditError('Only items of the same letter can be merged');
    const context = beginLetterChange(db, keep.letterId);

    const spans: Partial<Record<ItemField, Span>> = {};
    for (const field of ITEM_FIELDS) {
      const span = keep.spans[field] ?? remove.spans[field];
      if (span) spans[field] = span;
    }
    applyItemEdits(db, context, keepItemId, { ...mergedValues(keep, remove), ...values }, spans);
    const keepSpan = keep.spans.item;
    const removeSpan = remove.spans.item;
    if (keepSpan && removeSpan) {
      setWholeItemSpan(db, keepItemId, [Math.min(keepSpan[0], removeSpan[0]), Math.max(keepSpan[1], removeSpan[1])]);
    }
    statement(db, 'UPDATE items SET warnings = ? WHERE id = ?').run(
      JSON.stringify([...keep.warnings, ...remove.warnings]),
      keepItemId,
    );
    statement(
      db,
      `INSERT OR IGNORE INTO item_tags (item_id, tag_id, tagged_at)
       SELECT ?, tag_id, tagged_at FROM item_tags WHERE item_id = ?`,
    ).run(keepItemId, removeItemId);
    statement(db, 'DELETE FROM items WHERE id = ?').run(removeItemId);
    renumberItems(db, keep.letterId, itemIdsInOrder(db, keep.letterId));
    recordChange(db, context, {
      entityType: 'item',
      entityId: keepItemId,
      action: 'merge-items',
      oldValue: JSON.stringify(remove),
    });
    refreshLetterSummary(db, keep.letterId);
  });
}

function mergedValues(keep: StoredItem, remove: StoredItem): Record<ItemField, string | null> {
  const merged = {} as Record<ItemField, string | null>;
  for (const field of ITEM_FIELDS) {
    if (field === 'decision') {
      merged.decision = keep.decision ?? remove.decision;
      continue;
    }
    const parts = [keep[field], remove[field]].filter((part): part is string => part !== null && part !== '');
    merged[field] = parts.length > 0 ? parts.join(' ') : null;
  }
  return merged;
}

function applyItemEdits(
  db: Db,
  context: ChangeContext,
  itemId: number,
  values: ItemValues,
  spans: Partial<Record<ItemField, Span>>,
): void {
  for (const field of ITEM_FIELDS) {
    const value = values[field];
    if (value === undefined) continue;
    if (field === 'decision') checkDecision(value);
    const span = spans[field];
    applyFieldEdit(db, context, {
      entityType: 'item',
      entityId: itemId,
      field,
      column: ITEM_FIELD_COLUMNS[field],
      value,
      ...(span === undefined ? {} : { span }),
    });
  }
}

/** Inserts an item written by the reviewer: every value it carries counts as human-edited. */
function insertReviewerItem(db: Db, letterId: number, item: NewItem, position: number): number {
  const values = item.values ?? {};
  checkDecision(values.decision ?? null);
  const spans: Record<string, Span> = {};
  for (const [name, span] of Object.entries(item.spans ?? {})) {
    if (span) spans[name] = checkedSpan(span);
  }
  const humanEdited = ITEM_FIELDS.filter((field) => values[field] !== undefined && values[field] !== null);
  const columns = ITEM_FIELDS.map((field) => ITEM_FIELD_COLUMNS[field]);
  const { lastInsertRowid } = statement(
    db,
    `INSERT INTO items (letter_id, position, ${columns.join(', ')}, spans, human_edited, added_by_reviewer)
     VALUES (?, ?, ${columns.map(() => '?').join(', ')}, ?, ?, 1)`,
  ).run(
    letterId,
    position,
    ...ITEM_FIELDS.map((field) => values[field] ?? null),
    JSON.stringify(spans),
    JSON.stringify(humanEdited),
  );
  return Number(lastInsertRowid);
}

function setWholeItemSpan(db: Db, itemId: number, span: Span): void {
  const row = statement(db, 'SELECT spans FROM items WHERE id = ?').get(itemId) as { spans: string };
  const spans = parseJson<Record<string, Span>>(row.spans);
  spans.item = checkedSpan(span);
  statement(db, 'UPDATE items SET spans = ? WHERE id = ?').run(JSON.stringify(spans), itemId);
}

function itemIdsInOrder(db: Db, letterId: number): number[] {
  const rows = statement(db, 'SELECT id FROM items WHERE letter_id = ? ORDER BY position').all(letterId) as {
    id: number;
  }[];
  return rows.map((row) => row.id);
}

/** Gives the items positions 0..n-1 in this order, stepping through negatives so the unique index never clashes. */
function renumberItems(db: Db, letterId: number, orderedIds: readonly number[]): void {
  statement(db, 'UPDATE items SET position = -1 - position WHERE letter_id = ?').run(letterId);
  const setPosition = statement(db, 'UPDATE items SET position = ? WHERE id = ?');
  orderedIds.forEach((id, position) => setPosition.run(position, id));
}
