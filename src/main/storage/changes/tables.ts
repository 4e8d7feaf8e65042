/**
 * The tables a change group records, in the order a parent comes before the rows that point at
 * it, and how each is keyed. Columns are read from the schema, so a migration that adds one is
 * recorded without touching this file.
 */
import type { Db } from '../sql.ts';

export const TRACKED_TABLES = [
  'tags',
  'letters',
  'items',
  'notes',
  'letter_tags',
  'item_tags',
  'item_facets',
  'letter_facets',
  'dataset_conflicts',
  'work_packages',
  'work_package_letters',
] as const;
export type TrackedTable = (typeof TRACKED_TABLES)[number];

/** What a package merge notes about the package (so undoing it makes the package mergeable again): no letter's data. */
export const BOOKKEEPING_TABLES: ReadonlySet<TrackedTable> = new Set(['work_packages', 'work_package_letters']);

/** Columns a change never restores: a letter's revision only ever goes up. */
const UNTRACKED_COLUMNS: Partial<Record<TrackedTable, readonly string[]>> = { letters: ['revision'] };

export interface TableShape {
  readonly table: TrackedTable;
  /** The recorded columns, in schema order. */
  readonly columns: readonly string[];
  readonly key: readonly string[];
  /** `json_object(...)` of a row named `alias` (new, old, or a table alias). */
  imageOf(alias: string): string;
  keyOf(alias: string): string;
}

const shapes = new WeakMap<Db, Map<TrackedTable, TableShape>>();

export function tableShape(db: Db, table: TrackedTable): TableShape {
  let byTable = shapes.get(db);
  if (!byTable) {
    byTable = new Map();
    shapes.set(db, byTable);
  }
  let shape = byTable.get(table);
  if (!shape) {
    shape = readShape(db, table);
    byTable.set(table, shape);
  }
  return shape;
}

export function isTrackedTable(name: string): name is TrackedTable {
  return (TRACKED_TABLES as readonly string[]).includes(name);
}

function readShape(db: Db, table: TrackedTable): TableShape {
  const info = db.pragma(`main.table_info(${table})`) as { name: string; pk: number }[];
  const skipped = new Set(UNTRACKED_COLUMNS[table] ?? []);
  const columns = info.filter((column) => !skipped.has(column.name)).map((column) => column.name);
  const key = info.filter((column) => column.pk > 0).sort((a, b) => a.pk - b.pk).map((column) => column.name);
  return {
    table,
    columns,
    key,
    imageOf: (alias) => `json_object(${columns.map((column) => `'${column}', ${alias}.${column}`).join(', ')})`,
    keyOf: (alias) => `json_array(${key.map((column) => `${alias}.${column}`).join(', ')})`,
  };
}
