/**
 * What an audit compares on a letter: each value as it stands (the verified value, once the letter
 * is verified) and as the parser read it. The parser's reading of a field a person changed is kept
 * in `original`; a field marked edited without one (a letter from a dataset) is unknown.
 */
import type { ItemField, LetterField } from '../../../shared/library.ts';
import { ITEM_FIELD_COLUMNS, ITEM_FIELDS, LETTER_FIELD_COLUMNS, LETTER_FIELDS } from '../fields.ts';
import type { OriginalValue } from '../editableRows.ts';
import { parseJson, statement } from '../sql.ts';
import type { Db } from '../sql.ts';

/** A value now, and the parser's: `undefined` when the parser's is not known. */
export interface ComparedValue {
  readonly now: string | null;
  readonly parser: string | null | undefined;
}

export interface ItemEvidence {
  readonly id: number;
  /** A person added it (or split it off): the parser missed it. */
  readonly addedByReviewer: boolean;
  readonly fields: Readonly<Record<ItemField, ComparedValue>>;
}

export interface LetterEvidence {
  readonly letterId: number;
  readonly fields: Readonly<Record<LetterField, ComparedValue>>;
  readonly items: readonly ItemEvidence[];
  /** How many items the parser read; null when unknown. */
  readonly parsedItemCount: number | null;
}

interface Row {
  readonly id: number;
  readonly original: string;
  readonly human_edited: string;
  readonly [column: string]: unknown;
}

const LETTER_SQL = `SELECT id, original, human_edited, parsed_item_count, ${LETTER_FIELDS.map((field) => LETTER_FIELD_COLUMNS[field]).join(', ')}
  FROM letters WHERE id = ?`;
const ITEMS_SQL = `SELECT id, original, human_edited, added_by_reviewer, ${ITEM_FIELDS.map((field) => ITEM_FIELD_COLUMNS[field]).join(', ')}
  FROM items WHERE letter_id = ? ORDER BY position`;

function compared<F extends string>(row: Row, fields: readonly F[], columns: Readonly<Record<F, string>>, addedByReviewer: boolean): Record<F, ComparedValue> {
  const original = parseJson<Partial<Record<F, OriginalValue>>>(row.original);
  const edited = new Set(parseJson<F[]>(row.human_edited));
  const values = {} as Record<F, ComparedValue>;
  for (const field of fields) {
    const now = (row[columns[field]] ?? null) as string | null;
    const kept = original[field];
    const parser = addedByReviewer ? null : kept ? kept.value : edited.has(field) ? undefined : now;
    values[field] = { now, parser };
  }
  return values;
}

/** The letter's values now and as parsed; null when there is no such letter. */
export function readLetterEvidence(db: Db, letterId: number): LetterEvidence | null {
  const letter = statement(db, LETTER_SQL).get(letterId) as (Row & { parsed_item_count: number | null }) | undefined;
  if (!letter) return null;
  const items = (statement(db, ITEMS_SQL).all(letterId) as (Row & { added_by_reviewer: number })[]).map((row) => ({
    id: row.id,
    addedByReviewer: row.added_by_reviewer === 1,
    fields: compared(row, ITEM_FIELDS, ITEM_FIELD_COLUMNS, row.added_by_reviewer === 1),
  }));
  return { letterId, fields: compared(letter, LETTER_FIELDS, LETTER_FIELD_COLUMNS, false), items, parsedItemCount: letter.parsed_item_count };
}
