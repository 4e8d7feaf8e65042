/**
 * README.md beside the data: a Hugging Face dataset card (YAML front matter naming the data
 * files) that says what was exported, from what, by whom, and what every column means.
 */
import type { ExportFormat, ExportScope } from '../../shared/export.ts';
import type { Column, ColumnType } from './columns.ts';
import { CITATION_COLUMNS, ITEM_KEY_COLUMNS, itemColumns, letterColumns } from './columns.ts';
import { CHECK_CODES } from '../letters/checks/index.ts';
import { CITATION_SOURCES, DRUG_CLASSES, MTUS_PARTS, SERVICE_CATEGORIES, VOCABULARY_VERSION } from '../letters/vocabulary/index.ts';
import { jsonlItemKeys, jsonlLetterKeys } from './jsonlSchema.ts';
import type { KeyDoc } from './jsonlSchema.ts';
import type { ExportTally } from './tally.ts';
import { decisionFiguresMarkdown } from '../insights/index.ts';
import type { DecisionFigures } from '../insights/index.ts';
import { CSV_FILE } from './writers/csv.ts';
import { JSONL_FILE } from './writers/jsonl.ts';
import { PARQUET_CITATIONS_FILE, PARQUET_ITEMS_FILE, PARQUET_LETTERS_FILE } from './writers/parquet.ts';

export interface CardFacts {
  readonly format: ExportFormat;
  readonly scope: ExportScope;
  /** The filters as a person reads them, e.g. 'tag "needs second look"'. */
  readonly filters: readonly string[];
  readonly withSpans: boolean;
  readonly bom: boolean;
  readonly appVersion: string;
  readonly exportedAt: string;
  readonly tally: ExportTally;
  /** The headline figures, worked out in SQL over the same letters. */
  readonly figures: DecisionFigures;
}

const PARQUET_TYPES = {
  string: 'STRING',
  integer: 'INT32',
  boolean: 'BOOLEAN',
  date: 'DATE',
  timestamp: 'TIMESTAMP (UTC, ms)',
} as const;
const CSV_TYPES = {
  string: 'text',
  integer: 'integer',
  boolean: 'true / false',
  date: 'date, YYYY-MM-DD',
  timestamp: 'ISO 8601 instant (UTC)',
} as const;

export function datasetCard(facts: CardFacts): string {
  const { tally } = facts;
  return [
    frontMatter(facts.format),
    '# IMR Final Determination Letters: reviewed dataset',
    '',
    "California workers' compensation Independent Medical Review (IMR) Final Determination Letters,",
    'read into fields and decision items by the IMR Review Workstation parser and checked by people.',
    'Every row says where it came from (source file and SHA-256, parser version), which values a',
    'person changed, who verified the letter and when, and its tags and notes.',
    '',
    '## This export',
    '',
    '| | |',
    '| --- | --- |',
    `| files | ${dataFiles(facts.format).map((file) => `\`${file}\``).join(', ')} |`,
    `| scope | ${facts.scope === 'verified' ? 'verified letters only' : 'all letters, with their review status'} |`,
    `| filters | ${facts.filters.length === 0 ? 'none' : escapeCell(facts.filters.join('; '))} |`,
    `| source spans | ${facts.withSpans ? 'included' : 'not included'} |`,
    ...(facts.format === 'csv' ? [`| byte order mark | ${facts.bom ? 'yes (for Excel)' : 'no'} |`] : []),
    `| exported at | ${facts.exportedAt} |`,
    `| app version | IMR Review Workstation ${facts.appVersion} |`,
    `| parser versions | ${countList(tally.parserVersions, 'letter')} |`,
    `| verified by | ${countList(tally.reviewers, 'letter')} |`,
    '',
    '## Counts',
    '',
    `- letters: ${tally.letters}`,
    `- items: ${tally.items}`,
    '',
    '| decision | items | share |',
    '| --- | ---: | ---: |',
    ...[...tally.decisions].map(([decision, n]) => `| ${decision === 'none' ? '(missing)' : decision} | ${n} | ${share(n, tally.items)} |`),
    '',
    '| review status | letters |',
    '| --- | ---: |',
    ...[...tally.statuses].sort().map(([status, n]) => `| ${status} | ${n} |`),
    ...unreadableDates(facts),
    '',
    '### Headline figures',
    '',
    'With 95% intervals (Wilson for shares, normal approximation for the mean). A reviewer\'s letters are not a random',
    'sample of IMR decisions, so these describe this dataset, not the IMR program.',
    '',
    ...decisionFiguresMarkdown(facts.figures),
    '',
    ...checksSection(tally),
    ...vocabularySection(tally),
    ...schema(facts),
    '## Notes',
    '',
    '- Values keep the letter\'s wording: whitespace runs are one space, everything else (typos, case,',
    '  punctuation) is as printed. Rows are sorted by `sha256`, then item order.',
    '- The letter text itself is not part of the dataset.',
    '',
  ].join('\n');
}

function frontMatter(format: ExportFormat): string {
  const configs =
    format === 'parquet'
      ? [config('items', PARQUET_ITEMS_FILE, true), config('letters', PARQUET_LETTERS_FILE, false), config('citations', PARQUET_CITATIONS_FILE, false)]
      : [config('default', format === 'csv' ? CSV_FILE : JSONL_FILE, true)];
  return ['---', 'pretty_name: IMR Final Determination Letters', 'configs:', ...configs, '---', ''].join('\n');
}

function config(name: string, file: string, isDefault: boolean): string {
  return [`- config_name: ${name}`, `  data_files: ${file}`, ...(isDefault ? ['  default: true'] : [])].join('\n');
}

function dataFiles(format: ExportFormat): string[] {
  if (format === 'jsonl') return [JSONL_FILE];
  if (format === 'csv') return [CSV_FILE];
  return [PARQUET_LETTERS_FILE, PARQUET_ITEMS_FILE, PARQUET_CITATIONS_FILE];
}

/** Every rule check with its meaning, and how many findings this export holds. */
function checksSection(tally: ExportTally): string[] {
  return [
    '## Rule checks',
    '',
    "Checks run over each letter's exported values; a finding flags a value for a person to look at,",
    'it changes nothing. The decision window is a setting of the library (default 40 days Standard, 4 Expedited).',
    '',
    '| check | findings | what it checks |',
    '| --- | ---: | --- |',
    ...Object.entries(CHECK_CODES).map(([code, description]) => `| \`${code}\` | ${tally.checks.get(code) ?? 0} | ${escapeCell(description)} |`),
    '',
  ];
}

/** The service taxonomy with this export's counts, and the vocabulary's version. */
function vocabularySection(tally: ExportTally): string[] {
  const terms = (title: string, list: readonly { id: string; description: string }[], counts?: ReadonlyMap<string, number>) => [
    `| ${title} | ${counts ? 'items | ' : ''}meaning |`,
    `| --- | ${counts ? '---: | ' : ''}--- |`,
    ...list.map((term) => `| \`${term.id}\` | ${counts ? `${counts.get(term.id) ?? 0} | ` : ''}${escapeCell(term.description)} |`),
    '',
  ];
  return [
    '## Structured values',
    '',
    `Services and guideline citations read by the domain vocabulary, version ${VOCABULARY_VERSION}; a category or drug class a`,
    'person set wins over the reading (`serviceCategoryCorrected`). A service no rule places is `other`.',
    '',
    ...terms('service category', SERVICE_CATEGORIES, tally.categories),
    ...terms('drug class', DRUG_CLASSES),
    ...terms('citation source', CITATION_SOURCES),
    ...terms('MTUS part', MTUS_PARTS),
  ];
}

function schema(facts: CardFacts): string[] {
  const spans = facts.withSpans;
  if (facts.format === 'jsonl') {
    return [
      '## Schema',
      '',
      `\`${JSONL_FILE}\`: one JSON object per line, one line per letter, UTF-8.`,
      '',
      ...keyTable(jsonlLetterKeys(spans)),
      '',
      'Each element of `items`:',
      '',
      ...keyTable(jsonlItemKeys(spans)),
      '',
    ];
  }
  if (facts.format === 'csv') {
    return [
      '## Schema',
      '',
      `\`${CSV_FILE}\`: RFC 4180 CSV, UTF-8, CRLF line ends, a header row; one row per item with its`,
      "letter's columns repeated (a letter without items has one row with empty item columns).",
      'Empty cells are missing values.',
      '',
      ...columnTable([...letterColumns(spans), ...itemColumns(spans)], CSV_TYPES),
      '',
    ];
  }
  return [
    '## Schema',
    '',
    `\`${PARQUET_LETTERS_FILE}\`: one row per letter.`,
    '',
    ...columnTable(letterColumns(spans), PARQUET_TYPES),
    '',
    `\`${PARQUET_ITEMS_FILE}\`: one row per item; join to the letters on \`sha256\`.`,
    '',
    ...columnTable([...ITEM_KEY_COLUMNS, ...itemColumns(spans)], PARQUET_TYPES),
    '',
    `\`${PARQUET_CITATIONS_FILE}\`: one row per guideline citation; join to the items on \`sha256\` and \`itemNumber\`.`,
    '',
    ...columnTable(CITATION_COLUMNS, PARQUET_TYPES),
    '',
  ];
}

function keyTable(keys: readonly KeyDoc[]): string[] {
  return [
    '| key | type | description |',
    '| --- | --- | --- |',
    ...keys.map((doc) => `| \`${doc.key}\` | ${escapeCell(doc.type)} | ${escapeCell(doc.description)} |`),
  ];
}

function columnTable(
  columns: readonly Pick<Column<never>, 'name' | 'type' | 'description'>[],
  types: Record<ColumnType, string>,
): string[] {
  return [
    '| column | type | description |',
    '| --- | --- | --- |',
    ...columns.map((column) => `| \`${column.name}\` | ${types[column.type]} | ${escapeCell(column.description)} |`),
  ];
}

function unreadableDates(facts: CardFacts): string[] {
  if (facts.format === 'jsonl' || facts.tally.unreadableDates.size === 0) return [];
  return [
    '',
    'Printed dates that are not MM/DD/YYYY dates are empty in this format (the JSONL export keeps them as printed):',
    ...[...facts.tally.unreadableDates].map(([column, n]) => `- \`${column}\`: ${n}`),
  ];
}

function countList(counts: ReadonlyMap<string, number>, unit: string): string {
  if (counts.size === 0) return 'none';
  return [...counts]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, n]) => `${escapeCell(name)} (${n} ${unit}${n === 1 ? '' : 's'})`)
    .join(', ');
}

function share(n: number, total: number): string {
  return total === 0 ? '-' : `${((100 * n) / total).toFixed(1)}%`;
}

function escapeCell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}
