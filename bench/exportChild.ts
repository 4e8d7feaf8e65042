/** Runs one export, in its worker as the app runs it, in a process of its own so the benchmark reads that format's own peak memory. */
import { rm } from 'node:fs/promises';
import { exportInWorker } from '../src/main/export/index.ts';
import type { ExportFormat } from '../src/shared/export.ts';

const [libraryFile, format, outDir] = process.argv.slice(2) as [string, ExportFormat, string];
await rm(outDir, { recursive: true, force: true });
const started = performance.now();
const result = await exportInWorker(libraryFile, { format, outDir, scope: 'all' });
const seconds = (performance.now() - started) / 1000;
await rm(outDir, { recursive: true, force: true });
process.stdout.write(
  JSON.stringify({
    seconds,
    letters: result.letters,
    items: result.items,
    megabytes: result.files.reduce((sum, file) => sum + file.bytes, 0) / 1e6,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
