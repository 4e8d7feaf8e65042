/**
 * The card's schema section: every table's columns (or the JSONL keys) with their types as the
 * format stores them and their meaning (how to read them: cardReading.ts).
 */
import type { ExportFormat } from '../../shared/export.ts';
import type { ExportTable } from './cardTables.ts';
import { exportTables } from './cardTables.ts';
import type { ColumnType, ScalarType } from './columns.ts';
import { typeText } from './features.ts';
import { jsonlItemKeys, jsonlLetterKeys } from './jsonlSchema.ts';
import type { KeyDoc } from './jsonlSchema.ts';
import { CELL_LIMIT } from './writers/xlsx.ts';
import { escapeCell } from './markdownTable.ts';

const PARQUET_TYPES: Record<ScalarType, string> = {
  string: 'STRING',
  integer: 'INT32',
  boolean: 'BOOLEAN',
  date: 'DATE',
  timestamp: 'TIMESTAMP (UTC, ms)',
};
const CSV_TYPES: Record<ScalarType, string> = {
  string: 'text',
  integer: 'integer',
  boolean: 'true / false',
  date: 'date, YYYY-MM-DD',
  timestamp: 'ISO 8601 instant (UTC)',
};
const XLSX_TYPES: Record<ScalarType, string> = {
  string: 'text',
  integer: 'number',
  boolean: 'TRUE / FALSE',
  date: 'date',
  timestamp: 'date and time (UTC)',
};

function parquetType(type: ColumnType): string {
  if (typeof type === 'string') return PARQUET_TYPES[type];
  if (typeof type.list === 'string') return `LIST<${PARQUET_TYPES[type.list]}>`;
  return `LIST<STRUCT<${type.list.map((member) => `${member.name} ${PARQUET_TYPES[member.type]}`).join(', ')}>>`;
}

/** CSV and the workbook write a list as JSON array text. */
function textType(types: Record<ScalarType, string>) {
  return (type: ColumnType): string => {
    if (typeof type === 'string') return types[type];
    if (typeof type.list === 'string') return 'JSON array of text';
    return `JSON array of {${type.list.map((member) => member.name).join(', ')}}`;
  };
}

export interface SchemaFacts {
  readonly format: ExportFormat;
  readonly withSpans: boolean;
  readonly cutTexts: number;
}

export function schemaSection(facts: SchemaFacts): string[] {
  const tables = exportTables(facts.format, facts.withSpans);
  const intro = ['## Schema', '', 'A missing value is null (an empty cell in CSV and in the workbook); a list is never missing, only empty.', ''];
  switch (facts.format) {
    case 'jsonl':
      return [
        ...intro,
        `\`${tables[0]?.file}\`: one JSON object per line, one line per letter, UTF-8.`,
        '',
        ...keyTable(jsonlLetterKeys(facts.withSpans)),
        '',
        'Each element of `items`:',
        '',
        ...keyTable(jsonlItemKeys(facts.withSpans)),
        '',
      ];
    case 'csv':
      return [
        ...intro,
        `\`${tables[0]?.file}\`: RFC 4180 CSV, UTF-8, CRLF line ends, a header row; one row per item with its`,
        "letter's columns repeated (a letter without items has one row with empty item columns).",
        'It is for programs; a spreadsheet guesses types as it opens a CSV (use the xlsx export there).',
        '',
        ...columnTable(tables[0], textType(CSV_TYPES)),
        '',
      ];
    case 'xlsx':
      return [
        ...intro,
        `\`${tables[0]?.file}\`: for spreadsheets (programs should read the CSV, JSONL or Parquet exports). Sheets \`letters\`,`,
        '`items` (joined to the letters on `sha256`) and `citations`; dates are dates, numbers numbers, every text a string',
        `(never a formula), the header row frozen with filters. A text longer than a cell holds (${CELL_LIMIT} characters) is`,
        `cut with a marker: ${facts.cutTexts} text${facts.cutTexts === 1 ? ' was' : 's were'} cut in this export (the JSONL export keeps them whole).`,
        '',
        ...tables.flatMap((sheet) => [`Sheet \`${sheet.name}\`:`, '', ...columnTable(sheet, textType(XLSX_TYPES)), '']),
      ];
    case 'parquet':
      return [
        ...intro,
        ...tables.flatMap((parquet) => [`\`${parquet.file}\`: ${PARQUET_ROLES[parquet.name] ?? ''}`, '', ...columnTable(parquet, parquetType), '']),
      ];
  }
}

const PARQUET_ROLES: Record<string, string> = {
  items: 'one row per item; join to the letters on `sha256`.',
  letters: 'one row per letter.',
  citations: 'one row per guideline citation; join to the items on `sha256` and `itemNumber`.',
};

function keyTable(keys: readonly KeyDoc[]): string[] {
  return ['| key | type | description |', '| --- | --- | --- |', ...keys.map((doc) => `| \`${doc.key}\` | ${typeText(doc.type)} | ${escapeCell(doc.description)} |`)];
}

function columnTable(table: ExportTable | undefined, typeName: (type: ColumnType) => string): string[] {
  return [
    '| column | type | description |',
    '| --- | --- | --- |',
    ...(table?.columns ?? []).map((column) => `| \`${column.name}\` | ${escapeCell(typeName(column.type))} | ${escapeCell(column.description)} |`),
  ];
}
