/**
 * The tables an export writes, each with its file, its columns or keys, and its features: what
 * the card's front matter declares and its schema section describes.
 */
import type { ExportFormat } from '../../shared/export.ts';
import type { Column } from './columns.ts';
import { CITATION_COLUMNS, ITEM_KEY_COLUMNS, itemColumns, letterColumns } from './columns.ts';
import type { Feature } from './features.ts';
import { columnFeature } from './features.ts';
import { jsonlFeatures } from './jsonlSchema.ts';
import { CSV_FILE } from './writers/csv.ts';
import { JSONL_FILE } from './writers/jsonl.ts';
import { PARQUET_CITATIONS_FILE, PARQUET_ITEMS_FILE, PARQUET_LETTERS_FILE } from './writers/parquet.ts';
import { XLSX_FILE } from './writers/xlsx.ts';

type AnyColumn = Pick<Column<never>, 'name' | 'type' | 'description'>;

export interface ExportTable {
  /** The config (or sheet) name. */
  readonly name: string;
  readonly file: string;
  /** The tabular columns; empty for JSONL, whose keys the card lists separately. */
  readonly columns: readonly AnyColumn[];
  readonly features: readonly Feature[];
}

function table(name: string, file: string, columns: readonly AnyColumn[], csvText = false): ExportTable {
  return { name, file, columns, features: columns.map((column) => columnFeature(column.name, column.type, csvText)) };
}

/** In the order the card lists them; the first is the default config. */
export function exportTables(format: ExportFormat, withSpans: boolean): ExportTable[] {
  const letters = letterColumns(withSpans);
  const items = [...ITEM_KEY_COLUMNS, ...itemColumns(withSpans)];
  switch (format) {
    case 'jsonl':
      return [{ name: 'letters', file: JSONL_FILE, columns: [], features: jsonlFeatures(withSpans) }];
    case 'csv':
      // CSV has no lists: they are JSON array text.
      return [table('items', CSV_FILE, [...letters, ...itemColumns(withSpans)], true)];
    case 'parquet':
      return [
        table('items', PARQUET_ITEMS_FILE, items),
        table('letters', PARQUET_LETTERS_FILE, letters),
        table('citations', PARQUET_CITATIONS_FILE, CITATION_COLUMNS),
      ];
    case 'xlsx':
      return [table('letters', XLSX_FILE, letters, true), table('items', XLSX_FILE, items, true), table('citations', XLSX_FILE, CITATION_COLUMNS, true)];
  }
}

/** Hugging Face `datasets` reads every format but the workbook. */
export function loadableByDatasets(format: ExportFormat): boolean {
  return format !== 'xlsx';
}
