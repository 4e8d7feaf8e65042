/**
 * Import speed and memory over generated PDF letters, and poppler's pdftotext over the
 * same files on the same cores, so the figure is read against a native extractor.
 * Targets: >= 150 letters/s, our time <= 1.5 x pdftotext, peak RSS < 400 MB at 10,000 letters.
 */
import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { DATA_DIR, pdfFolder } from './data.ts';
import type { BenchResult } from './result.ts';

const run = promisify(execFile);
const SPEED_LETTERS = 2000;
const MEMORY_LETTERS = 10_000;

interface ChildResult {
  imported: number;
  failed: number;
  seconds: number;
  peakRssMb: number;
}

async function importInChild(folder: string): Promise<ChildResult> {
  const child = path.join(import.meta.dirname, 'importChild.ts');
  const { stdout } = await run(process.execPath, [child, folder, path.join(DATA_DIR, 'import-bench.sqlite')], {
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
  const speedFolder = await pdfFolder(SPEED_LETTERS);
  const ours = await importInChild(speedFolder);
  const poppler = await pdftotextSeconds(speedFolder);
  const results: BenchResult[] = [
    {
      name: `import of ${SPEED_LETTERS} generated PDF letters`,
      value: ours.imported / ours.seconds,
      unit: 'letters/s',
      target: { atLeast: 150 },
      detail: `${ours.imported} imported, ${ours.failed} failed in ${ours.seconds.toFixed(1)} s on ${availableParallelism()} cores`,
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
      detail: `pdftotext: ${poppler.toFixed(1)} s (${(SPEED_LETTERS / poppler).toFixed(0)} files/s, ${availableParallelism()} parallel processes)`,
    });
  }
  const memory = await importInChild(await pdfFolder(MEMORY_LETTERS));
  results.push({
    name: `peak memory (RSS) of the importing process, ${MEMORY_LETTERS} letters`,
    value: memory.peakRssMb,
    unit: 'MB',
    target: { atMost: 400 },
    detail: `${memory.imported} imported in ${memory.seconds.toFixed(1)} s (${(memory.imported / memory.seconds).toFixed(0)} letters/s)`,
  });
  return results;
}
