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

/**
 * The columns of a letter or item row an audit reads. With `editedOnly`, a value is read only from
 * a row a person edited: an unedited value is the parser's by definition, so both sides stay
 * null and compare equal, and a sample's long rationales are not read for nothing.
 */
function rowColumns<F extends string>(alias: string, meta: string, fields: readonly F[], columns: Readonly<Record<F, string>>, editedOnly: boolean): string {
  const value = (column: string) => (editedOnly ? `CASE WHEN ${alias}.human_edited <> '[]' THEN ${alias}.${column} END AS ${column}` : `${alias}.${column}`);
  return `${meta}, ${fields.map((field) => value(columns[field])).join(', ')}`;
}
const letterColumns = (editedOnly: boolean) => rowColumns('l', 'l.id, l.original, l.human_edited, l.parsed_item_count', LETTER_FIELDS, LETTER_FIELD_COLUMNS, editedOnly);
const itemColumns = (editedOnly: boolean) => rowColumns('i', 'i.letter_id, i.id, i.original, i.human_edited, i.added_by_reviewer', ITEM_FIELDS, ITEM_FIELD_COLUMNS, editedOnly);

type LetterRow = Row & { parsed_item_count: number | null };
type ItemRow = Row & { letter_id: number; added_by_reviewer: number };

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

function evidenceOf(letter: LetterRow, items: readonly ItemRow[]): LetterEvidence {
  return {
    letterId: letter.id,
    fields: compared(letter, LETTER_FIELDS, LETTER_FIELD_COLUMNS, false),
    items: items.map((row) => ({ id: row.id, addedByReviewer: row.added_by_reviewer === 1, fields: compared(row, ITEM_FIELDS, ITEM_FIELD_COLUMNS, row.added_by_reviewer === 1) })),
    parsedItemCount: letter.parsed_item_count,
  };
}

/** The letter's values now and as parsed; null when there is no such letter. */
export function readLetterEvidence(db: Db, letterId: number): LetterEvidence | null {
  const letter = statement(db, `SELECT ${letterColumns(false)} FROM letters l WHERE l.id = ?`).get(letterId) as LetterRow | undefined;
  if (!letter) return null;
  return evidenceOf(letter, statement(db, `SELECT ${itemColumns(false)} FROM items i WHERE i.letter_id = ? ORDER BY i.position`).all(letterId) as ItemRow[]);
}

/**
 * A sample's verified letters (its evidence), in the order drawn, each with the stratum it was drawn in:
 * two reads for the whole sample, values read only where a person edited the row (see rowColumns).
 */
export function readSampleEvidence(db: Db, sampleId: number): { stratum: number; evidence: LetterEvidence }[] {
  const checked = "audit_sample_letters a JOIN letters l ON l.id = a.letter_id AND l.status = 'verified'";
  const letters = statement(db, `SELECT a.stratum, ${letterColumns(true)} FROM ${checked} WHERE a.sample_id = ? ORDER BY a.draw`).all(sampleId) as (LetterRow & { stratum: number })[];
  const items = statement(db, `SELECT ${itemColumns(true)} FROM ${checked} JOIN items i ON i.letter_id = a.letter_id WHERE a.sample_id = ? ORDER BY i.letter_id, i.position`).all(sampleId) as ItemRow[];
  const itemsByLetter = new Map<number, ItemRow[]>();
  for (const item of items) {
    let items = itemsByLetter.get(item.letter_id);
    if (!items) itemsByLetter.set(item.letter_id, (items = []));
    items.push(item);
  }
  return letters.map((letter) => ({ stratum: letter.stratum, evidence: evidenceOf(letter, itemsByLetter.get(letter.id) ?? []) }));
}
