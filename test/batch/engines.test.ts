/**
 * The engine recipes of docs/archive.md, run for real: a folder's paths through
 * `imr-review extract --files-from -` on Dask (engines/dask_extract.py) and on a local Apache
 * Spark (engines/spark_extract.py, local[2], RDD.pipe), and their JSONL read back by DuckDB with
 * the types the export's dataset card declares for a JSONL record. Each skips, saying why, where
 * its engine is not installed.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { exportTables } from '../../src/main/export/cardTables.ts';
import type { FeatureType } from '../../src/main/export/features.ts';
import type { GoldLetter } from '../fixtures/index.ts';
import { writeFixtureFolder } from '../fixtures/index.ts';
import { BIN } from '../cli/runCli.ts';
import { duckRows } from '../export/readBack.ts';

const run = promisify(execFile);
const PYTHON = process.env['PYTHON'] ?? '/usr/bin/python3';
const ENGINES = path.resolve(import.meta.dirname, '../../engines');

function lacks(module: string): boolean {
  try {
    execFileSync(PYTHON, ['-c', `import ${module}`], { stdio: 'ignore' });
    return false;
  } catch {
    return true;
  }
}

function lacksJava(): boolean {
  try {
    execFileSync('java', ['-version'], { stdio: 'ignore' });
    return false;
  } catch {
    return true;
  }
}

const noDask = lacks('dask') ? ` (skipped: ${PYTHON} has no dask; apt-get install python3-dask)` : '';
const noSpark = lacks('pyspark') ? ` (skipped: ${PYTHON} has no pyspark; pip install pyspark, see docs/archive.md)` : lacksJava() ? ' (skipped: no java for Spark; apt-get install default-jre-headless)' : '';

let dir: string;
let truths: Map<string, GoldLetter>;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'imr-engines-'));
  const folder = path.join(dir, 'letters');
  const entries = (await writeFixtureFolder(folder, { count: 16, seed: 3700, pdfShare: 0.5 })).filter((entry) => !entry.bad);
  truths = new Map(entries.map((entry) => [path.join(folder, entry.file), JSON.parse(readFileSync(path.join(folder, entry.file.replace(/\.(pdf|txt)$/, '.json')), 'utf8')) as GoldLetter]));
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A feature's type as DuckDB SQL, members quoted (a record may have a member named like a keyword). */
function sqlType(type: FeatureType): string {
  if (typeof type === 'string') return { string: 'VARCHAR', int32: 'INTEGER', bool: 'BOOLEAN', date32: 'DATE', 'timestamp[ms, tz=UTC]': 'TIMESTAMPTZ' }[type];
  if ('list' in type) return `${sqlType(type.list)}[]`;
  return `STRUCT(${type.struct.map((member) => `"${member.name}" ${sqlType(member.type)}`).join(', ')})`;
}

/** The engine's JSONL parts through DuckDB, each column typed as the card's JSONL features declare. */
async function expectLettersIn(parts: string): Promise<void> {
  const [record] = exportTables('jsonl', false);
  const columns = (record?.features ?? []).map((feature) => `'${feature.name}': '${sqlType(feature.type).replaceAll("'", "''")}'`).join(', ');
  const rows = await duckRows(
    `SELECT file, caseNumber, len(items) AS items, [item.decision FOR item IN items] AS decisions FROM read_json('${parts}', format = 'newline_delimited', columns = {${columns}}) ORDER BY file`,
  );
  const expected = [...truths].sort(([a], [b]) => (a < b ? -1 : 1)).map(([file, truth]) => ({ file, caseNumber: truth.caseNumber, items: truth.items.length, decisions: truth.items.map((item) => item.decision) }));
  expect(rows).toEqual(expected);
}

describe('the archive on an existing engine', () => {
  test.skipIf(noDask !== '')(`Dask: a bag of paths, a partition per extract process, JSONL parts read by DuckDB with the card's types${noDask}`, async () => {
    const out = path.join(dir, 'dask');
    await run(PYTHON, [path.join(ENGINES, 'dask_extract.py'), path.join(dir, 'letters'), out, process.execPath, BIN], { env: { ...process.env, DASK_PARTITIONS: '3' } });
    await expectLettersIn(path.join(out, 'part-*.jsonl'));
  }, 180_000);

  test.skipIf(noSpark !== '')(`Spark local[2]: an RDD of paths piped through extract, saved as text, read by DuckDB with the card's types${noSpark}`, async () => {
    const out = path.join(dir, 'spark');
    await run(PYTHON, [path.join(ENGINES, 'spark_extract.py'), path.join(dir, 'letters'), out, process.execPath, BIN], { env: { ...process.env, SPARK_MASTER: 'local[2]' } });
    await expectLettersIn(path.join(out, 'part-*'));
  }, 300_000);
});
