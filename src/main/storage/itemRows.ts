/** The items of a letter as rows: inserting, deleting, ordering them, and moving their tags. */
import type { ItemField, ItemStatus, StoredWarning } from '../../shared/library.ts';
import type { OriginalValue, SpanMap } from './editableRows.ts';
import { NotFoundError } from './errors.ts';
import { ITEM_FIELD_COLUMNS, ITEM_FIELDS } from './fields.ts';
import type { Db } from './sql.ts';
import { statement } from './sql.ts';

export interface NewItemRow {
  readonly values: Readonly<Partial<Record<ItemField, string | null>>>;
  readonly spans: SpanMap;
  readonly humanEdited: readonly ItemField[];
  readonly warnings?: readonly StoredWarning[];
  readonly status?: ItemStatus;
  readonly addedByReviewer: boolean;
  readonly original?: Readonly<Partial<Record<ItemField, OriginalValue>>>;
}

/** Inserts an item at `position`, which must be free (see renumberItems); returns its id, never one used before. */
export function insertItemRow(db: Db, letterId: number, position: number, item: NewItemRow): number {
  const columns = ITEM_FIELDS.map((field) => ITEM_FIELD_COLUMNS[field]);
  const { lastInsertRowid } = statement(
    db,
    `INSERT INTO items (letter_id, position, ${columns.join(', ')}, spans, warnings, status, human_edited, added_by_reviewer, original)
     VALUES (?, ?, ${columns.map(() => '?').join(', ')}, ?, ?, ?, ?, ?, ?)`,
  ).run(
    letterId,
    position,
    ...ITEM_FIELDS.map((field) => item.values[field] ?? null),
    JSON.stringify(item.spans),
    JSON.stringify(item.warnings ?? []),
    item.status ?? 'unreviewed',
    JSON.stringify([...item.humanEdited].sort()),
    item.addedByReviewer ? 1 : 0,
    JSON.stringify(item.original ?? {}),
  );
  return Number(lastInsertRowid);
}

export function deleteItemRow(db: Db, itemId: number): void {
  const { changes } = statement(db, 'DELETE FROM items WHERE id = ?').run(itemId);
  if (changes === 0) throw new NotFoundError('item', itemId);
}

export function itemIdsInOrder(db: Db, letterId: number): number[] {
  return (statement(db, 'SELECT id FROM items WHERE letter_id = ? ORDER BY position').all(letterId) as { id: number }[]).map((row) => row.id);
}

/** Gives the items positions 0..n-1 in this order, stepping through negatives so the unique index never clashes. */
export function renumberItems(db: Db, letterId: number, orderedIds: readonly number[]): void {
  const current = statement(db, 'SELECT id, position FROM items WHERE letter_id = ? ORDER BY position').all(letterId) as { id: number; position: number }[];
  if (current.length === orderedIds.length && current.every((row, index) => row.id === orderedIds[index] && row.position === index)) return;
  statement(db, 'UPDATE items SET position = -1 - position WHERE letter_id = ?').run(letterId);
  const setPosition = statement(db, 'UPDATE items SET position = ? WHERE id = ?');
  orderedIds.forEach((id, position) => setPosition.run(position, id));
}

/** Gives `toItemId` every tag of `fromItemId` it lacks. */
export function copyItemTags(db: Db, fromItemId: number, toItemId: number): void {
  statement(
    db,
    `INSERT INTO item_tags (item_id, tag_id, tagged_at)
     SELECT ?, tag_id, tagged_at FROM item_tags f WHERE f.item_id = ?
       AND NOT EXISTS (SELECT 1 FROM item_tags t WHERE t.item_id = ? AND t.tag_id = f.tag_id)`,
  ).run(toItemId, fromItemId, toItemId);
}

export function writeItemStatus(db: Db, itemId: number, status: ItemStatus): void {
  const { changes } = statement(db, 'UPDATE items SET status = ? WHERE id = ?').run(status, itemId);
  if (changes === 0) throw new NotFoundError('item', itemId);
}
