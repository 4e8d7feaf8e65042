/**
 * Damage below the file system: a page overwritten in place on the disk (size, modification time
 * and inode unchanged), in a library large enough to be checked in the background. It opens at
 * once and can be read; the import into it, the reviewer's write and the command line's import
 * are each refused as damage before anything is written, and the file is left byte for byte as
 * the damage left it. A sound file of the same size takes the same writes.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, statSync, utimesSync, writeSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { importLetters } from '../../src/main/import/pipeline.ts';
import { BACKGROUND_CHECK_FROM_BYTES, getReviewer, openLibrary, setReviewer } from '../../src/main/storage/index.ts';
import { cli } from '../cli/runCli.ts';
import { writeFixtureFolder } from '../fixtures/index.ts';

const PAGE_SIZE = 4096;
let dir: string;
let letters: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'imr-bit-rot-'));
  letters = path.join(dir, 'letters');
  await writeFixtureFolder(letters, { count: 2, seed: 7500, pdfShare: 0 });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A closed library just over the background-check size: a few letters and a table of filler. */
async function largeLibrary(name: string): Promise<string> {
  const file = path.join(dir, name);
  const library = openLibrary(file, { reviewer: 'Test Reviewer' });
  await importLetters(library, [letters], { threads: 1 });
  library.db.exec(`CREATE TABLE filler (x);
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${Math.ceil(BACKGROUND_CHECK_FROM_BYTES / 3000)})
    INSERT INTO filler SELECT randomblob(3000) FROM n`);
  library.close();
  expect(statSync(file).size).toBeGreaterThan(BACKGROUND_CHECK_FROM_BYTES);
  return file;
}

/** Overwrites one page in place, as a failing disk would, and puts the modification time back. */
function rotPage(file: string, page: number): void {
  const before = statSync(file);
  const descriptor = openSync(file, 'r+');
  writeSync(descriptor, Buffer.alloc(PAGE_SIZE, 0xa5), 0, PAGE_SIZE, page * PAGE_SIZE);
  closeSync(descriptor);
  utimesSync(file, before.atimeMs / 1000, before.mtimeMs / 1000);
  const after = statSync(file);
  expect([after.size, after.ino]).toEqual([before.size, before.ino]);
  // To the microsecond, as far as utimes takes a time.
  expect(after.mtimeMs).toBeCloseTo(before.mtimeMs, 3);
}

const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

test('a page rotted under an unchanged size and time: the library opens and reads, and every write is refused as damage with nothing written', async () => {
  const file = await largeLibrary('rotted.sqlite');
  // Twice opened and closed cleanly before the damage: nothing about the file says it changed.
  openLibrary(file).close();
  rotPage(file, Math.floor(statSync(file).size / PAGE_SIZE) - 10);
  const damaged = digest(file);

  const library = openLibrary(file);
  expect(getReviewer(library.db)).toBe('Test Reviewer');
  // Settles once the check is done, the verdict damage: the writes below are refused without waiting.
  await library.writable;
  const summary = await importLetters(library, [letters], { threads: 1 });
  expect(summary).toMatchObject({ status: 'failed', imported: 0, error: `${file} is damaged (SQLITE_CORRUPT)` });
  expect(() => setReviewer(library.db, 'Someone Else')).toThrow(/^the file is damaged \(.+\); nothing was written to it$/);
  library.close();
  expect(digest(file)).toBe(damaged);
  expect(existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0).toBe(0);

  const imported = await cli('import', letters, '--db', file);
  expect(imported.code).toBe(1);
  expect(imported.stderr).toContain(`${file} is damaged (SQLITE_CORRUPT)`);
  expect(digest(file)).toBe(damaged);
});

test('a sound library of the same size opens at once and takes writes once its check has passed', async () => {
  const file = await largeLibrary('sound.sqlite');
  const library = openLibrary(file);
  await library.writable;
  setReviewer(library.db, 'Someone Else');
  const summary = await importLetters(library, [letters], { threads: 1 });
  expect(summary).toMatchObject({ status: 'completed', duplicates: 2 });
  library.close();
  const db = new Database(file, { readonly: true });
  expect(db.prepare("SELECT value FROM settings WHERE key = 'reviewer'").pluck().get()).toBe('Someone Else');
  db.close();
});
