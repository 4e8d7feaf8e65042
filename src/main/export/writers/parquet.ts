/**
 * letters.parquet, items.parquet and citations.parquet, typed (DATE, TIMESTAMP, INT32, BOOLEAN,
 * UTF-8 strings, and LISTs of them or of flat records such as notes).
 *
 * Written with hyparquet-writer: pure JavaScript (nothing native or WebAssembly to package with
 * Electron), kept up by the hyparquet project, with an incremental ParquetWriter that takes one
 * row group at a time, so memory stays at one row group whatever the dataset's size. The
 * alternative, parquet-wasm + apache-arrow, needs the whole table (or an Arrow stream) in memory
 * and a 5 MB WebAssembly module for what these flat tables need. The encoding runs on a thread
 * of its own (parquetEncoder.ts) while this one reads the letters and writes the bytes.
 */
import path from 'node:path';
import type { SchemaElement } from 'hyparquet';
import type { ExportedItem, ExportedLetter } from '../../../shared/export.ts';
import { openSink } from '../guardedFs.ts';
import type { CellValue, Column, ColumnType, ScalarType, ScalarValue } from '../columns.ts';
import { CITATION_COLUMNS, citationRows, ITEM_KEY_COLUMNS, itemColumns, letterColumns, PROSE_COLUMNS } from '../columns.ts';
import { epochDays } from '../dates.ts';
import { ParquetEncoder } from './parquetEncoder.ts';
import type { ParquetCell, ParquetScalar } from './parquetEncoder.ts';
import type { DataFile, DatasetWriter, WriterOptions } from './writer.ts';

export const PARQUET_LETTERS_FILE = 'letters.parquet';
export const PARQUET_ITEMS_FILE = 'items.parquet';
export const PARQUET_CITATIONS_FILE = 'citations.parquet';
/** Rows sent to the encoder at a time: few enough that they die young here. */
const BATCH_ROWS = 256;
/** Batches a table may have sent and not yet had back: enough to keep the encoder busy, few enough to hold little. */
const BATCHES_IN_FLIGHT = 16;

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

/** One Parquet file filled from rows of a fixed column list. */
interface TableWriter<Row> {
  readonly data: DataFile;
  add(row: Row): Promise<void>;
  finish(): Promise<void>;
  abandon(): Promise<void>;
}

/** The table's rows go to the encoder a batch at a time, and the bytes it gives back are written in order. */
async function tableWriter<Row>(options: WriterOptions, encoder: ParquetEncoder, name: string, columns: readonly Column<Row>[], createdBy: string): Promise<TableWriter<Row>> {
  const data: DataFile = { name, rows: 0, bytes: 0 };
  const sink = await openSink(options.guard, path.join(options.dir, name), options.sinkBufferBytes);
  const schema: SchemaElement[] = [{ name: 'root', num_children: columns.length }, ...columns.flatMap((column) => schemaElements(column.name, column.type))];
  // Statistics where a reader can skip row groups by them: values, not prose, and not lists (whose
  // counting of empty lists made them a twentieth of the export).
  const encoded = columns.map((column) => ({ name: column.name, statistics: typeof column.type === 'string' && !PROSE_COLUMNS.has(column.name) }));
  const { table, header } = encoder.open(schema, encoded, createdBy);
  /** Each batch's bytes, once written: chained, so the file's parts go in the order they were asked for. */
  let written = header.then((bytes) => sink.writeBytes(bytes));
  written.catch(() => undefined);
  const inFlight: Promise<void>[] = [];
  const chain = async (bytes: Promise<Uint8Array>) => {
    const before = written;
    written = bytes.then(async (ready) => {
      await before;
      if (ready.length > 0) await sink.writeBytes(ready);
    });
    // Awaited below, by the next part or at the end; until then a failure is not unhandled.
    written.catch(() => undefined);
    inFlight.push(written);
    while (inFlight.length > BATCHES_IN_FLIGHT) await inFlight.shift();
  };
  let batch: ParquetCell[][] = columns.map(() => []);
  let batchRows = 0;
  const send = async () => {
    if (batchRows === 0) return;
    const rows = batchRows;
    const cells = batch;
    batch = columns.map(() => []);
    batchRows = 0;
    await chain(encoder.rows(table, cells, rows));
  };
  return {
    data,
    async add(row) {
      columns.forEach((column, index) => batch[index]?.push(parquetCell(column.type, column.value(row))));
      batchRows++;
      data.rows++;
      if (batchRows >= BATCH_ROWS) await send();
    },
    async finish() {
      await send();
      await chain(encoder.finish(table));
      await written;
      await sink.close();
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
  const encoder = new ParquetEncoder();
  const opened: TableWriter<never>[] = [];
  const open = async <Row>(name: string, columns: readonly Column<Row>[]): Promise<TableWriter<Row>> => {
    const writer = await tableWriter(options, encoder, name, columns, createdBy);
    opened.push(writer as TableWriter<never>);
    return writer;
  };
  const abandon = async () => {
    await encoder.close();
    await Promise.all(opened.map((writer) => writer.abandon()));
  };
  try {
    const letters = await open(PARQUET_LETTERS_FILE, letterColumns(options.withSpans));
    const items = await open<ItemRow>(PARQUET_ITEMS_FILE, [
      ...ITEM_KEY_COLUMNS.map((column) => ({ ...column, value: (row: ItemRow) => column.value(row.letter) })),
      ...itemColumns(options.withSpans),
    ]);
    const citations = await open(PARQUET_CITATIONS_FILE, CITATION_COLUMNS);
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
        await encoder.close();
      },
      abandon,
    };
  } catch (error) {
    await abandon();
    throw error;
  }
}
