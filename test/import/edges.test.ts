/**
 * The import at its edges, on real files: the same letter saved in two encodings is stored once
 * and the second file reported as the first's duplicate; a file whose reading does not end in
 * time has its worker stopped and is reported, and the import goes on.
 */
import { createWriteStream, statSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { importLetters } from '../../src/main/import/pipeline.ts';
import type { Library } from '../../src/main/storage/index.ts';
import { getLibraryStats, openLibrary } from '../../src/main/storage/index.ts';
import { encodeText, generateLetter, renderLetterText } from '../fixtures/index.ts';
import { cli } from '../cli/runCli.ts';

let dir: string;
let library: Library;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'imr-import-edges-'));
  library = openLibrary(path.join(dir, 'library.sqlite'), { reviewer: 'Test Reviewer' });
});

afterEach(async () => {
  if (library.db.open) library.close();
  await rm(dir, { recursive: true, force: true });
});

/** A generated letter's text with curly quotes, so its encodings differ in bytes. */
function letterText(seed: number): string {
  return `${renderLetterText(generateLetter(seed), 'layout')}\nThe reviewer’s “final” note.\n`;
}

test('the same letter as windows-1252 and as UTF-16LE is stored once; the second file is named as a duplicate of the first', async () => {
  const folder = path.join(dir, 'letters');
  await mkdir(folder);
  const text = letterText(4100);
  await writeFile(path.join(folder, 'a-ansi.txt'), encodeText(text, 'windows-1252'));
  await writeFile(path.join(folder, 'b-unicode.txt'), encodeText(text.replace(/\n/g, '\r\n'), 'utf-16le'));
  await writeFile(path.join(folder, 'c-other.txt'), encodeText(letterText(4101), 'utf-8'));

  const summary = await importLetters(library, [folder], { threads: 1 });
  expect(summary).toMatchObject({ status: 'completed', imported: 2, duplicates: 1, failed: 0 });
  expect(summary.contentDuplicates).toEqual([{ path: path.join(folder, 'b-unicode.txt'), duplicateOf: path.join(folder, 'a-ansi.txt') }]);
  expect(getLibraryStats(library.db).letters).toBe(2);

  // From the command line, into the same library: the duplicate is listed with the file it repeats.
  const copy = path.join(dir, 'copy');
  await mkdir(copy);
  await writeFile(path.join(copy, 'again.txt'), encodeText(text, 'utf-16be'));
  library.close();
  const run = await cli('import', copy, '--db', library.file);
  expect(run.code).toBe(0);
  expect(run.stdout).toContain('  imported:   0\n  duplicates: 1 (already in the library)\n');
  expect(run.stdout).toContain(`    ${path.join(copy, 'again.txt')}: the same text as ${path.join(folder, 'a-ansi.txt')}\n`);
});

test('a file whose reading outlasts the time limit is stopped and reported as timed-out; the files around it are imported', async () => {
  const folder = path.join(dir, 'letters');
  await mkdir(folder);
  await writeFile(path.join(folder, 'a.txt'), letterText(4200));
  await writeLongPdf(path.join(folder, 'b-long.pdf'), 1500);
  await writeFile(path.join(folder, 'c.txt'), letterText(4202));

  const started = Date.now();
  const summary = await importLetters(library, [folder], { threads: 1, fileTimeoutMs: 2500 });
  expect(summary).toMatchObject({ status: 'completed', imported: 2, failed: 1 });
  expect(summary.failures).toEqual([
    {
      path: path.join(folder, 'b-long.pdf'),
      code: 'timed-out',
      message: `${path.join(folder, 'b-long.pdf')}: reading the file did not finish within 2.5 s (the file is ${(statSync(path.join(folder, 'b-long.pdf')).size / 1024 / 1024).toFixed(1)} MB), so it was stopped; it may be damaged or built to stall the reader`,
    },
  ]);
  expect(Date.now() - started).toBeLessThan(15_000);
});

/** A PDF of `pages` pages of text: pdf.js takes seconds over it (about 3 ms a page). */
async function writeLongPdf(file: string, pages: number): Promise<void> {
  const document = new PDFDocument({ autoFirstPage: false });
  const out = createWriteStream(file);
  document.pipe(out);
  for (let page = 0; page < pages; page++) {
    document.addPage();
    for (let line = 0; line < 40; line++) document.text(`Line ${line} of page ${page}: the reviewer found the request medically necessary.`);
  }
  document.end();
  await new Promise<void>((resolve) => out.on('finish', () => resolve()));
}
