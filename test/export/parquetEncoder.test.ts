/**
 * The Parquet encoder's thread, fed as the Parquet export feeds it: rows in batches of any size,
 * row groups cut by rows and by text wherever they fall, bytes back in order. The file the bytes
 * make is read back by DuckDB row by row; an encoding failure is reported, never a hang.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import type { SchemaElement } from 'hyparquet';
import { afterAll, expect, test } from 'vitest';
import { ParquetEncoder } from '../../src/main/export/writers/parquetEncoder.ts';
import type { ParquetCell } from '../../src/main/export/writers/parquetEncoder.ts';
import { duckRows } from './readBack.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'imr-parquet-encoder-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SCHEMA: SchemaElement[] = [
  { name: 'root', num_children: 3 },
  { name: 'n', type: 'INT32', repetition_type: 'OPTIONAL' },
  { name: 'text', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
  { name: 'tags', repetition_type: 'OPTIONAL', converted_type: 'LIST', num_children: 1 },
  { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
  { name: 'element', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
];
const COLUMNS = [
  { name: 'n', statistics: true },
  { name: 'text', statistics: false },
  { name: 'tags', statistics: false },
];

interface Row {
  readonly n: number;
  readonly text: string | null;
  readonly tags: string[];
}

/** Writes the rows through the encoder in the given batch sizes and returns the file. */
async function encodeFile(name: string, rows: readonly Row[], batchSizes: readonly number[]): Promise<string> {
  const encoder = new ParquetEncoder();
  try {
    const { table, header } = encoder.open(SCHEMA, COLUMNS, 'test');
    const parts: Promise<Uint8Array>[] = [header];
    let at = 0;
    for (let batch = 0; at < rows.length; batch++) {
      const size = Math.max(1, batchSizes[batch % batchSizes.length] ?? 1);
      const slice = rows.slice(at, at + size);
      at += slice.length;
      const columns: ParquetCell[][] = [slice.map((row) => row.n), slice.map((row) => row.text), slice.map((row) => row.tags)];
      // Sent without waiting, as the export does: the replies must still come back in order.
      parts.push(encoder.rows(table, columns, slice.length));
    }
    parts.push(encoder.finish(table));
    const file = path.join(dir, name);
    writeFileSync(file, Buffer.concat(await Promise.all(parts)));
    return file;
  } finally {
    await encoder.close();
  }
}

async function readBack(file: string): Promise<Row[]> {
  const rows = await duckRows(`SELECT n, text, tags FROM read_parquet('${file}') ORDER BY n`);
  return rows.map((row) => ({ n: Number(row.n), text: row.text as string | null, tags: row.tags as string[] }));
}

async function rowGroups(file: string): Promise<number> {
  const [row] = await duckRows(`SELECT COUNT(DISTINCT row_group_id) AS groups FROM parquet_metadata('${file}')`);
  return Number(row?.groups);
}

test('12,345 rows sent in batches of every size come back row for row, in row groups of at most 5,000', async () => {
  const rows: Row[] = Array.from({ length: 12_345 }, (_, n) => ({ n, text: n % 7 === 0 ? null : `row ${n}`, tags: n % 3 === 0 ? [] : [`t${n % 5}`] }));
  await fc.assert(
    fc.asyncProperty(fc.array(fc.integer({ min: 1, max: 3_000 }), { minLength: 1, maxLength: 6 }), async (batchSizes) => {
      const file = await encodeFile('rows.parquet', rows, batchSizes);
      expect(await readBack(file)).toEqual(rows);
      expect(await rowGroups(file)).toBe(3);
    }),
    { numRuns: 4 },
  );
});

test('a group is cut by its text too: 30 rows of 100,000 characters make two groups, every character kept', async () => {
  const rows: Row[] = Array.from({ length: 30 }, (_, n) => ({ n, text: String.fromCharCode(0x41 + (n % 26)).repeat(99_999) + 'é', tags: [] }));
  const file = await encodeFile('long.parquet', rows, [7]);
  expect(await readBack(file)).toEqual(rows);
  expect(await rowGroups(file)).toBe(2);
});

test('a value the column cannot hold fails with the reason instead of leaving the export waiting, and a closed encoder refuses', async () => {
  const encoder = new ParquetEncoder();
  try {
    const { table, header } = encoder.open(SCHEMA, COLUMNS, 'test');
    await header;
    const bad = encoder.rows(table, [[2 ** 40], ['x'], [[]]], 1);
    await expect(bad.then(() => encoder.finish(table))).rejects.toThrow(/Parquet encoding failed/);
  } finally {
    await encoder.close();
  }
  await expect(encoder.finish(0)).rejects.toThrow(/closed/);
});

test('row groups carry minimum and maximum statistics for the columns asked, and none for the others', async () => {
  const rows: Row[] = Array.from({ length: 20 }, (_, n) => ({ n, text: `text ${n}`, tags: [`t${n}`] }));
  const file = await encodeFile('stats.parquet', rows, [20]);
  const stats = await duckRows(`SELECT path_in_schema AS path, stats_min_value AS min, stats_max_value AS max FROM parquet_metadata('${file}') ORDER BY column_id`);
  expect(stats.map((row) => [String(row.path).split(',')[0], row.min, row.max])).toEqual([
    ['n', '0', '19'],
    ['text', null, null],
    ['tags', null, null],
  ]);
});
