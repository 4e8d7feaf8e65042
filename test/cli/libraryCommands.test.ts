/** `imr-review import`, `stats` and `search` through the real bin script, on one library file. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cli } from './runCli.ts';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { LibraryStats } from '../../src/main/storage/index.ts';
import { generateLetter, writeFixtureFolder } from '../fixtures/index.ts';

let dir: string;
let db: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'imr-cli-lib-'));
  db = path.join(dir, 'library.sqlite');
  await writeFixtureFolder(path.join(dir, 'letters'), { count: 5, seed: 1300, badFiles: ['binary-text'] });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('import prints a summary with the failure reason; stats and search read the same library', async () => {
  const imported = await cli('import', path.join(dir, 'letters'), '--db', db, '--create');
  expect(imported.code).toBe(0);
  expect(imported.stdout).toContain('imported:   5');
  expect(imported.stdout).toMatch(/failed: +1\n +\[binary-file\] .*bad-1-binary-text\.txt/);
  // No progress lines into a pipe.
  expect(imported.stderr).toBe('');

  const stats = JSON.parse((await cli('stats', '--db', db, '--json')).stdout) as LibraryStats;
  const truths = Array.from({ length: 5 }, (_, i) => generateLetter(1300 + i).truth);
  expect(stats.letters).toBe(5);
  expect(stats.lettersByStatus.unreviewed).toBe(5);
  expect(stats.items).toBe(truths.reduce((sum, t) => sum + t.items.length, 0));
  expect(stats.itemsByDecision.Upheld).toBe(truths.flatMap((t) => t.items).filter((i) => i.decision === 'Upheld').length);
  expect(stats.importErrorsByCode).toEqual({ 'binary-file': 1 });

  const service = truths[2]!.items[0]!.service;
  const word = service.split(/\W+/).find((w) => w.length > 5) ?? service.split(' ')[0]!;
  const found = await cli('search', '--db', db, word);
  expect(found.code).toBe(0);
  expect(found.stdout.toLowerCase()).toContain(`[${word.toLowerCase()}]`);
  expect((await cli('search', '--db', db, 'zzqqxxnotaword')).stdout).toContain('No letters match');
});

test('a file that is not a library is refused with a clear message and left unchanged', async () => {
  const notADatabase = path.join(dir, 'notes.sqlite');
  await writeFile(notADatabase, 'these are my notes, not a database');
  const result = await cli('stats', '--db', notADatabase);
  expect(result.code).toBe(1);
  expect(result.stderr).toContain('notes.sqlite');
});
