/** `npm run bench [-- name...]`: runs the benchmarks and prints their figures. */
import { benchImport } from './import.ts';
import { benchLibrary } from './library.ts';
import { benchParser } from './parser.ts';
import type { BenchResult } from './result.ts';
import { formatResult } from './result.ts';

const BENCHMARKS: Record<string, () => Promise<BenchResult[]>> = {
  parser: benchParser,
  import: benchImport,
  library: benchLibrary,
  export: async () => (await import('./export.ts')).benchExport(),
  ui: async () => (await import('./ui.ts')).benchUi(),
  pages: async () => (await import('./pages.ts')).benchPages(),
  responsiveness: async () => (await import('./responsiveness.ts')).benchResponsiveness(),
  insights: async () => (await import('./insights.ts')).benchInsights(),
  quality: async () => (await import('./quality.ts')).benchQuality(),
  batch: async () => (await import('./batch.ts')).benchBatch(),
  pdf: async () => (await import('./pdfProfile.ts')).benchPdfProfile(),
  cli: async () => (await import('./cli.ts')).benchCli(),
  team: async () => (await import('./team.ts')).benchTeam(),
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in BENCHMARKS));
if (unknown.length > 0) {
  process.stderr.write(`unknown benchmark(s): ${unknown.join(', ')}; known: ${Object.keys(BENCHMARKS).join(', ')}\n`);
  process.exit(2);
}
for (const [name, run] of Object.entries(BENCHMARKS)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  process.stdout.write(`== ${name}\n`);
  for (const result of await run()) process.stdout.write(`${formatResult(result)}\n`);
}
