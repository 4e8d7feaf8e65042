/**
 * Import speed and memory, and poppler's pdftotext over the same files on the same cores, so
 * the figure is read against a native extractor. Both sides are whole commands timed as a user
 * sees them (bench/commands.ts): `imr-review import` from its process's start to its exit
 * against `xargs -P <cores> pdftotext -layout FILE /dev/null`, each run twice, interleaved, the
 * faster run of each kept. The speed run uses the real letters in ../shared/letters/dev (copied
 * with distinct bytes to at least 2,000 files) when they are there, generated ones otherwise,
 * and says which. Where the time goes comes from a third import, in a process of its own that
 * times its stages.
 * Targets: our time <= 1.5 x pdftotext, peak RSS < 400 MB at 10,000 letters.
 */
import { execFile } from 'node:child_process';
import { readdir, rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { DATA_DIR, pdfFolder, realPdfFolder } from './data.ts';
import { fileList, imrReview, missingTools, pdftotext } from './commands.ts';
import type { Timed } from './commands.ts';
import { HEAP_FLAGS } from '../src/main/processes.ts';
import type { ImportStageTimes } from '../src/shared/importing.ts';
import type { BenchResult } from './result.ts';

const run = promisify(execFile);
const SPEED_LETTERS = 2000;
const MEMORY_LETTERS = 10_000;
/** Runs of each side; the faster counts, so a burst of load on this shared machine does not decide the ratio. */
const RUNS = 2;

interface ChildResult {
  imported: number;
  /** Copies with the text of a letter stored before them: read and parsed, then not stored. */
  duplicates: number;
  failed: number;
  seconds: number;
  peakRssMb: number;
  /** From the call to importLetters to the first letter stored. */
  firstLetterMs: number;
  stageMs: ImportStageTimes;
}

/** Each stage's time per letter read, the workers' ones summed over the workers. */
function breakdown({ stageMs, imported, duplicates }: ChildResult): string {
  const perLetter = (ms: number) => (ms / Math.max(1, imported + duplicates)).toFixed(2);
  return Object.entries(stageMs).map(([stage, ms]) => `${stage} ${perLetter(ms)}`).join(', ');
}

async function importInChild(folder: string): Promise<ChildResult> {
  const child = path.join(import.meta.dirname, 'importChild.ts');
  // With the heap flags the command line and the app's library server start with.
  const { stdout } = await run(process.execPath, [...HEAP_FLAGS, child, folder, path.join(DATA_DIR, 'import-bench.sqlite')], {
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout) as ChildResult;
}

/** `imr-review import --create` of the folder into a new library, the whole command. */
async function importCommand(folder: string): Promise<Timed> {
  const db = path.join(DATA_DIR, 'import-command-bench.sqlite');
  for (const suffix of ['', '-wal', '-shm', '-checked']) await rm(db + suffix, { force: true });
  return imrReview(['import', '--create', '--quiet', '--db', db, folder]);
}

const fastest = (runs: readonly Timed[]): Timed => runs.reduce((best, next) => (next.seconds < best.seconds ? next : best));

export async function benchImport(): Promise<BenchResult[]> {
  const real = await realPdfFolder(SPEED_LETTERS);
  const speedFolder = real ?? (await pdfFolder(SPEED_LETTERS));
  const kind = real ? 'real letters (../shared/letters/dev, copied with distinct bytes)' : 'generated PDF letters (../shared/letters is not here)';
  const pdfs = (await readdir(speedFolder)).filter((name) => name.endsWith('.pdf')).sort().map((name) => path.join(speedFolder, name));
  const cores = availableParallelism();
  const missing = await missingTools();
  const ours: Timed[] = [];
  const theirs: Timed[] = [];
  for (let round = 0; round < RUNS; round++) {
    ours.push(await importCommand(speedFolder));
    if (missing === null) theirs.push(await pdftotext(await fileList('import-speed', pdfs)));
  }
  const command = fastest(ours);
  const stages = await importInChild(speedFolder);
  const results: BenchResult[] = [
    {
      name: `imr-review import of ${pdfs.length} ${kind}, the whole command`,
      value: pdfs.length / command.seconds,
      unit: 'letters/s',
      detail: `${ours.map((one) => one.seconds.toFixed(1)).join(' s, ')} s on ${cores} cores (the faster counts); peak RSS ${command.peakRssMb.toFixed(0)} MB; in its own process: ${stages.imported} stored, ${stages.duplicates} read but not stored (a copy's text is its original's), ${stages.failed} failed, first letter stored after ${stages.firstLetterMs.toFixed(0)} ms`,
    },
    {
      name: 'where the time goes, ms per letter (reading, parsing and deriving in the workers, the rest on the storing thread)',
      value: (stages.seconds * 1000) / Math.max(1, stages.imported + stages.duplicates),
      unit: 'ms wall',
      detail: breakdown(stages),
    },
    {
      name: 'first letter stored after the import starts',
      value: stages.firstLetterMs,
      unit: 'ms',
      target: { atMost: 300 },
    },
  ];
  if (missing !== null) {
    results.push({ name: `pdftotext comparison skipped: ${missing}`, value: 0, unit: '' });
  } else {
    const poppler = fastest(theirs);
    results.push({
      name: 'imr-review import time / xargs -P <cores> pdftotext -layout FILE /dev/null time, same files',
      value: command.seconds / poppler.seconds,
      unit: 'x',
      target: { atMost: 1.5 },
      detail: `pdftotext: ${theirs.map((one) => one.seconds.toFixed(1)).join(' s, ')} s (${(pdfs.length / poppler.seconds).toFixed(0)} files/s, ${cores} parallel processes)`,
    });
    results.push({
      name: 'imr-review import CPU time / pdftotext -layout CPU time (user + system), same files',
      value: command.cpuSeconds / poppler.cpuSeconds,
      unit: 'x',
      target: { atMost: 1.5 },
      detail: `import ${command.cpuSeconds.toFixed(1)} CPU s, pdftotext ${poppler.cpuSeconds.toFixed(1)} CPU s (the faster runs): what the wall clock comes to on a quiet machine`,
    });
  }
  const memory = await importInChild(await pdfFolder(MEMORY_LETTERS));
  results.push({
    name: `peak memory (RSS) of the importing process, ${MEMORY_LETTERS} letters`,
    value: memory.peakRssMb,
    unit: 'MB',
    target: { atMost: 400 },
    detail: `${memory.imported} imported in ${memory.seconds.toFixed(1)} s (${(memory.imported / memory.seconds).toFixed(0)} letters/s); ms per letter: ${breakdown(memory)}`,
  });
  return results;
}
