/**
 * Import speed and memory, and poppler's pdftotext over the same files on the same cores, so
 * the figure is read against a native extractor. The speed run uses the real letters in
 * ../shared/letters/dev (copied with distinct bytes to at least 2,000 files) when they are
 * there, generated ones otherwise, and says which.
 * Targets: our time <= 1.5 x pdftotext, peak RSS < 400 MB at 10,000 letters.
 */
import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { DATA_DIR, pdfFolder, realPdfFolder } from './data.ts';
import { HEAP_FLAGS } from '../src/main/processes.ts';
import type { ImportStageTimes } from '../src/shared/importing.ts';
import type { BenchResult } from './result.ts';

const run = promisify(execFile);
const SPEED_LETTERS = 2000;
const MEMORY_LETTERS = 10_000;

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

/** pdftotext -layout over every file, one process per file, as many lanes as cores; null when poppler is missing. */
async function pdftotextSeconds(folder: string): Promise<number | null> {
  const found = await run('pdftotext', ['-v']).then(() => true, () => false);
  if (!found) return null;
  const files = (await readdir(folder)).filter((name) => name.endsWith('.pdf')).map((name) => path.join(folder, name));
  const started = performance.now();
  let next = 0;
  const lane = async () => {
    while (next < files.length) await run('pdftotext', ['-layout', files[next++] as string, '-'], { maxBuffer: 1 << 24 });
  };
  await Promise.all(Array.from({ length: availableParallelism() }, lane));
  return (performance.now() - started) / 1000;
}

export async function benchImport(): Promise<BenchResult[]> {
  const real = await realPdfFolder(SPEED_LETTERS);
  const speedFolder = real ?? (await pdfFolder(SPEED_LETTERS));
  const kind = real ? 'real letters (../shared/letters/dev, copied with distinct bytes)' : 'generated PDF letters (../shared/letters is not here)';
  const files = (await readdir(speedFolder)).filter((name) => name.endsWith('.pdf')).length;
  const ours = await importInChild(speedFolder);
  const poppler = await pdftotextSeconds(speedFolder);
  const results: BenchResult[] = [
    {
      name: `import of ${files} ${kind}`,
      value: (ours.imported + ours.duplicates) / ours.seconds,
      unit: 'letters/s',
      ...(poppler === null ? {} : { target: { atLeast: files / poppler / 1.5 } }),
      detail: `${ours.imported} stored, ${ours.duplicates} read but not stored (a copy's text is its original's: copies of the real letters differ in bytes only), ${ours.failed} failed in ${ours.seconds.toFixed(1)} s on ${availableParallelism()} cores; first letter stored after ${ours.firstLetterMs.toFixed(0)} ms; peak RSS ${ours.peakRssMb.toFixed(0)} MB`,
    },
    {
      name: 'where the time goes, ms per letter (reading, parsing and deriving in the workers, the rest on the storing thread)',
      value: (ours.seconds * 1000) / Math.max(1, ours.imported + ours.duplicates),
      unit: 'ms wall',
      detail: breakdown(ours),
    },
    {
      name: 'first letter stored after the import starts',
      value: ours.firstLetterMs,
      unit: 'ms',
      target: { atMost: 300 },
    },
  ];
  if (poppler === null) {
    results.push({ name: 'pdftotext comparison skipped: pdftotext not found (apt-get install poppler-utils)', value: 0, unit: '' });
  } else {
    results.push({
      name: 'import time / pdftotext -layout time over the same files',
      value: ours.seconds / poppler,
      unit: 'x',
      target: { atMost: 1.5 },
      detail: `pdftotext: ${poppler.toFixed(1)} s (${(files / poppler).toFixed(0)} files/s, ${availableParallelism()} parallel processes)`,
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
