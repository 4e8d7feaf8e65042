/**
 * The spreadsheet export, read back by an independent reader (read-excel-file) and as raw XML:
 * every value has its type (dates as dates, numbers as numbers), every text is a string and
 * no cell is a formula, and a text longer than a cell holds is cut with a marker and counted.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, onTestFinished, test } from 'vitest';
import { exportDataset } from '../../src/main/export/index.ts';
import { CELL_LIMIT, SHEET_ROW_LIMIT, xlsxWriter } from '../../src/main/export/writers/xlsx.ts';
import { CITATION_COLUMNS, citationRows, ITEM_KEY_COLUMNS, itemColumns, letterColumns } from '../../src/main/export/columns.ts';
import type { ExportedLetter } from '../../src/shared/export.ts';
import { openLibrary } from '../../src/main/storage/index.ts';
import { updateItemField, updateLetterField } from '../review/asReviewer.ts';
import { buildReviewedDataset, REVIEWER } from './dataset.ts';
import { expectedItemRow, expectedLetterRow, readJsonl } from './readBack.ts';

const LONG = 'x'.repeat(CELL_LIMIT + 7_000);
/** Markup, spaces at both ends, a line break and a character XML cannot hold (dropped). */
const MARKUP = '  Pain <b> & "spine"\n\u0001medicine ';
let folder: string;
let records: ExportedLetter[];

/** One library and its two exports, shared by the read-back tests. */
beforeAll(async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'imr-xlsx-'));
  const library = openLibrary(path.join(folder, 'library.sqlite'), { reviewer: REVIEWER });
  const dataset = buildReviewedDataset(library);
  const flagged = library.db.prepare('SELECT id FROM items WHERE letter_id = ? ORDER BY position').pluck().all(dataset.letterIds.flagged) as number[];
  updateItemField(library.db, flagged[0]!, 'service', '=2+3');
  updateItemField(library.db, flagged[1]!, 'rationale', LONG);
  updateLetterField(library.db, dataset.letterIds.flagged, 'caseNumber', '0012345');
  updateLetterField(library.db, dataset.letterIds.flagged, 'reviewerSpecialty', MARKUP);
  library.close();
  await exportDataset(library.file, { format: 'xlsx', outDir: path.join(folder, 'xlsx'), scope: 'all' });
  await exportDataset(library.file, { format: 'jsonl', outDir: path.join(folder, 'jsonl'), scope: 'all' });
  records = readJsonl(path.join(folder, 'jsonl', 'letters.jsonl'));
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

const workbook = () => path.join(folder, 'xlsx', 'dataset.xlsx');

/**
 * A cell as the reader gives it, from what the JSONL record says: dates become Date (a timestamp
 * to the second: a spreadsheet keeps time as a fraction of a day, exact to about a millisecond),
 * the cut text its cut form.
 */
function asRead(value: unknown): unknown {
  if (typeof value === 'string' && /^\d{4}-\d\d-\d\d$/.test(value)) return new Date(`${value}T00:00:00Z`);
  if (typeof value === 'string' && /^\d{4}-\d\d-\d\dT/.test(value)) return toSecond(new Date(value));
  if (value === MARKUP) return MARKUP.replace('\u0001', '');
  if (value === LONG) return `${LONG.slice(0, CELL_LIMIT - ' […cut: the full text is in the JSONL export]'.length)} […cut: the full text is in the JSONL export]`;
  return value;
}

const toSecond = (date: Date) => new Date(Math.round(date.getTime() / 1000) * 1000);
const cellsToSecond = (rows: unknown[][]) => rows.map((row) => row.map((cell) => (cell instanceof Date ? toSecond(cell) : cell)));

describe('xlsx export', () => {
  test('the letters and items sheets hold every value with its type, as in the JSONL', async () => {
    // Untrimmed: spaces at either end of a text are part of it.
    const sheets = await readXlsxFile(readFileSync(workbook()), { trim: false });
    expect(sheets.map((sheet) => sheet.sheet)).toEqual(['letters', 'items', 'citations']);
    const [letters, items] = sheets as [(typeof sheets)[0], (typeof sheets)[0]];
    expect(letters.data[0]).toEqual(letterColumns(false).map((column) => column.name));
    const expectedLetters = records.map((record) => Object.values(expectedLetterRow(record, 'json')).map(asRead));
    expect(cellsToSecond(letters.data.slice(1))).toEqual(expectedLetters);
    expect(items.data[0]).toEqual([...ITEM_KEY_COLUMNS, ...itemColumns(false)].map((column) => column.name));
    const expectedItems = records.flatMap((record) =>
      record.items.map((item, index) => [record.sha256, record.caseNumber, ...Object.values(expectedItemRow(item, index, 'json')).map(asRead)]),
    );
    expect(cellsToSecond(items.data.slice(1))).toEqual(expectedItems);
    // Numbers and dates are typed, and a case number of digits stays text with its zeros.
    const flagged = letters.data.find((row) => row.includes('0012345'))!;
    expect(flagged).toContain('0012345');
    expect(letters.data.slice(1).some((row) => row.some((cell) => cell instanceof Date))).toBe(true);
    expect(letters.data.slice(1).every((row) => typeof row[letterColumns(false).findIndex((c) => c.name === 'fileSize')] === 'number')).toBe(true);
  });

  test('the citations sheet holds one row per citation of the JSONL records, in their order, lists as JSON text', async () => {
    const sheets = await readXlsxFile(readFileSync(workbook()), { trim: false });
    const citations = sheets[2]!;
    expect(citations.data[0]).toEqual(CITATION_COLUMNS.map((column) => column.name));
    const expected = records.flatMap((record) =>
      citationRows(record).map((row) =>
        CITATION_COLUMNS.map((column) => {
          const value = column.value(row);
          return typeof value === 'object' && value !== null ? JSON.stringify(value) : value;
        }),
      ),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(citations.data.slice(1)).toEqual(expected);
  });

  test('no cell is a formula: every text is an inline string, "=2+3" included', () => {
    const files = unzipSync(readFileSync(workbook()));
    const sheetXml = Object.entries(files).filter(([name]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name)).map(([, bytes]) => strFromU8(bytes));
    expect(sheetXml).toHaveLength(3);
    for (const xml of sheetXml) {
      expect(xml).not.toMatch(/<f[ >]/);
      expect(xml).not.toMatch(/t="str"/);
    }
    expect(sheetXml.join('')).toMatch(/<c r="[A-Z]+\d+"( s="\d+")? t="inlineStr"><is><t[^>]*>=2\+3<\/t><\/is><\/c>/);
  });

  test('the card says the workbook is for spreadsheets, and counts the text cut to fit a cell', () => {
    const card = readFileSync(path.join(folder, 'xlsx', 'README.md'), 'utf8');
    expect(card).toContain('`dataset.xlsx`: for spreadsheets');
    expect(card).toContain('1 text was cut in this export');
    expect(card).not.toContain('configs:');
  });
});

describe('xlsx writer faults', () => {
  test('a spooled sheet that cannot be read back fails the export with its reason instead of leaving it waiting', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'imr-xlsx-fault-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const writer = await xlsxWriter({ dir, withSpans: false, bom: false, guard: { timeoutMs: 5_000 } }, 'test');
    for (const record of records) await writer.add(record);
    // The letters sheet waits on disk for the items sheet; take its file away before the zip reads it.
    const spool = readdirSync(dir).find((name) => name.startsWith('.letters'))!;
    rmSync(path.join(dir, spool));
    await expect(writer.finish()).rejects.toThrow(/\.letters\.spool/);
    await writer.abandon();
  });

  test('a sheet that would hold more rows than a spreadsheet can fails the export, naming the sheet and what to export instead', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'imr-xlsx-rows-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const writer = await xlsxWriter({ dir, withSpans: false, bom: false, guard: { timeoutMs: 5_000 } }, 'test');
    onTestFinished(() => writer.abandon());
    const record = records.find((letter) => letter.items.length > 0)!;
    const item = { ...record.items[0]!, rationale: 'short', structure: undefined };
    // The header and SHEET_ROW_LIMIT - 1 items fit; one more does not.
    await writer.add({ ...record, items: Array.from({ length: SHEET_ROW_LIMIT - 1 }, () => item) });
    await expect(writer.add({ ...record, items: [item] })).rejects.toThrow(
      'the items sheet would have more than 1,048,575 rows, more than a spreadsheet holds: export CSV or Parquet, or fewer letters (a tag, decision or format filter)',
    );
    // A bound, not a speed check: a million rows written to the sheet before the one too many.
  }, 180_000);
});
