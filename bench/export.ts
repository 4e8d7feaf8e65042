/**
 * Export speed and memory over the shared 100,000-letter library (every letter, --all scope),
 * each format in a process of its own so its peak RSS is its own.
 *
 * Targets: peak RSS under 300 MB per format, and no format slower than the exports were when
 * issue 17 asked for them in flat memory. Those times are the code of that day (commit 3edbb3e,
 * just before the first change for the issue) run on this 2-core machine side by side with this
 * code, over the same 100,000 generated letters (its bench builds them as
 * library-100000-v7.sqlite), the fastest of three runs each: JSONL 9.9-23.8 s, CSV 16.7-17.8 s,
 * Parquet 12.8-13.2 s, xlsx 79.4-84.4 s (its tables were held whole: 318-1,949 MB). To measure
 * again: `git worktree add <dir> 3edbb3e`, `npm ci` there and `npm run bench -- export` in it.
 * The issue quotes 3.7-8.1 s, which that code does not come near on this machine.
 */
import { execFile } from 'node:child_process';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { HEAP_FLAGS } from '../src/main/processes.ts';
import { EXPORT_FORMATS } from '../src/shared/export.ts';
import type { ExportFormat } from '../src/shared/export.ts';
import { DATA_DIR, libraryFile } from './data.ts';
import type { BenchResult } from './result.ts';

const run = promisify(execFile);
const TARGET_RSS_MB = 300;
const TARGET_SECONDS: Record<ExportFormat, number> = { jsonl: 9.9, csv: 16.7, parquet: 12.8, xlsx: 79.4 };

interface ChildResult {
  seconds: number;
  letters: number;
  items: number;
  megabytes: number;
  peakRssMb: number;
}

/** Reads the library file through once, so no format's time includes reading it from disk cold (the first one's did: up to half as long again). */
async function warmPageCache(file: string): Promise<void> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.allocUnsafe(1 << 22);
    while ((await handle.read(buffer, 0, buffer.length, null)).bytesRead > 0);
  } finally {
    await handle.close();
  }
}

export async function benchExport(): Promise<BenchResult[]> {
  const file = libraryFile();
  await warmPageCache(file);
  const child = path.join(import.meta.dirname, 'exportChild.ts');
  const results: BenchResult[] = [];
  for (const format of EXPORT_FORMATS) {
    // With the heap flags of the library server, which runs the export worker in the app and the command line.
    const { stdout } = await run(process.execPath, [...HEAP_FLAGS, child, file, format, path.join(DATA_DIR, `export-${format}`)], { maxBuffer: 1 << 20 });
    const measured = JSON.parse(stdout) as ChildResult;
    results.push(
      {
        name: `export ${format}, all letters`,
        value: measured.seconds,
        unit: 's',
        target: { atMost: TARGET_SECONDS[format] },
        detail: `${measured.letters} letters, ${measured.items} items, ${measured.megabytes.toFixed(0)} MB written`,
      },
      { name: `export ${format}, peak RSS`, value: measured.peakRssMb, unit: 'MB', target: { atMost: TARGET_RSS_MB } },
    );
  }
  return results;
}
