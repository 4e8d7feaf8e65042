/**
 * Recording what a change does, row by row. TEMP triggers on this connection copy every row a
 * tracked table inserts, updates or deletes into a TEMP table while a capture is on; the capture
 * then folds them into one before/after image per row. Triggers see every write (cascades and
 * the FTS-driving ones included), so nothing a change does can escape its undo.
 */
import type { Db } from '../sql.ts';
import { statement } from '../sql.ts';
import { isTrackedTable, tableShape, TRACKED_TABLES } from './tables.ts';
import type { TrackedTable } from './tables.ts';

export type ColumnValue = string | number | null;
export type RowImage = Readonly<Record<string, ColumnValue>>;
export type RowKey = readonly ColumnValue[];

/** One row a change touched: before is null for a row it inserted, after for a row it deleted. */
export interface ChangedRow {
  readonly table: TrackedTable;
  readonly key: RowKey;
  readonly before: RowImage | null;
  readonly after: RowImage | null;
}

const installed = new WeakSet<Db>();

/** Creates this connection's capture tables and triggers; every connection that writes review changes needs them. */
export function installChangeCapture(db: Db): void {
  if (installed.has(db)) return;
  db.exec(`
    CREATE TEMP TABLE IF NOT EXISTS capture_on (flag INTEGER);
    CREATE TEMP TABLE IF NOT EXISTS captured (
      seq INTEGER PRIMARY KEY, table_name TEXT NOT NULL, row_key TEXT NOT NULL, before TEXT, after TEXT
    );
  `);
  const on = 'WHEN EXISTS (SELECT 1 FROM temp.capture_on)';
  for (const table of TRACKED_TABLES) {
    const shape = tableShape(db, table);
    const record = (key: string, before: string, after: string) =>
      `INSERT INTO temp.captured (table_name, row_key, before, after) VALUES ('${table}', ${key}, ${before}, ${after});`;
    db.exec(`
      CREATE TEMP TRIGGER IF NOT EXISTS capture_${table}_insert AFTER INSERT ON main.${table} ${on} BEGIN
        ${record(shape.keyOf('new'), 'NULL', shape.imageOf('new'))}
      END;
      CREATE TEMP TRIGGER IF NOT EXISTS capture_${table}_update AFTER UPDATE ON main.${table} ${on} BEGIN
        ${record(shape.keyOf('old'), shape.imageOf('old'), 'NULL')}
        ${record(shape.keyOf('new'), 'NULL', shape.imageOf('new'))}
      END;
      CREATE TEMP TRIGGER IF NOT EXISTS capture_${table}_delete AFTER DELETE ON main.${table} ${on} BEGIN
        ${record(shape.keyOf('old'), shape.imageOf('old'), 'NULL')}
      END;
    `);
  }
  installed.add(db);
}

/**
 * Runs `work` inside the caller's write transaction and returns what it changed, one entry
 * per row (first image before, last image after), rows left as they were dropped.
 */
export function captureChanges<T>(db: Db, work: () => T): { readonly result: T; readonly rows: ChangedRow[] } {
  if (!db.inTransaction) throw new Error('captureChanges runs inside a write transaction');
  if (statement(db, 'SELECT 1 FROM temp.capture_on').get() !== undefined) throw new Error('A change is already being captured');
  statement(db, 'DELETE FROM temp.captured').run();
  statement(db, 'INSERT INTO temp.capture_on VALUES (1)').run();
  let result: T;
  try {
    result = work();
  } finally {
    statement(db, 'DELETE FROM temp.capture_on').run();
  }
  const rows = capturedSoFar(db);
  statement(db, 'DELETE FROM temp.captured').run();
  return { result, rows };
}

/** What the capture under way has changed so far (writes that left rows as they were do not count). */
export function capturedSoFar(db: Db): ChangedRow[] {
  return foldRows(statement(db, 'SELECT table_name, row_key, before, after FROM temp.captured ORDER BY seq').all() as RawRow[]);
}

interface RawRow {
  table_name: string;
  row_key: string;
  before: string | null;
  after: string | null;
}

/**
 * An UPDATE arrives as its old image then its new one, so each row's images, in order, alternate
 * between "what was there" and "what is there now": the first says what the row was before the
 * change (null if it did not exist) and the last what it is after.
 */
function foldRows(raw: readonly RawRow[]): ChangedRow[] {
  const byRow = new Map<string, { table: TrackedTable; key: RowKey; before: RowImage | null; after: RowImage | null; seen: boolean }>();
  for (const row of raw) {
    if (!isTrackedTable(row.table_name)) continue;
    const id = `${row.table_name}\u0000${row.row_key}`;
    let entry = byRow.get(id);
    if (!entry) {
      entry = { table: row.table_name, key: JSON.parse(row.row_key) as RowKey, before: null, after: null, seen: false };
      byRow.set(id, entry);
    }
    if (row.before !== null) {
      if (!entry.seen) entry.before = JSON.parse(row.before) as RowImage;
      entry.after = null;
    }
    if (row.after !== null) entry.after = JSON.parse(row.after) as RowImage;
    entry.seen = true;
  }
  const folded: ChangedRow[] = [];
  for (const { table, key, before, after } of byRow.values()) {
    const compact = compactRow(table, key, before, after);
    if (compact) folded.push(compact);
  }
  return folded;
}

/** Keeps only the columns an update changed; drops a row that ends as it began. */
function compactRow(table: TrackedTable, key: RowKey, before: RowImage | null, after: RowImage | null): ChangedRow | null {
  if (before === null && after === null) return null;
  if (before === null || after === null) return { table, key, before, after };
  const changed = Object.keys(after).filter((column) => before[column] !== after[column]);
  if (changed.length === 0) return null;
  const pick = (image: RowImage) => Object.fromEntries(changed.map((column) => [column, image[column] ?? null]));
  return { table, key, before: pick(before), after: pick(after) };
}
