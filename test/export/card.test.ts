/**
 * The dataset card's front matter against the data it describes: the features of every config
 * match what the files hold (every JSONL record conforms, key by key; every Parquet column has
 * the declared type as DuckDB reads it; the CSV header is the feature list), the card's wording
 * is true for the scope exported, and its pandas read options give every column its type.
 * The JSONL check also runs over the real letters in ../shared/letters where that folder is.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { exportDataset } from '../../src/main/export/index.ts';
import { importLetters } from '../../src/main/import/pipeline.ts';
import { createTag, openLibrary, tagLetter } from '../../src/main/storage/index.ts';
import type { ExportFormat } from '../../src/shared/export.ts';
import { addNote, updateLetterField } from '../review/asReviewer.ts';
import { duckType, fromYaml, nonConforming } from './conformance.ts';
import type { YamlFeature } from './conformance.ts';
import { buildReviewedDataset, REVIEWER } from './dataset.ts';
import { duckTypes, readJsonl } from './readBack.ts';

interface Card {
  readonly yaml: {
    license: string;
    language: string[];
    task_categories: string[];
    size_categories: string[];
    configs?: { config_name: string; data_files: string; default?: boolean }[];
    dataset_info?: { config_name: string; features: YamlFeature[] }[];
  };
  readonly body: string;
}

const REAL_LETTERS = path.resolve(import.meta.dirname, '../../../shared/letters/dev');
const realMissing = existsSync(REAL_LETTERS) ? null : `${REAL_LETTERS} not found`;
let folder: string;
let library: string;

function readCard(outDir: string): Card {
  const text = readFileSync(path.join(outDir, 'README.md'), 'utf8');
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!match) throw new Error('the card has no front matter');
  return { yaml: parse(match[1] ?? '') as Card['yaml'], body: match[2] ?? '' };
}

function features(card: Card, config: string) {
  const info = card.yaml.dataset_info?.find((entry) => entry.config_name === config);
  if (!info) throw new Error(`no dataset_info for ${config}`);
  return fromYaml(info.features);
}

const out = (format: ExportFormat | 'verified') => path.join(folder, format);

beforeAll(async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'imr-card-'));
  library = path.join(folder, 'reviews.imrlib');
  const opened = openLibrary(library, { reviewer: REVIEWER });
  const dataset = buildReviewedDataset(opened);
  const separator = createTag(opened.db, { name: 'pain; chronic', colour: '#2f9e44', scope: 'letter' });
  tagLetter(opened.db, dataset.letterIds.flagged, separator);
  addNote(opened.db, dataset.letterIds.flagged, 'First line.\nSecond line of the same note.');
  updateLetterField(opened.db, dataset.letterIds.unreviewed, 'caseNumber', '0012345');
  opened.close();
  for (const format of ['jsonl', 'csv', 'parquet', 'xlsx'] as const) {
    await exportDataset(library, { format, outDir: out(format), scope: 'all', withSpans: format === 'jsonl' });
  }
  await exportDataset(library, { format: 'parquet', outDir: out('verified') });
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('the card front matter', () => {
  test('states the license, language, tasks and size, and names data files that exist', () => {
    for (const format of ['jsonl', 'csv', 'parquet', 'xlsx'] as const) {
      const card = readCard(out(format));
      expect(card.yaml.license).toBe('unknown');
      expect(card.yaml.language).toEqual(['en']);
      expect(card.yaml.task_categories).toEqual(['text-classification', 'token-classification']);
      expect(card.yaml.size_categories).toEqual(['n<1K']);
      for (const config of card.yaml.configs ?? []) expect(existsSync(path.join(out(format), config.data_files)), config.data_files).toBe(true);
    }
    // Hugging Face datasets does not read workbooks: no config points at one.
    expect(readCard(out('xlsx')).yaml.configs).toBeUndefined();
    expect(readCard(out('parquet')).yaml.configs?.map((config) => config.config_name)).toEqual(['items', 'letters', 'citations']);
  });

  test('every JSONL record, items and spans included, is exactly of the declared features', () => {
    const declared = features(readCard(out('jsonl')), 'letters');
    const records = readJsonl(path.join(out('jsonl'), 'letters.jsonl'));
    expect(records.length).toBe(5);
    for (const record of records) expect(nonConforming(record, { struct: declared }), record.file).toEqual([]);
    expect(declared.map((feature) => feature.name)).toEqual(Object.keys(records[0] ?? {}));
    // The declared types are tight enough to catch a wrong value.
    expect(nonConforming({ ...records[0], fileSize: '1044' }, { struct: declared })).toEqual(['$.fileSize: "1044" is not int32']);
    expect(nonConforming({ ...records[0], extra: 1 }, { struct: declared })).toEqual(['$.extra: not declared']);
  });

  test('every Parquet column has the declared type, in the declared order', async () => {
    const card = readCard(out('parquet'));
    for (const config of card.yaml.configs ?? []) {
      const declared = features(card, config.config_name);
      const types = await duckTypes(`read_parquet('${path.join(out('parquet'), config.data_files)}')`);
      // DuckDB quotes a member named like a keyword ("value").
      expect(Object.entries(types).map(([name, type]) => [name, type.replaceAll('"', '')]), config.config_name).toEqual(declared.map((feature) => [feature.name, duckType(feature.type)]));
    }
  });

  test('the CSV header is the declared feature list; lists, dates and instants are declared as the text they are', () => {
    const declared = features(readCard(out('csv')), 'items');
    const header = readFileSync(path.join(out('csv'), 'items.csv'), 'utf8').split('\r\n')[0]?.split(',');
    expect(declared.map((feature) => feature.name)).toEqual(header);
    expect(declared.find((feature) => feature.name === 'tags')?.type).toBe('string');
    // datasets' CSV reader takes a column with no value as numbers, which no date type is cast from.
    expect(declared.find((feature) => feature.name === 'dateAssigned')?.type).toBe('string');
    expect(declared.find((feature) => feature.name === 'verifiedAt')?.type).toBe('string');
  });
});

describe('lists', () => {
  test('a tag holding "; " and a note holding a line break stay one tag and one note', async () => {
    const [flagged] = readJsonl(path.join(out('jsonl'), 'letters.jsonl')).filter((record) => record.status === 'flagged');
    expect(flagged?.tags).toEqual(['pain; chronic']);
    expect(flagged?.notes.map((note) => note.body)).toEqual(['First line.\nSecond line of the same note.']);
    const csv = readFileSync(path.join(out('csv'), 'items.csv'), 'utf8');
    expect(csv).toContain(',"[""pain; chronic""]",');
  });
});

describe('the card wording', () => {
  test('says who exported from which library, and what only verified letters are', () => {
    const all = readCard(out('parquet')).body;
    expect(all).toContain('| library | `reviews.imrlib` |');
    expect(all).toContain(`| exported by | ${REVIEWER} |`);
    expect(all).toContain('only `verified` letters were checked by a person');
    expect(all).not.toContain('each letter checked and verified by a person');
    const verified = readCard(out('verified')).body;
    expect(verified).toContain('each letter checked and verified by a person');
  });

  test('has a section on the medical content and on the license', () => {
    const { body } = readCard(out('csv'));
    expect(body).toContain('## Sensitive content');
    expect(body).toMatch(/injured workers' medical conditions/);
    expect(body).toContain('## License');
    expect(body).toContain('`unknown`');
  });
});

/** The first Python that has pandas (a version manager's python3 may shadow the system's, which apt gives pandas). */
const python = ['python3', '/usr/bin/python3'].find((candidate) => {
  try {
    execFileSync(candidate, ['-c', 'import pandas'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
});
const pandas = python ? null : 'no python3 with pandas is installed (apt-get install python3-pandas)';

describe.skipIf(pandas)(pandas ? `the card's pandas read options (skipped: ${pandas})` : "the card's pandas read options", () => {
  test('give text columns as text, integers as integers, booleans as booleans and dates as dates', () => {
    const code = /```python\n([\s\S]*?)```/.exec(readCard(out('csv')).body)?.[1] ?? '';
    const pandasPart = code.split('import polars')[0] ?? '';
    expect(pandasPart).toContain('pd.read_csv');
    const report = execFileSync(
      python ?? 'python3',
      ['-c', `${pandasPart}\nimport json\nprint(json.dumps({"dtypes": {c: str(t) for c, t in items.dtypes.items()}, "cases": items["caseNumber"].tolist()}))`],
      { cwd: out('csv'), encoding: 'utf8' },
    );
    const { dtypes, cases } = JSON.parse(report) as { dtypes: Record<string, string>; cases: string[] };
    expect(dtypes).toMatchObject({
      caseNumber: 'string',
      parserVersion: 'string',
      itemNumber: 'Int32',
      fileSize: 'Int32',
      addedByReviewer: 'boolean',
      caseNumberEdited: 'boolean',
      dateAssigned: 'datetime64[ns]',
      verifiedAt: 'datetime64[ns, UTC]',
      tags: 'string',
    });
    expect(cases).toContain('0012345');
  });
});

describe.skipIf(realMissing)(realMissing ? `the JSONL features on real letters (skipped: ${realMissing})` : 'the JSONL features on real letters', () => {
  test('every record of the real letters, with spans, is of the declared features', async () => {
    const realFolder = mkdtempSync(path.join(tmpdir(), 'imr-card-real-'));
    try {
      const real = openLibrary(path.join(realFolder, 'real.imrlib'), { reviewer: REVIEWER });
      const files = readdirSync(REAL_LETTERS).filter((name) => name.endsWith('.txt')).map((name) => path.join(REAL_LETTERS, name));
      await importLetters(real, files, { threads: 2 });
      real.close();
      // A folder of its own: the library's folder holds files an export does not write into.
      const outDir = path.join(realFolder, 'export');
      await exportDataset(real.file, { format: 'jsonl', outDir, scope: 'all', withSpans: true });
      const declared = features(readCard(outDir), 'letters');
      const records = readJsonl(path.join(outDir, 'letters.jsonl'));
      expect(records.length).toBe(files.length);
      expect(records.flatMap((record) => nonConforming(record, { struct: declared }, record.file))).toEqual([]);
    } finally {
      rmSync(realFolder, { recursive: true, force: true });
    }
    // A bound, not a speed check: every real letter read, imported and exported.
  }, 120_000);
});
