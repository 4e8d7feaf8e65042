/** Runs one import in its own process so the benchmark can read that process's peak memory. */
import { rmSync } from 'node:fs';
import { importLetters } from '../src/main/import/pipeline.ts';
import { enableCompileCache } from '../src/main/processes.ts';
import { openLibrary } from '../src/main/storage/index.ts';

// As the command line and the app's library server do.
enableCompileCache();

const [folder, dbFile] = process.argv.slice(2) as [string, string];
for (const suffix of ['', '-wal', '-shm']) rmSync(dbFile + suffix, { force: true });
const library = openLibrary(dbFile, { reviewer: 'bench' });
const started = performance.now();
let firstLetterMs = 0;
const summary = await importLetters(library, [folder], {
  onProgress: (progress) => {
    if (firstLetterMs === 0 && progress.imported > 0) firstLetterMs = performance.now() - started;
  },
});
library.close();
process.stdout.write(
  JSON.stringify({
    imported: summary.imported,
    duplicates: summary.duplicates,
    failed: summary.failed,
    seconds: summary.elapsedMs / 1000,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    firstLetterMs,
    stageMs: summary.stageMs,
  }),
);
