/**
 * A batch killed (SIGKILL) at a random moment, then run again: the folder ends complete (every
 * file in the manifest, every letter once in the shards, no partial shard left), and the rerun
 * reads none of the files the manifest held when the kill came.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { runBatch, shardName } from '../../src/main/batch/index.ts';
import { writeFixtureFolder } from '../fixtures/index.ts';
import { BIN } from '../cli/runCli.ts';
import { duckRows } from '../export/readBack.ts';

const LETTERS = 90;
const SHARD_LETTERS = 8;
let dir: string;
let letters: string[];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'imr-batch-kill-'));
  const folder = path.join(dir, 'letters');
  letters = (await writeFixtureFolder(folder, { count: LETTERS, seed: 3500, pdfShare: 0.4 })).filter((entry) => !entry.bad).map((entry) => path.join(folder, entry.file));
}, 180_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The manifest's rows, or none when the kill came before it was made. */
function held(out: string): { files: number; shards: number[] } {
  const file = path.join(out, 'manifest.sqlite');
  if (!existsSync(file)) return { files: 0, shards: [] };
  const db = new Database(file, { readonly: true });
  try {
    return {
      files: db.prepare('SELECT COUNT(*) FROM files').pluck().get() as number,
      shards: db.prepare('SELECT id FROM shards ORDER BY id').pluck().all() as number[],
    };
  } catch {
    return { files: 0, shards: [] }; // made, its tables not yet
  } finally {
    db.close();
  }
}

test('killed after a random number of shards and a random moment more, run again: complete, and nothing the manifest held is read again', async () => {
  const out = path.join(dir, 'out');
  const list = path.join(dir, 'list.txt');
  writeFileSync(list, `${letters.join('\n')}\n`);
  const shardsBeforeKill = Math.floor(Math.random() * Math.floor(LETTERS / SHARD_LETTERS));
  const extraMs = Math.floor(Math.random() * 400);
  const where = `killed after ${shardsBeforeKill} shards and ${extraMs} ms more`;

  const child = spawn(process.execPath, [BIN, 'extract', '--files-from', list, '--out', out, '--format', 'parquet', '--shard-letters', String(SHARD_LETTERS), '--threads', '1'], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  let running = true;
  void exited.then(() => (running = false));
  while (running && held(out).shards.length < shardsBeforeKill) await sleep(20);
  await sleep(extraMs);
  child.kill('SIGKILL');
  await exited;

  const before = held(out);
  const summary = await runBatch(letters, { outDir: out, shardLetters: SHARD_LETTERS, threads: 2 });
  expect(summary.held, where).toBe(before.files);
  expect(summary.letters, where).toBe(letters.length - before.files);
  expect(summary.manifest, where).toEqual({ files: letters.length, letters: letters.length, duplicates: 0, failed: 0 });

  const after = held(out);
  expect(after.shards.slice(0, before.shards.length), where).toEqual(before.shards);
  expect(readdirSync(path.join(out, 'shards')).sort(), where).toEqual(after.shards.map(shardName));
  const [rows] = await duckRows(`SELECT COUNT(*) AS n, COUNT(DISTINCT sha256) AS distinct FROM read_parquet('${path.join(out, 'shards/*/letters.parquet')}')`);
  expect(rows, where).toEqual({ n: letters.length, distinct: letters.length });
  expect(readFileSync(path.join(out, 'README.md'), 'utf8'), where).toContain(`- letters: ${letters.length}`);
}, 240_000);
