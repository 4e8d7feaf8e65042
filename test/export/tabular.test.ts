/** CSV and Parquet read back by DuckDB, every value checked against the JSONL record of the same library. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { exportDataset } from '../../src/main/export/index.ts';
import { openLibrary } from '../../src/main/storage/index.ts';
import type { ExportedLetter } from '../../src/shared/export.ts';
import { useTempFolder } from '../storage/helpers.ts';
import { buildReviewedDataset, REVIEWER, TRICKY_RATIONALE } from './dataset.ts';
import { duckRows, duckTypes, expectedItemRow, expectedLetterRow, readJsonl } from './readBack.ts';
import type { Row } from './readBack.ts';

const temp = useTempFolder();
let folder: string;
let records: ExportedLetter[];

/** One library and its three exports, shared by the read-back tests. */
beforeAll(async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'imr-export-'));
  const library = openLibrary(path.join(folder, 'library.sqlite'), { reviewer: REVIEWER });
  try {
    buildReviewedDataset(library);
    for (const format of ['jsonl', 'csv', 'parquet'] as const) {
      await exportDataset(library.file, { format, outDir: path.join(folder, format), scope: 'all' });
    }
  } finally {
    library.close();
  }
  records = readJsonl(path.join(folder, 'jsonl', 'letters.jsonl'));
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

const file = (format: string, name: string) => path.join(folder, format, name).replaceAll("'", "''");

describe('Parquet export', () => {
  test('letters.parquet holds one typed row per letter, every value as in the JSONL', async () => {
    const source = `read_parquet('${file('parquet', 'letters.parquet')}')`;
    const rows = await duckRows(`SELECT * FROM ${source}`);
    expect(rows).toEqual(records.map((record) => expectedLetterRow(record, 'array')));
    const types = await duckTypes(source);
    expect(types).toMatchObject({
      dateAssigned: 'DATE',
      decisionDate: 'DATE',
      verifiedAt: 'TIMESTAMP WITH TIME ZONE',
      itemCount: 'INTEGER',
      pageCount: 'INTEGER',
      caseNumberEdited: 'BOOLEAN',
      caseNumber: 'VARCHAR',
      tags: 'VARCHAR[]',
      notes: 'STRUCT(author VARCHAR, createdAt TIMESTAMP WITH TIME ZONE, body VARCHAR)[]',
    });
  });

  test('items.parquet holds one row per item keyed by sha256, every value as in the JSONL', async () => {
    const source = `read_parquet('${file('parquet', 'items.parquet')}')`;
    const rows = await duckRows(`SELECT * FROM ${source}`);
    const expected = records.flatMap((letter) =>
      letter.items.map((item, index) => ({ sha256: letter.sha256, caseNumber: letter.caseNumber, ...expectedItemRow(item, index, 'array') })),
    );
    expect(rows).toEqual(expected);
    expect(rows.find((row) => row.rationaleEdited)?.rationale).toBe(TRICKY_RATIONALE);
    expect(await duckTypes(source)).toMatchObject({ itemNumber: 'INTEGER', addedByReviewer: 'BOOLEAN', decisionEdited: 'BOOLEAN' });
  });
});

describe('CSV export', () => {
  test('one row per item with the letter columns repeated, read back by DuckDB value by value', async () => {
    const rows = await duckRows(`SELECT * FROM read_csv('${file('csv', 'items.csv')}')`);
    const expected: Row[] = records.flatMap((letter) => {
      const letterRow = expectedLetterRow(letter, 'json');
      if (letter.items.length === 0) return [{ ...letterRow, ...expectedItemRow(null, 0, 'json') }];
      return letter.items.map((item, index) => ({ ...letterRow, ...expectedItemRow(item, index, 'json') }));
    });
    expect(rows).toEqual(expected);
  });

  test('quotes commas, quotes and line breaks per RFC 4180, ends records with CRLF, writes UTF-8 without a BOM', () => {
    const bytes = readFileSync(file('csv', 'items.csv'));
    expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
    const text = bytes.toString('utf8');
    expect(text.startsWith('sha256,file,fileSize,sourceKind,pageCount,format,caseNumber,dateAssigned,')).toBe(true);
    expect(text).toContain(',"He said ""no"", then\nleft; the 2nd line, too.",');
    expect(text).toContain(',"Acupuncture, 6 visits — “extended”",');
    // A list is JSON array text, so a tag holding a comma or a semicolon stays one tag.
    expect(text).toContain(',"[""imaging, MRI""]",');
    expect(text.endsWith('\r\n')).toBe(true);
    // Every record ends with CRLF; the only bare LF is the one inside the quoted rationale.
    expect(text.split('\r\n')).toHaveLength(records.reduce((n, letter) => n + Math.max(1, letter.items.length), 0) + 2);
  });

  test('--bom starts the file with the UTF-8 byte order mark and changes nothing else', async () => {
    const library = temp.library({ reviewer: REVIEWER });
    buildReviewedDataset(library);
    const plain = path.join(temp.folder(), 'plain');
    const bom = path.join(temp.folder(), 'bom');
    await exportDataset(library.file, { format: 'csv', outDir: plain });
    await exportDataset(library.file, { format: 'csv', outDir: bom, bom: true });
    const withBom = readFileSync(path.join(bom, 'items.csv'));
    expect([...withBom.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(withBom.subarray(3).equals(readFileSync(path.join(plain, 'items.csv')))).toBe(true);
  });
});
