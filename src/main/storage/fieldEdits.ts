/** The one way a reviewer changes a letter or item field: value, source span, human-edited mark, history. */
import type { Span } from '../../shared/letter.ts';
import { InvalidEditError } from './errors.ts';
import { recordChange } from './history.ts';
import type { ChangeContext } from './history.ts';
import { parseJson, statement } from './sql.ts';
import type { Db } from './sql.ts';

export interface FieldEdit {
  readonly entityType: 'letter' | 'item';
  readonly entityId: number;
  /** The API field name, e.g. "claimsAdministratorGuideline". */
  readonly field: string;
  /** Its column, taken from the field maps in fields.ts, never from user input. */
  readonly column: string;
  readonly value: string | null;
  /** A new source span; null removes it; leave out to keep the current span. */
  readonly span?: Span | null;
}

const TABLES = { letter: 'letters', item: 'items' } as const;

/**
 * Applies the edit inside the caller's transaction. A changed value is marked human-edited
 * and recorded; a changed span is recorded as `<field>.span`. Returns whether anything changed.
 */
export function applyFieldEdit(db: Db, context: ChangeContext, edit: FieldEdit): boolean {
  const table = TABLES[edit.entityType];
  const row = statement(db, `SELECT ${edit.column} AS value, spans, human_edited FROM ${table} WHERE id = ?`).get(
    edit.entityId,
  ) as { value: string | null; spans: string; human_edited: string };
  const spans = parseJson<Record<string, Span>>(row.spans);
  const oldSpan = spans[edit.field] ?? null;
  const newSpan = edit.span === undefined ? oldSpan : edit.span && checkedSpan(edit.span);
  const valueChanged = row.value !== edit.value;
  const spanChanged = JSON.stringify(oldSpan) !== JSON.stringify(newSpan);
  if (!valueChanged && !spanChanged) return false;

  if (newSpan === null) delete spans[edit.field];
  else spans[edit.field] = newSpan;
  const humanEdited = new Set(parseJson<string[]>(row.human_edited));
  if (valueChanged) humanEdited.add(edit.field);
  statement(db, `UPDATE ${table} SET ${edit.column} = ?, spans = ?, human_edited = ? WHERE id = ?`).run(
    edit.value,
    JSON.stringify(spans),
    JSON.stringify([...humanEdited].sort()),
    edit.entityId,
  );

  const entity = { entityType: edit.entityType, entityId: edit.entityId, action: 'edit-field' } as const;
  if (valueChanged) {
    recordChange(db, context, { ...entity, field: edit.field, oldValue: row.value, newValue: edit.value });
  }
  if (spanChanged) {
    recordChange(db, context, {
      ...entity,
      field: `${edit.field}.span`,
      oldValue: oldSpan && JSON.stringify(oldSpan),
      newValue: newSpan && JSON.stringify(newSpan),
    });
  }
  return true;
}

export function checkedSpan(span: Span): Span {
  const [start, end] = span;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start) {
    throw new InvalidEditError(`A span must be [start, end) with 0 <= start <= end, not [${start}, ${end}]`);
  }
  return [start, end];
}
