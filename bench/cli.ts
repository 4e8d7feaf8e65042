/**
 * The command line's answer times, each call a process of its own as a user's is: `--help`,
 * `--version`, and `stats` on the 100,000-letter library. Targets: --help and --version < 150 ms,
 * stats < 300 ms. A read-only open of a library this large does not check it (see
 * storage/library.ts), so stats is timed as on any copy of it.
 *
 * The CLI is built first (`npm run build`), and each call is timed twice: compiled
 * (out/main/cli.js, what bin/imr-review.js runs while it is current) and from the TypeScript
 * sources (what it runs when they are newer). Each figure is the median wall time; the load
 * average beside it says how busy the shared cores were.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { HEAP_FLAGS } from '../src/main/processes.ts';
import { libraryFile } from './data.ts';
import type { BenchResult } from './result.ts';
import { median } from './stats.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const ENTRIES = { compiled: path.join(ROOT, 'out/main/cli.js'), sources: path.join(ROOT, 'src/main/cli/run.ts') } as const;
const RUNS = 11;

/** The wall milliseconds of one call. */
function timedCall(entry: string, args: readonly string[]): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, [...HEAP_FLAGS, entry, ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (run.status !== 0) throw new Error(`${entry} ${args.join(' ')} exited with ${run.status}`);
  return performance.now() - started;
}

function result(name: string, how: keyof typeof ENTRIES, args: readonly string[], atMost: number): BenchResult {
  const walls = Array.from({ length: RUNS }, () => timedCall(ENTRIES[how], args)).sort((a, b) => a - b);
  return {
    name: `${name} (${how})`,
    value: median(walls),
    unit: 'ms',
    target: { atMost },
    detail: `median of ${RUNS} processes; fastest ${walls[0]!.toFixed(0)} ms, slowest ${walls.at(-1)!.toFixed(0)} ms; load average ${os.loadavg()[0]!.toFixed(1)} on ${os.availableParallelism()} cores`,
  };
}

export function benchCli(): Promise<BenchResult[]> {
  process.stdout.write('    (building the CLI: npm run build)\n');
  execFileSync(path.join(ROOT, 'node_modules/.bin/electron-vite'), ['build'], { cwd: ROOT, stdio: 'ignore' });
  const library = libraryFile();
  return Promise.resolve(
    (['compiled', 'sources'] as const).flatMap((how) => [
      result('imr-review --help', how, ['--help'], 150),
      result('imr-review --version', how, ['--version'], 150),
      result('imr-review stats, 100,000 letters', how, ['stats', '--db', library], 300),
    ]),
  );
}
