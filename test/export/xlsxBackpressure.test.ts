/**
 * exceljs hands a sheet's XML to its zip without waiting for it; zipCaughtUp makes the writer
 * wait. Here the zip's output goes to a slow disk stand-in, and what waits in the zip entry must
 * stay near the bound however many rows are written. It also fails if exceljs's internals that
 * zipCaughtUp reads change shape, which would otherwise bring back the unbounded memory silently.
 */
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { expect, test } from 'vitest';
import { zipCaughtUp } from '../../src/main/export/writers/xlsx.ts';

const ROW_TEXT = 'x'.repeat(50_000);
const ROWS = 600;

test('rows wait for the zip, so the XML waiting in memory stays bounded', async () => {
  let written = 0;
  // A disk that takes a chunk a millisecond, far slower than rows are made.
  const slowDisk = new Writable({
    highWaterMark: 1 << 16,
    write(chunk: Buffer, _encoding, callback) {
      written += chunk.length;
      setTimeout(callback, 1);
    },
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: slowDisk, useSharedStrings: false });
  const sheet = workbook.addWorksheet('rows');
  let mostWaiting = 0;
  for (let row = 0; row < ROWS; row++) {
    sheet.addRow([{ richText: [{ text: `${row} ${ROW_TEXT}` }] }]).commit();
    await zipCaughtUp(sheet);
    const stream = (sheet as unknown as { stream: { pipes: { _writableState: { length: number } }[] } }).stream;
    mostWaiting = Math.max(mostWaiting, stream.pipes[0]?._writableState.length ?? 0);
  }
  sheet.commit();
  await workbook.commit();
  // 30 MB of XML went through; no more than the bound (4 MB) and a row or two waited at once.
  expect(written).toBeGreaterThan(0);
  expect(mostWaiting).toBeGreaterThan(0);
  expect(mostWaiting).toBeLessThan((4 << 20) + 4 * ROW_TEXT.length);
}, 60_000);
