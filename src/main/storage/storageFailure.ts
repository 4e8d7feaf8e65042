/**
 * Failures of the disk under the library rather than of one letter: a full disk, an I/O error,
 * a file that cannot be written or is locked. An import stops at the first one (every later
 * letter would fail the same way), and every command says it in one line.
 */
import Database from 'better-sqlite3';

const REASONS: readonly (readonly [prefix: string, reason: (file: string) => string])[] = [
  ['SQLITE_FULL', (file) => `the disk holding ${file} is full`],
  ['SQLITE_IOERR', (file) => `the disk holding ${file} reported an input/output error`],
  ['SQLITE_READONLY', (file) => `${file} cannot be written (it or its folder is read-only)`],
  ['SQLITE_CANTOPEN', (file) => `${file} cannot be opened`],
  ['SQLITE_BUSY', (file) => `${file} is locked by another program`],
  ['SQLITE_CORRUPT', (file) => `${file} is damaged`],
  ['SQLITE_NOTADB', (file) => `${file} is damaged`],
];

/** A sentence for a disk-level SQLite failure of the library `file` (with SQLite's code), or null for any other error. */
export function storageFailure(error: unknown, file: string): string | null {
  if (!(error instanceof Database.SqliteError)) return null;
  const found = REASONS.find(([prefix]) => error.code.startsWith(prefix));
  return found ? `${found[1](file)} (${error.code})` : null;
}
