/**
 * Putting recorded rows back: undo writes each row's before image, redo its after image, but
 * only onto rows that are exactly as the change left them (or found them, for redo). Anything
 * else changed them since, and writing would lose that change, so the whole step is refused.
 */
import { ChangeConflictError } from '../errors.ts';
import type { Db } from '../sql.ts';
import { statement } from '../sql.ts';
import type { ChangedRow, ColumnValue, RowImage, RowKey } from './capture.ts';
import { tableShape, TRACKED_TABLES } from './tables.ts';
import type { TrackedTable } from './tables.ts';

export type ImageSide = 'before' | 'after';

/** Writes every row's `target` image, after checking each row still shows the other one. */
export function restoreImages(db: Db, rows: readonly ChangedRow[], target: ImageSide): void {
  const source: ImageSide = target === 'before' ? 'after' : 'before';
  for (const row of rows) {
    if (!showsImage(currentImage(db, row.table, row.key), row[source])) throw new ChangeConflictError(describe(row, target));
  }
  const deletions = rows.filter((row) => row[target] === null);
  const updates = rows.filter((row) => row[target] !== null && row[source] !== null);
  const insertions = rows.filter((row) => row[target] !== null && row[source] === null);
  // Children go before their parents when rows disappear, after them when rows come back.
  for (const row of inTableOrder(deletions).reverse()) deleteRow(db, row.table, row.key);
  moveItemsOutOfTheWay(db, updates, target);
  for (const row of updates) updateRow(db, row.table, row.key, row[target] as RowImage);
  for (const row of inTableOrder(insertions)) insertRow(db, row.table, row[target] as RowImage);
}

function inTableOrder(rows: readonly ChangedRow[]): ChangedRow[] {
  return [...rows].sort((a, b) => TRACKED_TABLES.indexOf(a.table) - TRACKED_TABLES.indexOf(b.table));
}

function showsImage(current: RowImage | null, expected: RowImage | null): boolean {
  if (expected === null) return current === null;
  if (current === null) return false;
  return Object.entries(expected).every(([column, value]) => current[column] === value);
}

function currentImage(db: Db, table: TrackedTable, key: RowKey): RowImage | null {
  const shape = tableShape(db, table);
  const row = statement(db, `SELECT ${shape.imageOf('t')} AS image FROM main.${table} t WHERE ${keyCondition(shape.key)}`).get(
    ...key,
  ) as { image: string } | undefined;
  return row ? (JSON.parse(row.image) as RowImage) : null;
}

function keyCondition(key: readonly string[]): string {
  return key.map((column) => `${column} = ?`).join(' AND ');
}

function deleteRow(db: Db, table: TrackedTable, key: RowKey): void {
  statement(db, `DELETE FROM main.${table} WHERE ${keyCondition(tableShape(db, table).key)}`).run(...key);
}

function updateRow(db: Db, table: TrackedTable, key: RowKey, image: RowImage): void {
  const columns = Object.keys(image);
  const assignments = columns.map((column) => `${column} = ?`).join(', ');
  const values: ColumnValue[] = columns.map((column) => image[column] ?? null);
  statement(db, `UPDATE main.${table} SET ${assignments} WHERE ${keyCondition(tableShape(db, table).key)}`).run(...values, ...key);
}

function insertRow(db: Db, table: TrackedTable, image: RowImage): void {
  const columns = Object.keys(image);
  const values: ColumnValue[] = columns.map((column) => image[column] ?? null);
  statement(db, `INSERT INTO main.${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(...values);
}

/**
 * Item positions are unique per letter, so items swapping places would collide half way:
 * every item about to move first parks at a negative position of its own.
 */
function moveItemsOutOfTheWay(db: Db, updates: readonly ChangedRow[], target: ImageSide): void {
  for (const row of updates) {
    if (row.table === 'items' && row[target]?.['position'] !== undefined) {
      statement(db, 'UPDATE main.items SET position = -id WHERE id = ?').run(...row.key);
    }
  }
}

const ROW_NAMES: Record<TrackedTable, string> = {
  letters: 'the letter',
  items: 'an item',
  notes: 'a note',
  tags: 'a tag',
  letter_tags: "the letter's tags",
  item_tags: "an item's tags",
  item_facets: "an item's structured values",
  letter_facets: "the letter's counts of structured values",
  dataset_conflicts: 'a dataset conflict',
  work_packages: 'a work package',
  work_package_letters: "a work package's letters",
};

function describe(row: ChangedRow, target: ImageSide): string {
  return `Cannot ${target === 'before' ? 'undo' : 'redo'} this change: ${ROW_NAMES[row.table]} has changed since (another program or reviewer changed it); nothing was changed.`;
}
