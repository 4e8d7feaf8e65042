/**
 * items.csv: one row per item with its letter's columns repeated, RFC 4180 (CRLF, quotes doubled,
 * fields with commas, quotes or line breaks quoted) via csv-stringify, UTF-8, optional BOM for Excel.
 */
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { ExportedLetter } from '../../../shared/export.ts';
import { openSink } from '../guardedFs.ts';
import type { CellValue } from '../columns.ts';
import { itemColumns, letterColumns } from '../columns.ts';
import type { DataFile, DatasetWriter, WriterOptions } from './writer.ts';

export const CSV_FILE = 'items.csv';
const BOM = '\uFEFF';
/** Rows handed to the stringifier at once: big enough to amortise the call, small enough to stay bounded. */
const BATCH_ROWS = 2000;

const CSV_OPTIONS = {
  record_delimiter: 'windows',
  // Lists (tags, notes, drugs, ...) are JSON array text, so no separator can collide with a value.
  cast: { boolean: (value: boolean) => (value ? 'true' : 'false'), object: (value: object) => JSON.stringify(value) },
} as const;

export async function csvWriter(options: WriterOptions): Promise<DatasetWriter> {
  const letterCols = letterColumns(options.withSpans);
  const itemCols = itemColumns(options.withSpans);
  const data: DataFile = { name: CSV_FILE, rows: 0, bytes: 0 };
  const sink = await openSink(options.guard, path.join(options.dir, CSV_FILE));
  const header = [...letterCols, ...itemCols].map((column) => column.name);
  await sink.write((options.bom ? BOM : '') + stringify([header], CSV_OPTIONS));
  let batch: CellValue[][] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const text = stringify(batch, CSV_OPTIONS);
    batch = [];
    await sink.write(text);
  };
  return {
    files: [data],
    async add(letter: ExportedLetter) {
      const letterCells = letterCols.map((column) => column.value(letter));
      // A letter without items still gets one row, its item columns empty, so no letter goes missing.
      if (letter.items.length === 0) batch.push([...letterCells, ...itemCols.map(() => null)]);
      letter.items.forEach((item, index) => {
        batch.push([...letterCells, ...itemCols.map((column) => column.value({ item, index }))]);
      });
      data.rows += Math.max(1, letter.items.length);
      if (batch.length >= BATCH_ROWS) await flush();
    },
    async finish() {
      await flush();
      await sink.close();
      data.bytes = sink.bytes;
    },
    abandon: () => sink.abandon(),
  };
}
