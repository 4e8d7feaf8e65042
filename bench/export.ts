/**
 * Export speed and memory over the shared 100,000-letter library (every letter, --all scope),
 * each format in a process of its own so its peak RSS is its own.
 * Targets: peak RSS under 300 MB per format; the times no longer than before exports were made
 * flat in memory (8.1 s for the slowest format then; xlsx, newer, under 15 s).
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { HEAP_FLAGS } from '../src/main/processes.ts';
import { EXPORT_FORMATS } from '../src/shared/export.ts';
import type { ExportFormat } from '../src/shared/export.ts';
import { DATA_DIR, libraryFile } from './data.ts';
import type { BenchResult } from './result.ts';

const run = promisify(execFile);
const TARGET_RSS_MB = 300;
const TARGET_SECONDS: Record<ExportFormat, number> = { jsonl: 8.1, csv: 8.1, parquet: 8.1, xlsx: 15 };

interface ChildResult {
  seconds: number;
  letters: number;
  items: number;
  megabytes: number;
  peakRssMb: number;
}

export async function benchExport(): Promise<BenchResult[]> {
  const file = libraryFile();
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
