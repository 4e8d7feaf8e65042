/** Reviewer corrections to one item: a field, its decision, its review status. */
import type { Decision, Span } from '../../shared/letter.ts';
import { DECISIONS } from '../../shared/letter.ts';
import { InvalidEditError, NotFoundError } from './errors.ts';
import { applyFieldEdit } from './fieldEdits.ts';
import { isItemField, ITEM_FIELD_COLUMNS, ITEM_STATUSES } from './fields.ts';
import type { ItemField, ItemStatus } from './fields.ts';
import { beginLetterChange, recordChange } from './history.ts';
import { inWriteTransaction, statement } from './sql.ts';
import type { Db } from './sql.ts';
import { refreshLetterSummary } from './summary.ts';

export interface FieldEditOptions {
  /** The corrected value's source span; null removes the span; leave out to keep it. */
  readonly span?: Span | null;
}

/** Corrects one item field and records it. Returns whether anything changed. */
export function updateItemField(
  db: Db,
  itemId: number,
  field: ItemField,
  value: string | null,
  options: FieldEditOptions = {},
): boolean {
  if (!isItemField(field)) throw new InvalidEditError(`"${field}" is not an item field`);
  if (field === 'decision') checkDecision(value);
  return inWriteTransaction(db, () => {
    const letterId = letterOfItem(db, itemId);
    const context = beginLetterChange(db, letterId);
    const changed = applyFieldEdit(db, context, {
      entityType: 'item',
      entityId: itemId,
      field,
      column: ITEM_FIELD_COLUMNS[field],
      value,
      ...(options.span === undefined ? {} : { span: options.span }),
    });
    if (changed && field === 'decision') refreshLetterSummary(db, letterId);
    return changed;
  });
}

export function setDecision(
  db: Db,
  itemId: number,
  decision: Decision | null,
  options: FieldEditOptions = {},
): boolean {
  return updateItemField(db, itemId, 'decision', decision, options);
}

/** Marks an item confirmed or flagged during review (or back to unreviewed). */
export function setItemStatus(db: Db, itemId: number, status: ItemStatus): void {
  if (!ITEM_STATUSES.includes(status)) throw new InvalidEditError(`"${status}" is not an item status`);
  inWriteTransaction(db, () => {
    const letterId = letterOfItem(db, itemId);
    const context = beginLetterChange(db, letterId);
    const { status: previous } = statement(db, 'SELECT status FROM items WHERE id = ?').get(itemId) as {
      status: ItemStatus;
    };
    if (previous === status) return;
    statement(db, 'UPDATE items SET status = ? WHERE id = ?').run(status, itemId);
    recordChange(db, context, {
      entityType: 'item',
      entityId: itemId,
      action: 'set-item-status',
      field: 'status',
      oldValue: previous,
      newValue: status,
    });
  });
}

export function letterOfItem(db: Db, itemId: number): number {
  const row = statement(db, 'SELECT letter_id FROM items WHERE id = ?').get(itemId) as
    | { letter_id: number }
    | undefined;
  if (!row) throw new NotFoundError('item', itemId);
  return row.letter_id;
}

export function checkDecision(value: string | null): void {
  if (value !== null && !(DECISIONS as readonly string[]).includes(value)) {
    throw new InvalidEditError(`A decision is ${DECISIONS.join(' or ')}, not "${value}"`);
  }
}
