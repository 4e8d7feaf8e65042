/**
 * Decompression bombs among letters: a 1 MB PDF that inflates to 1 GiB and a 4 MB one that
 * inflates to 4 GiB, in a folder beside real letters (generated ones when ../shared is absent).
 * The import finishes, every letter is stored, each bomb is one file's `too-large` error naming
 * its size, and the importing process never holds 500 MB (its peak RSS, as the OS counted it).
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DEFAULT_FILE_MEMORY_CAP_BYTES } from '../../src/main/import/cappedPool.ts';
import { writeBombPdf } from '../fixtures/bombPdf.ts';
import { cli } from '../cli/runCli.ts';
import { writeFixtureFolder } from '../fixtures/index.ts';

const run = promisify(execFile);
const CHILD = path.resolve(import.meta.dirname, 'bombImport.ts');
const REAL_LETTERS = path.resolve(import.meta.dirname, '../../../shared/letters/dev');
const GIB = 1024 ** 3;
const MB = 1024 * 1024;

let dir: string;
let letters: string;
let letterCount: number;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'imr-bombs-'));
  if (existsSync(REAL_LETTERS)) {
    letters = REAL_LETTERS;
    letterCount = readdirSync(REAL_LETTERS).filter((name) => name.endsWith('.pdf')).length;
  } else {
    console.warn(`${REAL_LETTERS} is absent: the bombs sit among generated letters instead`);
    letters = path.join(dir, 'letters');
    letterCount = (await writeFixtureFolder(letters, { count: 12, seed: 7400, pdfShare: 1 })).length;
  }
  await mkdir(path.join(dir, 'bombs'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('a 1 GiB and a 4 GiB bomb are each reported too-large with their size; every letter is stored and the process stays under 500 MB', async () => {
  const bomb1 = path.join(dir, 'bombs', 'inflates-1gib.pdf');
  const bomb4 = path.join(dir, 'bombs', 'inflates-4gib.pdf');
  const size1 = (await writeBombPdf(bomb1, GIB)).fileBytes;
  const size4 = (await writeBombPdf(bomb4, 4 * GIB)).fileBytes;
  const libraryFile = path.join(dir, 'library.sqlite');

  const { stdout } = await run(process.execPath, [CHILD, libraryFile, letters, path.join(dir, 'bombs')], { maxBuffer: 64 * MB });
  const { summary, filePeaks, peakRssBytes } = JSON.parse(stdout) as {
    summary: { status: string; imported: number; failed: number; failures: { path: string; code: string; message: string }[] };
    filePeaks: Record<string, number>;
    peakRssBytes: number;
  };

  expect(summary).toMatchObject({ status: 'completed', imported: letterCount, failed: 2 });
  const mb = (bytes: number) => `${Number((bytes / MB).toFixed(1))} MB`;
  expect(summary.failures).toEqual([
    { path: bomb1, code: 'too-large', message: `${bomb1}: reading the file took more than 160 MB of memory (the file is ${mb(size1)}), so it was stopped; it may be damaged or a decompression bomb` },
    { path: bomb4, code: 'too-large', message: `${bomb4}: reading the file took more than 160 MB of memory (the file is ${mb(size4)}), so it was stopped; it may be damaged or a decompression bomb` },
  ]);
  const db = new Database(libraryFile, { readonly: true });
  expect((db.prepare('SELECT count(*) AS n FROM letters').get() as { n: number }).n).toBe(letterCount);
  db.close();

  // Each bomb's thread was stopped in its first step past the cap (a doubling of pdf.js's buffer at most), never near a gigabyte.
  expect(filePeaks[bomb1]).toBeGreaterThan(DEFAULT_FILE_MEMORY_CAP_BYTES);
  expect(filePeaks[bomb1]).toBeLessThan(2.5 * DEFAULT_FILE_MEMORY_CAP_BYTES);
  expect(filePeaks[bomb4]).toBeLessThan(2.5 * DEFAULT_FILE_MEMORY_CAP_BYTES);
  for (const [file, peak] of Object.entries(filePeaks)) if (file !== bomb1 && file !== bomb4) expect(peak, file).toBeLessThan(DEFAULT_FILE_MEMORY_CAP_BYTES);
  expect(peakRssBytes).toBeLessThan(500 * MB);
});

test('extract reports a bomb as its one too-large line and reads the letter after it', async () => {
  const bomb = path.join(dir, 'bombs', 'inflates-1gib.pdf');
  const letter = path.join(dir, 'one-letter');
  await writeFixtureFolder(letter, { count: 1, seed: 7450, pdfShare: 1 });
  const { stdout } = await cli('extract', bomb, letter);
  const lines = stdout.trim().split('\n').map((line) => JSON.parse(line) as { file: string; error?: { code: string } });
  expect(lines.map((line) => line.error?.code ?? 'read')).toEqual(['too-large', 'read']);
  expect(lines[0]?.file).toBe(bomb);
});
