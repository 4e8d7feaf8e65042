/**
 * Fault injection: exports killed with SIGKILL at every file system change of their commit (in
 * a child process that kills itself right after the Nth change), and at random moments of a
 * longer export from the command line. After every kill the folder holds the previous complete
 * set or the new one (or, in the instant between the two renames, neither, with both whole
 * beside it); the next export finishes or clears what was left, and nothing stays beside it.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { exportDataset, recoverExportFolder } from '../../src/main/export/index.ts';
import { besideFolder } from '../export/folders.ts';
import { BIN, cli } from '../cli/runCli.ts';
import { testSize } from '../testSize.ts';
import { libraryOf, setContents } from './libraries.ts';

const CHILD = path.resolve(import.meta.dirname, 'exportChild.ts');
const GUARD = { timeoutMs: 10_000 };
let dir: string;
let library: string;

let previousDir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'imr-fault-export-'));
  library = libraryOf(path.join(dir, 'library.sqlite'), 40);
  previousDir = path.join(dir, 'ref-jsonl');
  await exportDataset(library, { format: 'jsonl', outDir: previousDir, scope: 'all' });
});
/** Exports started here and not yet gone: a test that fails or runs out of time leaves none running. */
const running = new Set<ChildProcess>();
function tracked<Child extends ChildProcess>(child: Child): Child {
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}
afterAll(() => {
  for (const child of running) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** Runs the export child; resolves with its exit signal (SIGKILL when cut) and what it printed. */
function runChild(outDir: string, format: string, killAfter: number, force = false): Promise<{ signal: NodeJS.Signals | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = tracked(spawn(process.execPath, [CHILD, library, outDir, format, String(killAfter), ...(force ? ['force'] : [])], { stdio: ['ignore', 'pipe', 'pipe'] }));
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => (code !== 0 && signal === null ? reject(new Error(stderr)) : resolve({ signal, stdout })));
  });
}

type Outcome = 'previous' | 'new' | 'between';

/** Which whole set the folder holds now; fails the test on anything else (a mix, half a file). */
function outcomeOf(outDir: string, previous: Record<string, string>, next: Record<string, string>): Outcome {
  if (!existsSync(outDir)) {
    const beside = besideFolder(outDir).map((name) => path.join(path.dirname(outDir), name));
    const aside = beside.filter((name) => name.includes('.imr-previous-'));
    const staged = beside.filter((name) => name.includes('.imr-staging-'));
    expect(aside.map(setContents)).toEqual([previous]);
    expect(staged.map(setContents)).toEqual([next]);
    return 'between';
  }
  const now = setContents(outDir);
  if (JSON.stringify(now) === JSON.stringify(previous)) return 'previous';
  expect(now).toEqual(next);
  return 'new';
}

/** A bound, not a speed check: each of the commit's dozen or so changes is one child export, seconds each on busy cores. */
const EVERY_CHANGE_LIMIT_MS = 300_000;

describe('killed at every change of the commit', () => {
  test('over its own previous export: previous, previous…, then both whole beside the folder between the renames, then new', { timeout: EVERY_CHANGE_LIMIT_MS }, async () => {
    const nextDir = path.join(dir, 'ref-csv');
    const steps = Number((await runChild(nextDir, 'csv', 0)).stdout.trim());
    const previous = setContents(previousDir);
    const next = setContents(nextDir);
    // Over a set already there: staging made, three files created, folder aside, staging in, aside removed.
    const outDir = path.join(dir, 'out');
    cpSync(previousDir, outDir, { recursive: true });
    expect((await runChild(outDir, 'csv', 0)).stdout.trim()).toBe('7');
    expect(steps).toBe(5);

    const outcomes: Outcome[] = [];
    const afterRecovery: Outcome[] = [];
    for (let killAfter = 1; killAfter <= 7; killAfter++) {
      rmSync(outDir, { recursive: true, force: true });
      cpSync(previousDir, outDir, { recursive: true });
      expect((await runChild(outDir, 'csv', killAfter)).signal).toBe('SIGKILL');
      outcomes.push(outcomeOf(outDir, previous, next));
      await recoverExportFolder(GUARD, outDir);
      afterRecovery.push(outcomeOf(outDir, previous, next));
      expect(besideFolder(outDir)).toEqual([]);
    }
    expect(outcomes).toEqual(['previous', 'previous', 'previous', 'previous', 'between', 'new', 'new']);
    expect(afterRecovery).toEqual(['previous', 'previous', 'previous', 'previous', 'new', 'new', 'new']);
  });

  test('beside files the app did not write (force): every file whole at every cut, and the next start finishes the set', { timeout: EVERY_CHANGE_LIMIT_MS }, async () => {
    const outDir = path.join(dir, 'shared');
    const reference = path.join(dir, 'shared-ref');
    rmSync(reference, { recursive: true, force: true });
    for (const target of [reference]) {
      cpSync(previousDir, target, { recursive: true });
      writeFileSync(path.join(target, 'notes.txt'), 'keep me');
    }
    const previous = setContents(reference);
    const steps = Number((await runChild(reference, 'csv', 0, true)).stdout.trim());
    const next = setContents(reference);
    expect(Object.keys(next)).toEqual(['.imr-export.json', 'README.md', 'items.csv', 'notes.txt']);
    for (let killAfter = 1; killAfter <= steps; killAfter++) {
      rmSync(outDir, { recursive: true, force: true });
      cpSync(previousDir, outDir, { recursive: true });
      writeFileSync(path.join(outDir, 'notes.txt'), 'keep me');
      expect((await runChild(outDir, 'csv', killAfter, true)).signal).toBe('SIGKILL');
      // Each file is the previous set's or the new one's, whole; the foreign one untouched.
      const now = setContents(outDir);
      for (const [name, hash] of Object.entries(now)) {
        expect([previous[name], next[name]], `${name} after change ${killAfter}`).toContain(hash);
      }
      await recoverExportFolder(GUARD, outDir);
      const recovered = setContents(outDir);
      expect([JSON.stringify(previous), JSON.stringify(next)], `after change ${killAfter}`).toContain(JSON.stringify(recovered));
    }
  });
});

/** SIGKILLs at random moments: 6 in CI, 16 with IMR_TEST_SIZE=large, or IMR_EXPORT_KILLS of them. */
const KILLS = testSize('IMR_EXPORT_KILLS', { ci: 6, large: 16 });
/** A bound, not a speed check: each kill starts a command-line export (seconds on busy cores), beside the two whole exports. */
const KILLS_LIMIT_MS = 120_000 + KILLS * 20_000;

test(`${KILLS} SIGKILLs at random moments of a command-line export leave one whole set each time, and nothing piles up beside it`, { timeout: KILLS_LIMIT_MS }, async () => {
  const big = libraryOf(path.join(dir, 'big.sqlite'), 600);
  const outDir = path.join(dir, 'dataset');
  expect((await cli('export', '--db', big, '--format', 'jsonl', '--out', outDir, '--all')).code).toBe(0);
  const previous = setContents(outDir);
  const started = Date.now();
  const reference = path.join(dir, 'dataset-ref');
  expect((await cli('export', '--db', big, '--format', 'parquet', '--out', reference, '--all')).code).toBe(0);
  const exportMs = Date.now() - started;
  const next = setContents(reference);

  let last: Outcome = 'previous';
  for (let kill = 0; kill < KILLS; kill++) {
    const child = tracked(spawn(process.execPath, [BIN, 'export', '--db', big, '--format', 'parquet', '--out', outDir, '--all'], { stdio: 'ignore' }));
    const exited = new Promise((resolve) => child.once('exit', resolve));
    await new Promise((resolve) => setTimeout(resolve, Math.random() * exportMs * 1.2));
    child.kill('SIGKILL');
    await exited;
    last = outcomeOf(outDir, last === 'new' ? next : previous, next);
    // Whatever a kill left is cleared by the next export's start: at most one cut export's folders at a time.
    expect(besideFolder(outDir).length).toBeLessThanOrEqual(2);
  }
  expect((await cli('export', '--db', big, '--format', 'parquet', '--out', outDir, '--all')).code).toBe(0);
  expect(setContents(outDir)).toEqual(next);
  expect(besideFolder(outDir)).toEqual([]);
  expect(readdirSync(path.dirname(outDir)).filter((name) => name.includes('.imr-'))).toEqual([]);
});
