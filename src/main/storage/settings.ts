/**
 * The library's settings: the reviewer's name (stamped on every change), the library's id, the
 * rule checks' settings, and which version of the derived values the letters hold.
 */
import { InvalidEditError, ReviewerNotSetError } from './errors.ts';
import { statement } from './sql.ts';
import type { Db } from './sql.ts';

const REVIEWER_SETTING = 'reviewer';

export function getReviewer(db: Db): string | null {
  const row = statement(db, 'SELECT value FROM settings WHERE key = ?').get(REVIEWER_SETTING) as
    | { value: string }
    | undefined;
  return row?.value ?? null;
}

export function setReviewer(db: Db, name: string): void {
  const trimmed = name.trim();
  if (trimmed === '') throw new InvalidEditError('The reviewer name cannot be empty');
  statement(
    db,
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(REVIEWER_SETTING, trimmed);
}

/** The library's own id, made when the library was (migration 004). */
export function libraryId(db: Db): string {
  const row = statement(db, "SELECT value FROM settings WHERE key = 'library_id'").get() as { value: string } | undefined;
  if (!row) throw new Error('The library has no id');
  return row.value;
}

/** The reviewer to stamp on a change; a change without one is refused. */
export function requireReviewer(db: Db): string {
  const reviewer = getReviewer(db);
  if (reviewer === null) throw new ReviewerNotSetError();
  return reviewer;
}

/** A JSON setting, or null when it was never set. */
export function getJsonSetting<T>(db: Db, key: string): T | null {
  const row = statement(db, 'SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as T) : null;
}

export function setJsonSetting(db: Db, key: string, value: unknown): void {
  statement(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(value));
}
