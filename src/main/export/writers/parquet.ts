/**
 * letters.parquet, items.parquet and citations.parquet, typed (DATE, TIMESTAMP, INT32, BOOLEAN,
 * UTF-8 strings, and LISTs of them or of flat records such as notes).
 *
 * Written with hyparquet-writer: pure JavaScript (nothing native or WebAssembly to package with
 * Electron), kept up by the hyparquet project, with an incremental ParquetWriter that takes one
 * row group at a time, so memory stays at one row group whatever the dataset's size. The
 * alternative, parquet-wasm + apache-arrow, needs the whole table (or an Arrow stream) in memory
 * and a 5 MB WebAssembly module for what these two flat tables need.
 */
import path from 'node:path';
import { ByteWriter, ParquetWriter } from 'hyparquet-writer';
import type { SchemaElement } from 'hyparquet';
import type { ExportedItem, ExportedLetter } from '../../../shared/export.ts';
import type { FileSink } from '../guardedFs.ts';
import { openSink } from '../guardedFs.ts';
import type { CellValue, Column, ColumnType, ScalarType, ScalarValue } from '../columns.ts';
import { CITATION_COLUMNS, citationRows, ITEM_KEY_COLUMNS, itemColumns, letterColumns } from '../columns.ts';
import { epochDays } from '../dates.ts';
import type { DataFile, DatasetWriter, WriterOptions } from './writer.ts';

export const PARQUET_LETTERS_FILE = 'letters.parquet';
export const PARQUET_ITEMS_FILE = 'items.parquet';
export const PARQUET_CITATIONS_FILE = 'citations.parquet';
/** Rows per row group at most: readers skip whole groups by their statistics. */
const ROW_GROUP_ROWS = 10_000;
/** Text per row group at most, so a group of long rationales is held in memory at a few megabytes, not hundreds (three tables' groups are held at once). */
const ROW_GROUP_CHARS = 4_000_000;

type ParquetScalar = string | number | boolean | null;
type ParquetCell = ParquetScalar | ParquetScalar[] | Record<string, ParquetScalar>[];

const SCALAR_ELEMENTS: Record<ScalarType, Omit<SchemaElement, 'name'>> = {
  string: { type: 'BYTE_ARRAY', converted_type: 'UTF8', logical_type: { type: 'STRING' }, repetition_type: 'OPTIONAL' },
  integer: { type: 'INT32', repetition_type: 'OPTIONAL' },
  boolean: { type: 'BOOLEAN', repetition_type: 'OPTIONAL' },
  date: { type: 'INT32', converted_type: 'DATE', logical_type: { type: 'DATE' }, repetition_type: 'OPTIONAL' },
  timestamp: {
    type: 'INT64',
    converted_type: 'TIMESTAMP_MILLIS',
    logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: true, unit: 'MILLIS' },
    repetition_type: 'OPTIONAL',
  },
};

/** A column's schema elements: one for a value; a list is the standard three-level LIST group. */
function schemaElements(name: string, type: ColumnType): SchemaElement[] {
  if (typeof type === 'string') return [{ name, ...SCALAR_ELEMENTS[type] }];
  const element: SchemaElement[] =
    typeof type.list === 'string'
      ? [{ name: 'element', ...SCALAR_ELEMENTS[type.list] }]
      : [
          { name: 'element', repetition_type: 'OPTIONAL', num_children: type.list.length },
          ...type.list.map((member) => ({ name: member.name, ...SCALAR_ELEMENTS[member.type] })),
        ];
  return [
    { name, repetition_type: 'OPTIONAL', converted_type: 'LIST', logical_type: { type: 'LIST' }, num_children: 1 },
    { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
    ...element,
  ];
}

/** Dates become days since the epoch and instants milliseconds, as Parquet stores them. */
function parquetScalar(type: ScalarType, value: ScalarValue): ParquetScalar {
  if (value === null) return null;
  if (type === 'date') return epochDays(String(value));
  if (type === 'timestamp') return Date.parse(String(value));
  return value;
}

function parquetCell(type: ColumnType, value: CellValue): ParquetCell {
  if (typeof type === 'string') return parquetScalar(type, value as ScalarValue);
  const list = value as readonly (ScalarValue | Readonly<Record<string, ScalarValue>>)[];
  const members = type.list;
  if (typeof members === 'string') return list.map((element) => parquetScalar(members, element as ScalarValue));
  return list.map((record) =>
    Object.fromEntries(members.map((member) => [member.name, parquetScalar(member.type, (record as Record<string, ScalarValue>)[member.name] ?? null)])),
  );
}

/**
 * hyparquet-writer's byte buffer, emptied into the file after every row group (the library
 * awaits the flush before it encodes the next), so the writes are asynchronous, guarded and
 * cancellable, where its own file writer writes synchronously.
 */
class SinkWriter extends ByteWriter {
  readonly #sink: FileSink;

  constructor(sink: FileSink) {
    super();
    this.#sink = sink;
  }

  async flush(): Promise<void> {
    if (this.index === 0) return;
    // A view, not a copy: nothing writes into the buffer until this flush is done.
    const bytes = new Uint8Array(this.buffer, 0, this.index);
    await this.#sink.writeBytes(bytes);
    this.index = 0;
  }

  override async finish(): Promise<void> {
    await this.flush();
    await this.#sink.close();
  }
}

/** About how much text a cell holds (lists and records counted by their strings). */
function textLength(cell: ParquetCell): number {
  if (typeof cell === 'string') return cell.length;
  if (!Array.isArray(cell)) return 0;
  let length = 0;
  for (const element of cell) {
    if (typeof element === 'string') length += element.length;
    else if (element !== null && typeof element === 'object') for (const member of Object.values(element)) if (typeof member === 'string') length += member.length;
  }
  return length;
}

/** One Parquet file filled a row group at a time from rows of a fixed column list. */
interface TableWriter<Row> {
  readonly data: DataFile;
  add(row: Row): Promise<void>;
  finish(): Promise<void>;
  abandon(): Promise<void>;
}

async function tableWriter<Row>(options: WriterOptions, name: string, columns: readonly Column<Row>[], createdBy: string): Promise<TableWriter<Row>> {
  const data: DataFile = { name, rows: 0, bytes: 0 };
  const sink = await openSink(options.guard, path.join(options.dir, name));
  const writer = new ParquetWriter({
    writer: new SinkWriter(sink),
    schema: [
      { name: 'root', num_children: columns.length },
      ...columns.flatMap((column) => schemaElements(column.name, column.type)),
    ],
    createdBy,
  });
  let group: ParquetCell[][] = columns.map(() => []);
  let groupRows = 0;
  let groupChars = 0;
  const flush = async () => {
    if (groupRows === 0) return;
    const columnData = columns.map((column, index) => ({ name: column.name, data: group[index] ?? [] }));
    group = columns.map(() => []);
    const rows = groupRows;
    groupRows = 0;
    groupChars = 0;
    await writer.write({ columnData, rowGroupSize: rows });
  };
  return {
    data,
    async add(row) {
      columns.forEach((column, index) => {
        const cell = parquetCell(column.type, column.value(row));
        groupChars += textLength(cell);
        group[index]?.push(cell);
      });
      groupRows++;
      data.rows++;
      if (groupRows >= ROW_GROUP_ROWS || groupChars >= ROW_GROUP_CHARS) await flush();
    },
    async finish() {
      await flush();
      await writer.finish();
      data.bytes = sink.bytes;
    },
    abandon: () => sink.abandon(),
  };
}

interface ItemRow {
  readonly letter: ExportedLetter;
  readonly item: ExportedItem;
  readonly index: number;
}

export async function parquetWriter(options: WriterOptions, createdBy: string): Promise<DatasetWriter> {
  const letters = await tableWriter(options, PARQUET_LETTERS_FILE, letterColumns(options.withSpans), createdBy);
  const itemTableColumns: Column<ItemRow>[] = [
    ...ITEM_KEY_COLUMNS.map((column) => ({ ...column, value: (row: ItemRow) => column.value(row.letter) })),
    ...itemColumns(options.withSpans),
  ];
  const items = await tableWriter(options, PARQUET_ITEMS_FILE, itemTableColumns, createdBy);
  const citations = await tableWriter(options, PARQUET_CITATIONS_FILE, CITATION_COLUMNS, createdBy);
  return {
    files: [letters.data, items.data, citations.data],
    async add(letter) {
      await letters.add(letter);
      for (const [index, item] of letter.items.entries()) await items.add({ letter, item, index });
      for (const row of citationRows(letter)) await citations.add(row);
    },
    async finish() {
      await letters.finish();
      await items.finish();
      await citations.finish();
    },
    abandon: async () => {
      await Promise.all([letters.abandon(), items.abandon(), citations.abandon()]);
    },
  };
}
