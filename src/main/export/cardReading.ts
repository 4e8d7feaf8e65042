/**
 * The card's "Reading the data" section: for each library that reads the format (pandas, polars,
 * DuckDB, Hugging Face `datasets`) one Python block that reads every table with its types, run
 * from the export's folder. Each block leaves one variable per table, named as the table. A test
 * runs every block of every format's card against current versions of those libraries.
 */
import type { ExportFormat } from '../../shared/export.ts';
import { dataFile } from './cardFrontMatter.ts';
import type { ExportTable } from './cardTables.ts';
import { exportTables } from './cardTables.ts';
import type { ColumnType } from './columns.ts';

export interface ReadingFacts {
  readonly format: ExportFormat;
  readonly withSpans: boolean;
  readonly letters: number;
  readonly dataFolder?: string;
}

interface Snippet {
  readonly library: string;
  readonly lines: readonly string[];
}

/** A file path, or a glob over a batch's shards, as a Python string. */
const quoted = (file: string) => JSON.stringify(file);
const isGlob = (file: string) => file.includes('*');

/** pandas reads one file per call: over shards, every file is read and the frames joined. */
function pandasRead(name: string, file: string, read: (path: string) => string): string[] {
  if (!isGlob(file)) return [`${name} = ${read(quoted(file))}`];
  return [`${name} = pd.concat([${read('path')} for path in sorted(glob.glob(${quoted(file)}))], ignore_index=True)`];
}

/** pandas types a CSV's dates, booleans and integers right only when told; a text column stays text (a case number keeps its zeros). */
function pandasCsv(table: ExportTable, file: string): string[] {
  const dtype = (type: ColumnType): string | null =>
    type === 'integer' ? 'Int32' : type === 'boolean' ? 'boolean' : type === 'date' || type === 'timestamp' ? null : 'string';
  const dtypes = table.columns.flatMap((column) => {
    const named = dtype(column.type);
    return named === null ? [] : [`"${column.name}": "${named}"`];
  });
  const dates = table.columns.filter((column) => column.type === 'date' || column.type === 'timestamp').map((column) => `"${column.name}"`);
  const options = `keep_default_na=False, na_values=[""], dtype={${dtypes.join(', ')}}, parse_dates=[${dates.join(', ')}]`;
  return pandasRead(table.name, file, (path) => `pd.read_csv(${path}, ${options})`);
}

function polarsCsv(table: ExportTable, file: string): string {
  const type = (column: ColumnType): string =>
    column === 'integer' ? 'pl.Int32' : column === 'boolean' ? 'pl.Boolean' : column === 'date' ? 'pl.Date' : column === 'timestamp' ? 'pl.Datetime("ms", "UTC")' : 'pl.String';
  return `${table.name} = pl.read_csv(${quoted(file)}, schema_overrides={${table.columns.map((column) => `"${column.name}": ${type(column.type)}`).join(', ')}})`;
}

function snippets(format: ExportFormat, tables: readonly ExportTable[], fileOf: (table: ExportTable) => string): Snippet[] {
  const each = (read: (table: ExportTable, file: string) => string | string[]) => tables.flatMap((table) => read(table, fileOf(table)));
  const pandasImports = tables.some((table) => isGlob(fileOf(table))) ? ['import pandas as pd', 'import glob'] : ['import pandas as pd'];
  const duckdb = (reader: (file: string) => string): Snippet => ({
    library: 'DuckDB',
    lines: ['import duckdb', ...each((table, file) => `${table.name} = duckdb.${reader(quoted(file))}`)],
  });
  const datasets: Snippet = {
    library: 'Hugging Face datasets',
    // `datasets` names a local dataset by its folder's name, which "." does not have.
    lines: ['import os', 'from datasets import load_dataset', ...each((table) => `${table.name} = load_dataset(os.getcwd(), ${quoted(table.name)}, split="train")`)],
  };
  switch (format) {
    case 'jsonl':
      return [
        { library: 'pandas', lines: [...pandasImports, ...each((table, file) => pandasRead(table.name, file, (path) => `pd.read_json(${path}, lines=True, dtype=False, convert_dates=False)`))] },
        { library: 'polars', lines: ['import polars as pl', ...each((table, file) => `${table.name} = pl.read_ndjson(${quoted(file)}, infer_schema_length=None)`)] },
        duckdb((file) => `read_json(${file}, format="newline_delimited")`),
        datasets,
      ];
    case 'csv':
      return [
        { library: 'pandas', lines: [...pandasImports, ...each(pandasCsv)] },
        { library: 'polars', lines: ['import polars as pl', ...each(polarsCsv)] },
        duckdb((file) => `read_csv(${file})`),
        datasets,
      ];
    case 'parquet':
      return [
        { library: 'pandas', lines: [...pandasImports, ...each((table, file) => pandasRead(table.name, file, (path) => `pd.read_parquet(${path})`))] },
        { library: 'polars', lines: ['import polars as pl', ...each((table, file) => `${table.name} = pl.read_parquet(${quoted(file)})`)] },
        duckdb((file) => `read_parquet(${file})`),
        datasets,
      ];
    case 'xlsx':
      return [{ library: 'pandas (with openpyxl)', lines: ['import pandas as pd', ...each((table, file) => `${table.name} = pd.read_excel(${quoted(file)}, sheet_name=${quoted(table.name)})`)] }];
  }
}

/** What cannot read a file without rows: `datasets` finds no data to load, polars no line to infer JSON types from. */
function readsEmpty(format: ExportFormat, snippet: Snippet): boolean {
  return snippet.library !== 'Hugging Face datasets' && !(format === 'jsonl' && snippet.library === 'polars');
}

export function readingSection(facts: ReadingFacts): string[] {
  const tables = exportTables(facts.format, facts.withSpans);
  const file = (table: ExportTable) => dataFile(table.file, facts.dataFolder);
  const all = snippets(facts.format, tables, file);
  const shown = facts.letters === 0 ? all.filter((snippet) => readsEmpty(facts.format, snippet)) : all;
  const left = all.filter((snippet) => !shown.includes(snippet)).map((snippet) => snippet.library);
  return [
    '## Reading the data',
    '',
    `Run in this folder; each block leaves one variable per table (${tables.map((table) => `\`${table.name}\``).join(', ')}), every column with its type.`,
    ...(facts.format === 'csv'
      ? [
          '`datasets` reads the CSV\'s dates and instants as ISO text (JSONL and Parquet have them typed); pyarrow\'s own CSV reader',
          'reads an empty text cell as `""`: give it `convert_options=pyarrow.csv.ConvertOptions(strings_can_be_null=True)`.',
        ]
      : []),
    ...(facts.format === 'xlsx' ? ['Programs should read the CSV, JSONL or Parquet exports; `datasets` does not read workbooks.'] : []),
    ...(left.length === 0 ? [] : [`This export holds no letters, so ${left.join(' and ')} cannot read it (there are no rows to load).`]),
    '',
    ...shown.flatMap((snippet) => [`${snippet.library}:`, '', '```python', ...snippet.lines, '```', '']),
  ];
}
