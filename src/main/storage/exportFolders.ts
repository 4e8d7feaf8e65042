/**
 * Folders an export was writing into when it last ran, kept in the library's settings until it
 * ends, so the next start clears what a killed export left beside them (see export/exportSet.ts).
 */
import { parseJson, statement } from './sql.ts';
import type { Db } from './sql.ts';

const SETTING = 'exports_in_flight';

export function pendingExportFolders(db: Db): string[] {
  const row = statement(db, 'SELECT value FROM settings WHERE key = ?').get(SETTING) as { value: string } | undefined;
  if (!row) return [];
  try {
    const folders = parseJson<unknown>(row.value);
    return Array.isArray(folders) ? folders.filter((folder): folder is string => typeof folder === 'string') : [];
  } catch {
    return [];
  }
}

export function notePendingExportFolder(db: Db, folder: string): void {
  const folders = pendingExportFolders(db);
  if (!folders.includes(folder)) writeFolders(db, [...folders, folder]);
}

export function clearPendingExportFolder(db: Db, folder: string): void {
  writeFolders(db, pendingExportFolders(db).filter((pending) => pending !== folder));
}

function writeFolders(db: Db, folders: readonly string[]): void {
  statement(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(SETTING, JSON.stringify(folders));
}
