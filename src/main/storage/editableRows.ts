/**
 * The editable part of a letter or item row, by the field names the API uses: values, source
 * spans, the parser's originals of changed fields, the edited marks and the warnings. The
 * review services read and write through these; the column names live only in fields.ts.
 */
import type { StructureCorrections } from '../../shared/derived.ts';
import type { SourceSpans } from '../../shared/letter.ts';
import type { ItemField, ItemStatus, LetterField, LetterStatus, StoredWarning } from '../../shared/library.ts';
import { NotFoundError } from './errors.ts';
import { ITEM_FIELD_COLUMNS, ITEM_FIELDS, LETTER_FIELD_COLUMNS, LETTER_FIELDS } from './fields.ts';
import type { Db } from './sql.ts';
import { parseJson, statement } from './sql.ts';

/** The parser's value of a field a person changed, and where it came from. */
export interface OriginalValue {
  readonly value: string | null;
  readonly spans?: SourceSpans;
}

export type SpanMap = Readonly<Record<string, SourceSpans>>;

export interface EditableState<F extends string> {
  readonly values: Readonly<Record<F, string | null>>;
  readonly spans: SpanMap;
  readonly original: Readonly<Partial<Record<F, OriginalValue>>>;
  readonly humanEdited: readonly F[];
  readonly warnings: readonly StoredWarning[];
}

export interface ItemState extends EditableState<ItemField> {
  readonly id: number;
  readonly letterId: number;
  readonly position: number;
  readonly status: ItemStatus;
  readonly addedByReviewer: boolean;
  readonly structureCorrections: StructureCorrections;
}

export interface LetterFieldsState extends EditableState<LetterField> {
  readonly id: number;
  readonly status: LetterStatus;
  readonly flagReason: string | null;
  readonly text: string;
}

export type StateWrite<F extends string> = {
  readonly values?: Readonly<Partial<Record<F, string | null>>>;
  readonly spans?: SpanMap;
  readonly original?: Readonly<Partial<Record<F, OriginalValue>>>;
  readonly humanEdited?: readonly F[];
  readonly warnings?: readonly StoredWarning[];
};

const valueColumns = (columns: Readonly<Record<string, string>>) =>
  Object.entries(columns).map(([field, column]) => `${column} AS "${field}"`).join(', ');

export function readItemState(db: Db, itemId: number): ItemState {
  const row = statement(
    db,
    `SELECT id, letter_id, position, status, added_by_reviewer, structure_corrections, spans, original, human_edited, warnings,
       ${valueColumns(ITEM_FIELD_COLUMNS)}
     FROM items WHERE id = ?`,
  ).get(itemId) as
    | (StateColumns & Record<ItemField, string | null> & { letter_id: number; position: number; status: ItemStatus; added_by_reviewer: number; structure_corrections: string })
    | undefined;
  if (!row) throw new NotFoundError('item', itemId);
  return {
    id: row.id,
    letterId: row.letter_id,
    position: row.position,
    status: row.status,
    addedByReviewer: row.added_by_reviewer === 1,
    structureCorrections: parseJson<StructureCorrections>(row.structure_corrections),
    ...stateOf(row, ITEM_FIELDS),
  };
}

export function readLetterState(db: Db, letterId: number): LetterFieldsState {
  const row = statement(
    db,
    `SELECT l.id, l.status, l.flag_reason, l.spans, l.original, l.human_edited, l.warnings, t.text,
       ${valueColumns(prefixed(LETTER_FIELD_COLUMNS, 'l.'))}
     FROM letters l JOIN letter_texts t ON t.letter_id = l.id WHERE l.id = ?`,
  ).get(letterId) as (StateColumns & Record<LetterField, string | null> & { status: LetterStatus; flag_reason: string | null; text: string }) | undefined;
  if (!row) throw new NotFoundError('letter', letterId);
  return { id: row.id, status: row.status, flagReason: row.flag_reason, text: row.text, ...stateOf(row, LETTER_FIELDS) };
}

export function writeItemState(db: Db, itemId: number, write: StateWrite<ItemField>): void {
  writeState(db, 'items', ITEM_FIELD_COLUMNS, itemId, write);
}

export function writeLetterState(db: Db, letterId: number, write: StateWrite<LetterField>): void {
  writeState(db, 'letters', LETTER_FIELD_COLUMNS, letterId, write);
}

interface StateColumns {
  id: number;
  spans: string;
  original: string;
  human_edited: string;
  warnings: string;
}

function stateOf<F extends string>(row: StateColumns & Record<F, string | null>, fields: readonly F[]): EditableState<F> {
  return {
    values: Object.fromEntries(fields.map((field) => [field, row[field]])) as unknown as Record<F, string | null>,
    spans: parseJson<SpanMap>(row.spans),
    original: parseJson<Partial<Record<F, OriginalValue>>>(row.original),
    humanEdited: parseJson<F[]>(row.human_edited),
    warnings: parseJson<StoredWarning[]>(row.warnings),
  };
}

function prefixed(columns: Readonly<Record<string, string>>, prefix: string): Record<string, string> {
  return Object.fromEntries(Object.entries(columns).map(([field, column]) => [field, prefix + column]));
}

function writeState<F extends string>(db: Db, table: 'items' | 'letters', columns: Readonly<Record<F, string>>, id: number, write: StateWrite<F>): void {
  const assignments: string[] = [];
  const params: (string | null)[] = [];
  for (const [field, value] of Object.entries(write.values ?? {}) as [F, string | null][]) {
    assignments.push(`${columns[field]} = ?`);
    params.push(value);
  }
  const json = { spans: write.spans, original: write.original, human_edited: write.humanEdited && [...write.humanEdited].sort(), warnings: write.warnings };
  for (const [column, value] of Object.entries(json)) {
    if (value === undefined) continue;
    assignments.push(`${column} = ?`);
    params.push(JSON.stringify(value));
  }
  if (assignments.length === 0) return;
  const { changes } = statement(db, `UPDATE ${table} SET ${assignments.join(', ')} WHERE id = ?`).run(...params, id);
  if (changes === 0) throw new NotFoundError(table === 'items' ? 'item' : 'letter', id);
}
