/**
 * The archive batch as a user runs it: `imr-review extract --files-from - --out DIR --format
 * parquet`, the whole command timed, against `xargs -P <cores> pdftotext -layout FILE /dev/null`
 * over the same PDFs.
 *
 * - Generated letters (text and PDF mixed as the fixtures make them) at a tenth of the size and
 *   at the size: letters per second per core, and the process's peak RSS at both (flat: the
 *   larger no more than 10% above the smaller, both under 300 MB).
 * - The real letters (../shared/letters/dev) copied with distinct bytes to about 2,000 PDFs:
 *   batch time / pdftotext time (target at most 1.5).
 * - A resume: the batch killed (SIGKILL) at a random moment, run again; the rerun must read
 *   none of the files the manifest held (held = manifest rows before the rerun).
 *
 * The size: BENCH_BATCH_LETTERS (default 10,000; the figure is 100,000, which takes
 * about an hour to generate and a quarter of one to read on a quiet 2-core machine).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { writeFixtureFolder } from '../test/fixtures/index.ts';
import { BIN, fileList, imrReview, missingTools, pdftotext } from './commands.ts';
import type { Timed } from './commands.ts';
import { DATA_DIR, realPdfFolder } from './data.ts';
import type { BenchResult } from './result.ts';

const LETTERS = Number(process.env['BENCH_BATCH_LETTERS'] ?? 10_000);
const REAL_COPIES = 2000;
const TARGET_RSS_MB = 300;
const TARGET_RATIO = 1.5;
/** The larger run's peak may be this much above the smaller's and still count as flat. */
const FLAT_GROWTH = 1.1;

/** A folder of `count` generated letters, PDF and text as the fixtures mix them, written on first use. */
async function mixedFolder(count: number): Promise<string[]> {
  const folder = path.join(DATA_DIR, `mixed-${count}`);
  const letters = async () => (await readdir(folder)).filter((name) => name.endsWith('.pdf') || name.endsWith('.txt')).sort();
  if (!existsSync(folder) || (await letters()).length !== count) {
    process.stdout.write(`    (writing ${count} generated letters to ${folder}, once)\n`);
    await rm(folder, { recursive: true, force: true });
    await writeFixtureFolder(folder, { count, seed: 31 });
  }
  return (await letters()).map((name) => path.join(folder, name));
}

/** The batch over the listed files into a fresh folder. */
async function batch(name: string, list: string): Promise<Timed & { readonly out: string }> {
  const out = path.join(DATA_DIR, `batch-${name}`);
  await rm(out, { recursive: true, force: true });
  return { ...(await imrReview(['extract', '--files-from', '-', '--out', out, '--format', 'parquet'], { stdin: list })), out };
}

function manifestRows(out: string): number {
  const file = path.join(out, 'manifest.sqlite');
  if (!existsSync(file)) return 0;
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT COUNT(*) FROM files').pluck().get() as number;
  } catch {
    return 0;
  } finally {
    db.close();
  }
}

/** The rerun's summary line: "N files: H already in the manifest, L letters written ...". */
function held(stderr: string): { readonly files: number; readonly held: number; readonly written: number } {
  const match = /(\d+) files: (\d+) already in the manifest, (\d+) letters written/.exec(stderr);
  if (!match) throw new Error(`no summary in: ${stderr}`);
  return { files: Number(match[1]), held: Number(match[2]), written: Number(match[3]) };
}

async function resumeAfterKill(list: string, fullSeconds: number): Promise<BenchResult> {
  const out = path.join(DATA_DIR, 'batch-resume');
  await rm(out, { recursive: true, force: true });
  const killAfterMs = Math.round((0.2 + 0.6 * Math.random()) * fullSeconds * 1000);
  const child = spawn(BIN, ['extract', '--files-from', list, '--out', out, '--format', 'parquet'], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  await Promise.race([sleep(killAfterMs), exited]);
  child.kill('SIGKILL');
  await exited;
  const before = manifestRows(out);
  const rerun = await imrReview(['extract', '--files-from', list, '--out', out, '--format', 'parquet']);
  const summary = held(rerun.stderr);
  return {
    name: `resume after a SIGKILL at ${(killAfterMs / 1000).toFixed(1)} s: files the manifest held that the rerun read again`,
    value: before - summary.held,
    unit: 'files',
    target: { atMost: 0 },
    detail: `the manifest held ${before} of ${summary.files} files at the kill; the rerun skipped ${summary.held} and wrote ${summary.written} letters in ${rerun.seconds.toFixed(1)} s (the whole batch: ${fullSeconds.toFixed(1)} s)`,
  };
}

export async function benchBatch(): Promise<BenchResult[]> {
  const missing = await missingTools();
  if (missing !== null) return [{ name: `batch bench skipped: ${missing}`, value: 0, unit: '' }];
  const cores = availableParallelism();
  const results: BenchResult[] = [];

  const all = await mixedFolder(LETTERS);
  const tenth = all.slice(0, Math.round(LETTERS / 10));
  const small = await batch('tenth', await fileList('batch-tenth', tenth));
  const largeList = await fileList('batch-all', all);
  const large = await batch('all', largeList);
  const pdfs = all.filter((file) => file.endsWith('.pdf'));
  const poppler = await pdftotext(await fileList('batch-all-pdfs', pdfs));
  results.push({
    name: `batch of ${LETTERS} generated letters (${pdfs.length} PDF, ${LETTERS - pdfs.length} text)`,
    value: LETTERS / large.seconds / cores,
    unit: 'letters/s/core',
    detail: `${large.seconds.toFixed(1)} s on ${cores} cores; pdftotext -layout over its ${pdfs.length} PDFs alone: ${poppler.seconds.toFixed(1)} s (${(pdfs.length / poppler.seconds / cores).toFixed(0)} PDFs/s/core)`,
  });
  results.push({
    name: `peak RSS of the batch process, ${LETTERS} letters`,
    value: large.peakRssMb,
    unit: 'MB',
    target: { atMost: TARGET_RSS_MB },
    detail: `${tenth.length} letters: ${small.peakRssMb.toFixed(0)} MB; pdftotext's largest process: ${poppler.peakRssMb.toFixed(0)} MB`,
  });
  results.push({
    name: `peak RSS growth from ${tenth.length} to ${LETTERS} letters`,
    value: large.peakRssMb / small.peakRssMb,
    unit: 'x',
    target: { atMost: FLAT_GROWTH },
  });

  const real = await realPdfFolder(REAL_COPIES);
  if (real === null) {
    results.push({ name: 'real letters skipped: ../shared/letters/dev is not here', value: 0, unit: '' });
  } else {
    const files = (await readdir(real)).filter((name) => name.endsWith('.pdf')).sort().map((name) => path.join(real, name));
    const list = await fileList('batch-real', files);
    const ours = await batch('real', list);
    const theirs = await pdftotext(list);
    results.push({
      name: `batch time / pdftotext -layout time, ${files.length} copies of the real letters`,
      value: ours.seconds / theirs.seconds,
      unit: 'x',
      target: { atMost: TARGET_RATIO },
      detail: `batch ${ours.seconds.toFixed(1)} s (${(files.length / ours.seconds / cores).toFixed(1)} letters/s/core, peak RSS ${ours.peakRssMb.toFixed(0)} MB); xargs -P ${cores} pdftotext -layout FILE /dev/null ${theirs.seconds.toFixed(1)} s (${(files.length / theirs.seconds / cores).toFixed(1)} /s/core)`,
    });
    results.push({
      name: 'batch CPU time / pdftotext -layout CPU time (user + system), same files',
      value: ours.cpuSeconds / theirs.cpuSeconds,
      unit: 'x',
      target: { atMost: TARGET_RATIO },
      detail: `batch ${ours.cpuSeconds.toFixed(1)} CPU s, pdftotext ${theirs.cpuSeconds.toFixed(1)} CPU s: what the wall clock comes to on a quiet machine, where other work does not slow one side more than the other`,
    });
  }
  results.push(await resumeAfterKill(largeList, large.seconds));
  return results;
}
