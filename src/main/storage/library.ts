/**
 * Opening a letter library file: refuses files it must not touch (not SQLite, damaged, from a
 * newer app, another program's database, an empty file nobody asked to make a library) without
 * writing a byte to them, backs up files it is about to migrate, then configures the
 * connection, brings the schema up to date and marks import runs a killed process left running.
 *
 * Damage: a file under BACKGROUND_CHECK_FROM_BYTES is checked (quick_check, milliseconds) before
 * it opens, and refused when damaged. A larger one opens at once and is checked in the
 * background (writeGate.ts): it can be read meanwhile, and its first write waits for the check,
 * so nothing is written into a damaged file. A file about to be migrated is always checked
 * first. A read-only open of a large file writes nothing and checks nothing: damage met while
 * reading is reported as damage.
 */
import { closeSync, copyFileSync, openSync, readSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { installChangeCapture } from './changes/capture.ts';
import { LibraryOpenError } from './errors.ts';
import { revertKilledMerges } from './datasetMerges.ts';
import { markInterruptedRuns } from './importRuns.ts';
import { storageFailure } from './storageFailure.ts';
import { migrate, schemaVersion } from './migrate.ts';
import { LIBRARY_APPLICATION_ID } from './migrations/001-initial.ts';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations/index.ts';
import { getReviewer, setReviewer } from './settings.ts';
import type { Db } from './sql.ts';
import { gateWritesOnCheck } from './writeGate.ts';

export interface Library {
  readonly db: Db;
  readonly file: string;
  /** Schema version the file had before opening; 0 for a new library. */
  readonly previousSchemaVersion: number;
  /** Copy of the file taken before migrating it, or null when nothing was migrated. */
  readonly backupFile: string | null;
  /**
   * Settles once a write would not wait for the damage check (at once, unless the check runs in
   * the background): work that writes on its own, not for a person, starts after it, so it never
   * holds the thread waiting.
   */
  readonly writable: Promise<void>;
  close(): void;
}

export interface OpenLibraryOptions {
  /** Stored as the library's reviewer name, stamped on every later change. */
  readonly reviewer?: string;
  /**
   * Makes an empty file (zero bytes, or SQLite without tables) a new library. Without it such a
   * file is refused: it may be something else's, and nothing asked for a library there. A file
   * that does not exist is always created.
   */
  readonly create?: boolean;
  /** Files of this many bytes or more open at once and are checked in the background (default BACKGROUND_CHECK_FROM_BYTES). */
  readonly backgroundCheckFrom?: number;
}

/** quick_check reads about 200 MB a second: below this it takes a moment, and the open waits for it. */
export const BACKGROUND_CHECK_FROM_BYTES = 64 * 1024 * 1024;

/**
 * A read-only connection holding one snapshot of the library until it is closed: an export
 * reads every letter as they were when it started, while edits go on over the app's connection.
 */
export function openSnapshot(file: string): Db {
  const reader = new Database(file, { readonly: true, fileMustExist: true });
  reader.exec('BEGIN');
  return reader;
}

/**
 * Opens a library only to read it: the same checks as openLibrary, and nothing is written: no
 * migration, no marks; a large file is not checked (see above). A file that does not exist, or that has an older schema (which
 * only an open that writes can bring up to date), is refused.
 */
export function openLibraryReadOnly(file: string): Library {
  const size = fileSize(file);
  const version = inspectExistingFile(file, false, size !== null && size >= BACKGROUND_CHECK_FROM_BYTES ? 'none' : 'now');
  if (version === null) throw new LibraryOpenError(file, 'not-found', 'there is no such file');
  if (version < LATEST_SCHEMA_VERSION) {
    throw new LibraryOpenError(
      file,
      'older-version',
      `it was written by an older version of the app (schema ${version}; this version uses ${LATEST_SCHEMA_VERSION}) ` +
        'and is opened read-only here; open it once with a command that writes (import, reparse) or with the app to bring it up to date',
    );
  }
  const db = openReadOnly(file);
  return { db, file, previousSchemaVersion: version, backupFile: null, writable: Promise.resolve(), close: () => db.close() };
}

/** Long enough to wait out an import worker's transaction, short enough to report a stuck lock. */
const BUSY_TIMEOUT_MS = 5000;
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
/** The database header's length, and where in it SQLite keeps user_version (the schema version). */
const SQLITE_HEADER_BYTES = 100;
const USER_VERSION_OFFSET = 60;

export function openLibrary(file: string, options: OpenLibraryOptions = {}): Library {
  const size = fileSize(file);
  const upToDate = size !== null && size >= (options.backgroundCheckFrom ?? BACKGROUND_CHECK_FROM_BYTES) && isCurrentLibrary(file);
  const existingVersion = inspectExistingFile(file, options.create ?? false, upToDate ? 'background' : 'now');
  const db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  let gate: ReturnType<typeof gateWritesOnCheck> | null = null;
  try {
    const backupFile =
      existingVersion !== null && existingVersion < LATEST_SCHEMA_VERSION
        ? backUpBeforeMigrating(db, file, existingVersion)
        : null;
    configureConnection(db);
    migrateOrExplain(db, file);
    installChangeCapture(db);
    if (upToDate) gate = gateWritesOnCheck(db, file);
    markKilledRuns(db, file);
    // Set only when it changes: an open that writes nothing need not wait for a background check.
    if (options.reviewer !== undefined && getReviewer(db) !== options.reviewer.trim()) setReviewer(db, options.reviewer);
    return {
      db,
      file,
      previousSchemaVersion: existingVersion ?? 0,
      backupFile,
      writable: gate?.settled ?? Promise.resolve(),
      close: () => {
        gate?.stop();
        db.close();
      },
    };
  } catch (error) {
    gate?.stop();
    db.close();
    throw error;
  }
}

/** True for a SQLite file of this app's current schema (read from its header, nothing opened): one that will not be migrated. */
function isCurrentLibrary(file: string): boolean {
  const header = readHeader(file, SQLITE_HEADER_BYTES);
  return header.length === SQLITE_HEADER_BYTES && header.subarray(0, SQLITE_HEADER.length).equals(SQLITE_HEADER) && header.readInt32BE(USER_VERSION_OFFSET) === LATEST_SCHEMA_VERSION;
}

/**
 * The schema version of an existing library file, checked without writing to it; null for a new
 * library. `check`: run quick_check now, leave it to the background, or none (nothing is written).
 */
function inspectExistingFile(file: string, create: boolean, check: 'now' | 'background' | 'none'): number | null {
  const size = fileSize(file);
  if (size === null) return null;
  if (size === 0) {
    if (create) return null;
    throw new LibraryOpenError(file, 'not-a-library', 'the file is empty (0 bytes), not a library; name a file that does not exist yet to make a new library');
  }
  if (!startsWithSqliteHeader(file)) {
    throw new LibraryOpenError(file, 'not-a-database', 'the file is not a SQLite database');
  }
  const reader = openReadOnly(file);
  try {
    const version = schemaVersion(reader);
    if (version > LATEST_SCHEMA_VERSION) {
      throw new LibraryOpenError(
        file,
        'newer-version',
        `it was written by a newer version of the app ` +
          `(schema ${version}; this version reads up to ${LATEST_SCHEMA_VERSION})`,
      );
    }
    const applicationId = reader.pragma('application_id', { simple: true }) as number;
    const tableCount = (reader.prepare('SELECT COUNT(*) AS n FROM sqlite_schema').get() as { n: number }).n;
    if (applicationId !== LIBRARY_APPLICATION_ID && (applicationId !== 0 || tableCount > 0)) {
      throw new LibraryOpenError(file, 'foreign-database', 'it is a SQLite database of another program');
    }
    if (tableCount === 0) {
      if (create && version === 0) return null;
      throw new LibraryOpenError(file, 'not-a-library', 'it is a SQLite database with no tables, not a library; name a file that does not exist yet to make a new library');
    }
    if (check === 'now' || (check === 'background' && version < LATEST_SCHEMA_VERSION)) {
      const problems = reader.pragma('quick_check', { simple: true });
      // quick_check reports over several lines; a refusal is one.
      if (problems !== 'ok') throw new LibraryOpenError(file, 'corrupt', `the file is damaged (${String(problems).replace(/\s*\n\s*/g, ' ')})`);
    }
    return version;
  } catch (error) {
    throw asOpenError(file, error, 'unreadable');
  } finally {
    reader.close();
  }
}

function fileSize(file: string): number | null {
  try {
    const info = statSync(file);
    if (info.isDirectory()) throw new LibraryOpenError(file, 'unreadable', 'it is a folder, not a library file');
    return info.size;
  } catch (error) {
    if (error instanceof LibraryOpenError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new LibraryOpenError(file, 'unreadable', (error as Error).message, { cause: error });
  }
}

function startsWithSqliteHeader(file: string): boolean {
  return readHeader(file, SQLITE_HEADER.length).equals(SQLITE_HEADER);
}

/** The file's first `length` bytes (fewer when it is shorter). */
function readHeader(file: string, length: number): Buffer {
  const header = Buffer.alloc(length);
  let descriptor: number;
  try {
    descriptor = openSync(file, 'r');
  } catch (error) {
    throw new LibraryOpenError(file, 'unreadable', (error as Error).message, { cause: error });
  }
  try {
    return header.subarray(0, readSync(descriptor, header, 0, length, 0));
  } finally {
    closeSync(descriptor);
  }
}

function openReadOnly(file: string): Db {
  try {
    return new Database(file, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  } catch (error) {
    throw asOpenError(file, error, 'unreadable');
  }
}

/**
 * Copies the file beside itself as `<file>.v<version>.bak`. Runs before any pragma that could
 * rewrite the header, after folding a leftover WAL into the file so the copy is complete.
 */
function backUpBeforeMigrating(db: Db, file: string, version: number): string {
  if (db.pragma('journal_mode', { simple: true }) === 'wal') {
    const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    if (result?.busy) {
      throw new LibraryOpenError(file, 'unreadable', 'another program is using it; close it and try again');
    }
  }
  const backupFile = `${file}.v${version}.bak`;
  copyFileSync(file, backupFile);
  return backupFile;
}

/** A library on a full disk still opens to be read; its killed runs are marked, and their dataset merges taken back, at an open that can write. */
function markKilledRuns(db: Db, file: string): void {
  try {
    markInterruptedRuns(db);
    revertKilledMerges(db);
  } catch (error) {
    if (storageFailure(error, file) === null) throw error;
  }
}

function configureConnection(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
}

function migrateOrExplain(db: Db, file: string): void {
  try {
    migrate(db, MIGRATIONS);
  } catch (error) {
    throw asOpenError(file, error, null);
  }
}

/**
 * SQLite's corruption codes become a 'corrupt' LibraryOpenError, other SQLite errors
 * `otherSqliteFailure` when given; anything else passes through unchanged.
 */
function asOpenError(file: string, error: unknown, otherSqliteFailure: 'unreadable' | null): unknown {
  if (!(error instanceof Database.SqliteError)) return error;
  if (error.code.startsWith('SQLITE_CORRUPT') || error.code === 'SQLITE_NOTADB') {
    return new LibraryOpenError(file, 'corrupt', `the file is damaged (${error.message})`, { cause: error });
  }
  if (otherSqliteFailure === null) return error;
  return new LibraryOpenError(file, otherSqliteFailure, error.message, { cause: error });
}
