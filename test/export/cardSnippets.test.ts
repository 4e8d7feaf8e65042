/**
 * The dataset card's "Reading the data" blocks run as written, from the export's folder, in the
 * Python libraries they name (pandas, polars, DuckDB, Hugging Face datasets; openpyxl for the
 * workbook): for every format, over a reviewed library's verified letters, an export with
 * nothing verified (--all on a library nobody reviewed) and an empty export. Every block of a
 * card reads every table to the same number of rows. A library that is not installed is skipped,
 * saying so (.ci/run installs them).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { exportDataset } from '../../src/main/export/index.ts';
import { insertParsedLetter, openLibrary } from '../../src/main/storage/index.ts';
import { EXPORT_FORMATS } from '../../src/shared/export.ts';
import type { ExportFormat } from '../../src/shared/export.ts';
import { buildLetter } from '../storage/helpers.ts';
import { buildReviewedDataset, REVIEWER } from './dataset.ts';

const PYTHON = '/usr/bin/python3';
/** The Python module each block's library is, as the card names the library. */
const MODULES: Record<string, string> = { pandas: 'pandas', polars: 'polars', DuckDB: 'duckdb', 'Hugging Face datasets': 'datasets', 'pandas (with openpyxl)': 'openpyxl' };

function installed(module: string): boolean {
  try {
    execFileSync(PYTHON, ['-c', `import ${module}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const available = Object.fromEntries(Object.values(MODULES).map((module) => [module, installed(module)]));
const missing = Object.entries(available).filter(([, there]) => !there).map(([module]) => module);
if (missing.length > 0) console.warn(`cardSnippets.test.ts: the blocks for ${missing.join(', ')} are skipped: not installed for ${PYTHON} (.ci/run installs them)`);

/** Runs each block in a namespace of its own and says, per block, the rows of every table it read, or its error. */
const HARNESS = `
import json, sys, warnings
warnings.filterwarnings("ignore")
results = []
for block in json.load(sys.stdin):
    scope = {}
    try:
        exec(block["code"], scope)
        rows = {name: (scope[name].shape[0] if hasattr(scope[name], "shape") else len(scope[name])) for name in block["tables"]}
        results.append({"library": block["library"], "rows": rows})
    except Exception as error:
        results.append({"library": block["library"], "error": f"{type(error).__name__}: {error}"[:500]})
print(json.dumps(results))
`;

interface Block {
  readonly library: string;
  readonly code: string;
  readonly tables: readonly string[];
}

function blocksOf(card: string): Block[] {
  const section = card.slice(card.indexOf('## Reading the data'));
  const tables = [.../leaves one variable per table \(([^)]*)\)/.exec(section)?.[1]?.matchAll(/`([a-z]+)`/g) ?? []].map((match) => match[1] ?? '');
  return [...section.matchAll(/^([^\n]+):\n\n```python\n([\s\S]*?)```/gm)].map((match) => ({ library: match[1] ?? '', code: match[2] ?? '', tables }));
}

let dir: string;
const CASES = ['verified', 'nothing verified', 'empty'] as const;
const folderOf = (kind: (typeof CASES)[number], format: ExportFormat) => path.join(dir, `${kind.replace(' ', '-')}-${format}`);

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'imr-card-snippets-'));
  const reviewed = openLibrary(path.join(dir, 'reviewed.sqlite'), { reviewer: REVIEWER });
  buildReviewedDataset(reviewed);
  reviewed.close();
  const unreviewed = openLibrary(path.join(dir, 'unreviewed.sqlite'), { reviewer: REVIEWER });
  for (const caseNumber of ['CM16-0000001', 'CM16-0000002']) {
    const { source, parsed } = buildLetter({ caseNumber, items: [{ service: 'MRI lumbar spine', decision: 'Upheld' }] });
    insertParsedLetter(unreviewed.db, source, parsed, null);
  }
  unreviewed.close();
  const empty = openLibrary(path.join(dir, 'empty.sqlite'), { reviewer: REVIEWER });
  empty.close();
  for (const format of EXPORT_FORMATS) {
    await exportDataset(reviewed.file, { format, outDir: folderOf('verified', format), scope: 'verified' });
    await exportDataset(unreviewed.file, { format, outDir: folderOf('nothing verified', format), scope: 'all' });
    await exportDataset(empty.file, { format, outDir: folderOf('empty', format), scope: 'verified' });
  }
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LETTERS = { verified: 3, 'nothing verified': 2, empty: 0 } as const;

describe.each(CASES)("the card's reading blocks, %s", (kind) => {
  test.each(EXPORT_FORMATS)('%s: every block runs and reads every table to the same rows', (format) => {
    const outDir = folderOf(kind, format);
    const blocks = blocksOf(readFileSync(path.join(outDir, 'README.md'), 'utf8'));
    const runnable = blocks.filter((block) => available[MODULES[block.library] ?? ''] === true);
    expect(blocks.length).toBeGreaterThan(0);
    if (runnable.length === 0) return;
    const output = execFileSync(PYTHON, ['-c', HARNESS], {
      cwd: outDir,
      input: JSON.stringify(runnable),
      encoding: 'utf8',
      env: { ...process.env, HF_HOME: path.join(dir, 'huggingface'), HF_HUB_OFFLINE: '1', HF_DATASETS_OFFLINE: '1' },
    });
    const results = JSON.parse(output) as { library: string; rows?: Record<string, number>; error?: string }[];
    expect(results.filter((result) => result.error !== undefined)).toEqual([]);
    const first = results[0]?.rows ?? {};
    for (const result of results) expect({ library: result.library, rows: result.rows }).toEqual({ library: result.library, rows: first });
    const letters = first['letters'];
    if (letters !== undefined) expect(letters).toBe(LETTERS[kind]);
  });
});

test('an empty export says which libraries cannot read it, and gives no block for them', () => {
  const card = readFileSync(path.join(folderOf('empty', 'jsonl'), 'README.md'), 'utf8');
  expect(card).toContain('This export holds no letters, so polars and Hugging Face datasets cannot read it (there are no rows to load).');
  expect(blocksOf(card).map((block) => block.library)).toEqual(['pandas', 'DuckDB']);
});
