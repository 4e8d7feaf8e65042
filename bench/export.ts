/**
 * Export speed over the shared 100,000-letter library (every letter, --all scope), one run per
 * format, with the exporting process's peak memory. Target: each format in under 15 s.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { exportDataset } from '../src/main/export/index.ts';
import { openLibrary } from '../src/main/storage/index.ts';
import { EXPORT_FORMATS } from '../src/shared/export.ts';
import { DATA_DIR, libraryFile } from './data.ts';
import type { BenchResult } from './result.ts';

const TARGET_SECONDS = 15;

export async function benchExport(): Promise<BenchResult[]> {
  const library = openLibrary(libraryFile());
  const results: BenchResult[] = [];
  try {
    for (const format of EXPORT_FORMATS) {
      const outDir = path.join(DATA_DIR, `export-${format}`);
      await rm(outDir, { recursive: true, force: true });
      let peakRss = process.memoryUsage.rss();
      const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 50);
      const started = performance.now();
      const result = await exportDataset(library.file, { format, outDir, scope: 'all' });
      const seconds = (performance.now() - started) / 1000;
      clearInterval(sampler);
      const megabytes = result.files.reduce((sum, file) => sum + file.bytes, 0) / 1e6;
      results.push({
        name: `export ${format}, all letters`,
        value: seconds,
        unit: 's',
        target: { atMost: TARGET_SECONDS },
        detail: `${result.letters} letters, ${result.items} items, ${megabytes.toFixed(0)} MB written, peak RSS ${(peakRss / 1e6).toFixed(0)} MB`,
      });
      await rm(outDir, { recursive: true, force: true });
    }
  } finally {
    library.close();
  }
  return results;
}
