/**
 * `extract --out DIR --format parquet`: shards of the export's tables, read back by DuckDB with
 * the card's types; a manifest of every file; a rerun with more files reads only the new ones.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runBatch } from '../../src/main/batch/index.ts';
import { LETTER_COLUMNS } from '../../src/main/export/columns.ts';
import type { GoldLetter } from '../fixtures/index.ts';
import { writeBadFile, writeFixtureFolder } from '../fixtures/index.ts';
import { cli } from '../cli/runCli.ts';
import { duckType, fromYaml } from '../export/conformance.ts';
import type { YamlFeature } from '../export/conformance.ts';
import { duckRows, duckTypes } from '../export/readBack.ts';

let dir: string;
let letters: string[];
let truths: Map<string, GoldLetter>;
let out: string;

interface CardYaml {
  configs: { config_name: string; data_files: string }[];
  dataset_info: { config_name: string; features: YamlFeature[] }[];
}

function cardYaml(): CardYaml {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(readFileSync(path.join(out, 'README.md'), 'utf8'));
  return parse(match?.[1] ?? '') as CardYaml;
}

function manifest(): { path: string; sha256: string; shard: number | null; outcome: string }[] {
  const db = new Database(path.join(out, 'manifest.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT path, sha256, shard, outcome FROM files ORDER BY rowid').all() as { path: string; sha256: string; shard: number | null; outcome: string }[];
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'imr-batch-'));
  const folder = path.join(dir, 'letters');
  const entries = (await writeFixtureFolder(folder, { count: 30, seed: 3300, pdfShare: 0.5 })).filter((entry) => !entry.bad);
  letters = entries.map((entry) => path.join(folder, entry.file));
  truths = new Map(entries.map((entry) => [path.join(folder, entry.file), JSON.parse(readFileSync(path.join(folder, entry.file.replace(/\.(pdf|txt)$/, '.json')), 'utf8')) as GoldLetter]));
  out = path.join(dir, 'out');
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a batch to Parquet', () => {
  test('shards of at most --shard-letters letters, every file in the manifest, the tables read by DuckDB with the card\'s types', async () => {
    const list = path.join(dir, 'first.txt');
    writeFileSync(list, `${letters.slice(0, 20).join('\n')}\n`);
    const { code, stderr } = await cli('extract', '--files-from', list, '--out', out, '--format', 'parquet', '--shard-letters', '7');
    expect(code, stderr).toBe(0);
    expect(readdirSync(path.join(out, 'shards')).sort()).toEqual(['00001', '00002', '00003']);
    const files = manifest();
    expect(files.map((file) => file.path)).toEqual(letters.slice(0, 20));
    expect(files.map((file) => file.shard)).toEqual(letters.slice(0, 20).map((_, index) => Math.floor(index / 7) + 1));

    const card = cardYaml();
    expect(card.configs.map((config) => config.data_files)).toEqual(['shards/*/items.parquet', 'shards/*/letters.parquet', 'shards/*/citations.parquet']);
    for (const config of card.configs) {
      const declared = fromYaml(card.dataset_info.find((info) => info.config_name === config.config_name)?.features ?? []);
      const types = await duckTypes(`read_parquet('${path.join(out, config.data_files)}')`);
      expect(Object.entries(types).map(([name, type]) => [name, type.replaceAll('"', '')]), config.config_name).toEqual(declared.map((feature) => [feature.name, duckType(feature.type)]));
    }
    // The export's letter columns, in its order.
    expect(Object.keys(await duckTypes(`read_parquet('${path.join(out, 'shards/*/letters.parquet')}')`))).toEqual(LETTER_COLUMNS.map((column) => column.name));

    const rows = await duckRows(`SELECT sha256, caseNumber, itemCount, status, reviewState FROM read_parquet('${path.join(out, 'shards/*/letters.parquet')}')`);
    const byHash = new Map(files.map((file) => [file.sha256, file.path]));
    expect(rows).toHaveLength(20);
    for (const row of rows) {
      const truth = truths.get(byHash.get(String(row.sha256)) ?? '');
      expect(row).toEqual({ sha256: row.sha256, caseNumber: truth?.caseNumber, itemCount: truth?.items.length, status: 'unreviewed', reviewState: 'machine' });
    }
    const [items] = await duckRows(`SELECT COUNT(*) AS n FROM read_parquet('${path.join(out, 'shards/*/items.parquet')}')`);
    expect(items?.n).toBe([...truths.entries()].filter(([file]) => letters.slice(0, 20).includes(file)).reduce((sum, [, truth]) => sum + truth.items.length, 0));
  });

  test('run again with more files (a copy of a letter, a broken PDF among them): only the new files are read; the copy is a duplicate', async () => {
    const copy = path.join(dir, 'copy of a letter.pdf');
    copyFileSync(letters.find((file) => file.endsWith('.pdf')) as string, copy);
    const broken = path.join(dir, 'broken.pdf');
    await writeBadFile('corrupt-pdf', broken);
    const summary = await runBatch([...letters, copy, broken], { outDir: out, shardLetters: 7, threads: 2 });
    expect(summary).toMatchObject({ done: 32, held: 20, letters: 10, duplicates: 1, failed: 1, shards: 2, cancelled: false });
    expect(summary.manifest).toEqual({ files: 32, letters: 30, duplicates: 1, failed: 1 });
    const byPath = new Map(manifest().map((file) => [file.path, file]));
    expect([byPath.get(copy)?.outcome, byPath.get(broken)?.outcome]).toEqual(['duplicate', 'corrupt-pdf']);
    const [letterRows] = await duckRows(`SELECT COUNT(*) AS n, COUNT(DISTINCT sha256) AS distinct FROM read_parquet('${path.join(out, 'shards/*/letters.parquet')}')`);
    expect(letterRows).toEqual({ n: 30, distinct: 30 });
    expect(readFileSync(path.join(out, 'README.md'), 'utf8')).toContain('- letters: 30');

    const again = await runBatch([...letters, copy, broken], { outDir: out, shardLetters: 7, threads: 2 });
    expect(again).toMatchObject({ done: 32, held: 32, letters: 0, shards: 0 });
  });
});
