/** export, import-dataset and agreement through the real bin script. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cli } from '../cli/runCli.ts';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { getReviewer, openLibrary } from '../../src/main/storage/index.ts';
import { buildReviewedDataset, REVIEWER } from './dataset.ts';

let dir: string;
let db: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'imr-cli-export-'));
  db = path.join(dir, 'library.sqlite');
  const library = openLibrary(db, { reviewer: REVIEWER });
  buildReviewedDataset(library);
  library.close();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('export prints what it wrote; filters by tag name; refuses bad options with usage', async () => {
  const out = path.join(dir, 'parquet');
  const exported = await cli('export', '--db', db, '--format', 'parquet', '--out', out, '--all', '--tag', 'URGENT');
  expect(exported.code).toBe(0);
  expect(exported.stdout).toContain('Exported 2 letters, 3 items');
  expect(exported.stdout).toMatch(/letters\.parquet {2}\d+ bytes, 2 rows/);
  expect(exported.stdout).toMatch(/items\.parquet {2}\d+ bytes, 3 rows/);
  expect(existsSync(path.join(out, 'README.md'))).toBe(true);

  expect((await cli('export', '--db', db, '--format', 'xml', '--out', out)).code).toBe(2);
  const status = await cli('export', '--db', db, '--format', 'csv', '--out', out, '--status', 'flagged');
  expect(status.code).toBe(2);
  expect(status.stderr).toContain('--status needs --all');
  const tag = await cli('export', '--db', db, '--format', 'csv', '--out', out, '--tag', 'nope');
  expect(tag.code).toBe(2);
  expect(tag.stderr).toContain('no tag named "nope"');
});

test('import-dataset loads an export into a new library, and agreement compares the two', async () => {
  const out = path.join(dir, 'jsonl');
  expect((await cli('export', '--db', db, '--format', 'jsonl', '--out', out, '--all')).code).toBe(0);
  const copy = path.join(dir, 'copy.sqlite');
  expect((await cli('init', '--db', copy)).code).toBe(0);
  const imported = await cli('import-dataset', path.join(out, 'letters.jsonl'), '--db', copy);
  expect(imported.code).toBe(0);
  expect(imported.stdout).toMatch(/letters created: 5/);
  expect(imported.stdout).toMatch(/new conflicts: +0/);

  const agreement = await cli('agreement', '--db', db, '--other', copy, '--json');
  expect(agreement.code).toBe(0);
  const report = JSON.parse(agreement.stdout) as { letters: number; items: number; decisionKappa: number };
  expect(report).toMatchObject({ letters: 3, items: 3, decisionKappa: 1 });
  const text = await cli('agreement', path.join(out, 'letters.jsonl'), path.join(out, 'letters.jsonl'));
  expect(text.stdout).toContain('Letters verified on both sides: 3');
  expect(text.stdout).toMatch(/decision +100\.0% {2}\(3\/3\)/);
});

test('import-dataset --reviewer names whose export it is, and never changes the library\'s own reviewer', async () => {
  const out = path.join(dir, 'jsonl-reviewer');
  expect((await cli('export', '--db', db, '--format', 'jsonl', '--out', out, '--all')).code).toBe(0);
  const target = path.join(dir, 'target.sqlite');
  const library = openLibrary(target, { reviewer: 'Ana' });
  library.close();
  const imported = await cli('import-dataset', path.join(out, 'letters.jsonl'), '--db', target, '--reviewer', 'Ben');
  expect(imported.code).toBe(0);
  const after = openLibrary(target);
  expect(getReviewer(after.db)).toBe('Ana');
  after.close();
});
