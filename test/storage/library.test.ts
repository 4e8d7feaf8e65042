import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LibraryOpenError } from '../../src/main/storage/errors.ts';
import type { LibraryOpenFailure } from '../../src/main/storage/errors.ts';
import { openLibrary } from '../../src/main/storage/library.ts';
import { getImportRun } from '../../src/main/storage/importRuns.ts';
import { insertParsedLetter } from '../../src/main/storage/letters.ts';
import { migrate } from '../../src/main/storage/migrate.ts';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../src/main/storage/migrations/index.ts';
import { getReviewer } from '../../src/main/storage/settings.ts';
import { buildLetter, useTempFolder } from './helpers.ts';

const temp = useTempFolder();
const PAGE_SIZE = 4096;

/** A library file at the latest schema holding one letter, closed. */
function closedLibrary(): string {
  const file = join(temp.folder(), 'library.imrlib');
  const library = openLibrary(file);
  const { source, parsed } = buildLetter({ items: [{ service: 'MRI', decision: 'Upheld' }] });
  insertParsedLetter(library.db, source, parsed, null);
  library.close();
  return file;
}

/**
 * Refused with `reason`, the file byte-identical and nothing written beside it (no backup, no
 * stamp), but for the empty log and shared-memory files SQLite makes to read a WAL-mode file.
 */
function expectRefused(file: string, reason: LibraryOpenFailure, message: RegExp): void {
  const before = readFileSync(file);
  const folderBefore = readdirSync(join(file, '..')).sort();
  let failure: unknown;
  try {
    openLibrary(file).close();
  } catch (error) {
    failure = error;
  }
  expect(failure).toBeInstanceOf(LibraryOpenError);
  expect(failure).toMatchObject({ reason, file });
  expect((failure as Error).message).toContain(file);
  expect((failure as Error).message).toMatch(message);
  expect(readFileSync(file).equals(before)).toBe(true);
  const added = readdirSync(join(file, '..')).filter((name) => !folderBefore.includes(name));
  const sqliteOwn = before[18] === 2 ? [`${basename(file)}-shm`, `${basename(file)}-wal`] : [];
  expect(added.filter((name) => !sqliteOwn.includes(name))).toEqual([]);
  if (added.includes(`${basename(file)}-wal`)) expect(statSync(`${file}-wal`).size).toBe(0);
}

describe('openLibrary', () => {
  it('creates a new library with WAL, foreign keys, NORMAL sync and a busy timeout', () => {
    const library = temp.library({ reviewer: 'Dana Reyes' });
    const { db } = library;
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(library.previousSchemaVersion).toBe(0);
    expect(library.backupFile).toBeNull();
    expect(getReviewer(db)).toBe('Dana Reyes');
  });

  it('refuses an empty file or a SQLite file without tables unless asked to make a library there', () => {
    const empty = join(temp.folder(), 'empty.imrlib');
    writeFileSync(empty, '');
    expectRefused(empty, 'not-a-library', /the file is empty \(0 bytes\), not a library/);
    const bare = join(temp.folder(), 'bare.sqlite');
    const raw = new Database(bare);
    raw.pragma('user_version = 0');
    raw.exec('VACUUM');
    raw.close();
    expectRefused(bare, 'not-a-library', /a SQLite database with no tables, not a library/);

    for (const file of [empty, bare]) {
      const library = openLibrary(file, { create: true });
      expect(library.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      expect(library.backupFile).toBeNull();
      library.close();
    }
  });

  it('refuses an up-to-date library with one damaged data page, however often it was opened cleanly before', () => {
    const file = join(temp.folder(), 'library.imrlib');
    const library = openLibrary(file);
    library.db.exec(`CREATE TABLE filler (x);
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500)
      INSERT INTO filler SELECT randomblob(100) FROM n`);
    library.close();
    openLibrary(file).close();
    const bytes = readFileSync(file);
    bytes.fill(0xa5, bytes.length - PAGE_SIZE);
    writeFileSync(file, bytes);
    expectRefused(file, 'corrupt', /damaged/);
  });

  it('marks the import runs of a killed process interrupted at the next open, and leaves a running one alone', () => {
    const file = closedLibrary();
    const raw = new Database(file);
    raw.exec(`INSERT INTO import_runs (id, source, started_at, status, pid) VALUES
      (10, 'killed', '2026-01-01', 'running', 4194400),
      (11, 'still going', '2026-01-01', 'running', ${process.ppid})`);
    raw.close();
    const library = openLibrary(file);
    expect(getImportRun(library.db, 10)).toMatchObject({ status: 'interrupted', finishedAt: expect.any(String) });
    expect(getImportRun(library.db, 11)).toMatchObject({ status: 'running', finishedAt: null });
    library.close();
  });

  it('reopens an up-to-date library without a backup', () => {
    const file = closedLibrary();
    const library = openLibrary(file);
    expect(library.previousSchemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(library.backupFile).toBeNull();
    expect(library.db.prepare('SELECT COUNT(*) AS n FROM letters').get()).toEqual({ n: 1 });
    library.close();
  });

  it('refuses a library from a newer app version and leaves it untouched', () => {
    const file = closedLibrary();
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    raw.close();
    expectRefused(file, 'newer-version', /newer version of the app/);
  });

  it('refuses a file whose schema page is damaged and leaves it untouched', () => {
    const file = closedLibrary();
    const bytes = readFileSync(file);
    bytes.fill(0xa5, 100, PAGE_SIZE);
    writeFileSync(file, bytes);
    expectRefused(file, 'corrupt', /damaged/);
  });

  it('refuses to migrate a file with a damaged data page', () => {
    const file = join(temp.folder(), 'old.imrlib');
    const raw = new Database(file);
    migrate(raw, MIGRATIONS, 1);
    raw.exec(`CREATE TABLE filler (x);
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500)
      INSERT INTO filler SELECT randomblob(100) FROM n`);
    raw.close();
    const bytes = readFileSync(file);
    bytes.fill(0xa5, bytes.length - PAGE_SIZE);
    writeFileSync(file, bytes);
    expectRefused(file, 'corrupt', /damaged/);
  });

  it('refuses a file that is not a SQLite database and leaves it untouched', () => {
    const file = join(temp.folder(), 'letter.txt');
    writeFileSync(file, 'Case Number: CM16-0213037\nThis is a letter, not a library.\n');
    expectRefused(file, 'not-a-database', /not a SQLite database/);
  });

  it('refuses another program’s SQLite database and leaves it untouched', () => {
    const file = join(temp.folder(), 'other.sqlite');
    const raw = new Database(file);
    raw.exec('CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES (\'Ann\')');
    raw.close();
    expectRefused(file, 'foreign-database', /another program/);
    expect(existsSync(`${file}.v0.bak`)).toBe(false);
  });
});
