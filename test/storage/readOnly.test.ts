/** openLibraryReadOnly: the checks of openLibrary, and not a byte written to the library or beside it. */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LibraryOpenError } from '../../src/main/storage/errors.ts';
import { getImportRun } from '../../src/main/storage/importRuns.ts';
import { openLibrary, openLibraryReadOnly } from '../../src/main/storage/library.ts';
import { insertParsedLetter } from '../../src/main/storage/letters.ts';
import { migrate } from '../../src/main/storage/migrate.ts';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../src/main/storage/migrations/index.ts';
import { buildLetter, useTempFolder } from './helpers.ts';

const temp = useTempFolder();

/** Every file in the folder with its bytes, SQLite's empty log and shared memory left out. */
function folderState(folder: string): Record<string, string> {
  const state: Record<string, string> = {};
  for (const name of readdirSync(folder).sort()) {
    if (name.endsWith('-shm') || (name.endsWith('-wal') && statSync(join(folder, name)).size === 0)) continue;
    state[name] = readFileSync(join(folder, name)).toString('base64');
  }
  return state;
}

function refusal(open: () => unknown): LibraryOpenError {
  try {
    open();
  } catch (error) {
    if (error instanceof LibraryOpenError) return error;
    throw error;
  }
  throw new Error('the file was opened');
}

describe('openLibraryReadOnly', () => {
  it('reads a library, cannot write to it, and leaves it and its stamp exactly as they were; a killed run stays unmarked', () => {
    const folder = temp.folder();
    const file = join(folder, 'library.sqlite');
    const library = openLibrary(file);
    const { source, parsed } = buildLetter({ items: [{ service: 'MRI', decision: 'Upheld' }] });
    insertParsedLetter(library.db, source, parsed, null);
    library.db.exec("INSERT INTO import_runs (id, source, started_at, status, pid) VALUES (10, 'killed', '2026-01-01', 'running', 4194400)");
    library.close();
    const before = folderState(folder);

    const reader = openLibraryReadOnly(file);
    expect(reader.db.prepare('SELECT COUNT(*) FROM letters').pluck().get()).toBe(1);
    expect(getImportRun(reader.db, 10)).toMatchObject({ status: 'running' });
    expect(() => reader.db.exec("INSERT INTO settings (key, value) VALUES ('x', 'y')")).toThrow(/readonly/);
    reader.close();

    expect(folderState(folder)).toEqual(before);
    expect(Object.keys(before)).toEqual(['library.sqlite']);
  });

  it('refuses a file that does not exist, and makes none', () => {
    const file = join(temp.folder(), 'missing', 'library.sqlite');
    expect(refusal(() => openLibraryReadOnly(file))).toMatchObject({ reason: 'not-found', file });
    expect(existsSync(join(file, '..'))).toBe(false);
  });

  it('refuses a library of an older schema, saying how to bring it up to date, and leaves it byte-identical without a backup', () => {
    const folder = temp.folder();
    const file = join(folder, 'old.sqlite');
    const raw = new Database(file);
    migrate(raw, MIGRATIONS, 1);
    raw.close();
    const before = folderState(folder);
    const error = refusal(() => openLibraryReadOnly(file));
    expect(error.reason).toBe('older-version');
    expect(error.message).toBe(
      `Cannot open letter library ${file}: it was written by an older version of the app (schema 1; this version uses ${LATEST_SCHEMA_VERSION}) ` +
        'and is opened read-only here; open it once with a command that writes (import, reparse) or with the app to bring it up to date',
    );
    expect(folderState(folder)).toEqual(before);
  });

  it('refuses what openLibrary refuses: an empty file is not a library', () => {
    const file = join(temp.folder(), 'empty.sqlite');
    writeFileSync(file, '');
    expect(refusal(() => openLibraryReadOnly(file))).toMatchObject({ reason: 'not-a-library' });
    expect(statSync(file).size).toBe(0);
  });
});
