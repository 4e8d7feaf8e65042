/**
 * The command line's answer times, each call a process of its own as a user's is: `--help`,
 * `--version`, and `stats` on the 100,000-letter library. Targets: --help and --version < 150 ms,
 * stats < 300 ms. A read-only open of a library this large does not check it (see
 * storage/library.ts), so stats is timed as on any copy of it.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { libraryFile } from './data.ts';
import type { BenchResult } from './result.ts';
import { median } from './stats.ts';

const BIN = path.resolve(import.meta.dirname, '../bin/imr-review.js');
const RUNS = 11;

function medianCallMs(args: readonly string[]): { median: number; all: number[] } {
  const times = Array.from({ length: RUNS }, () => {
    const started = performance.now();
    execFileSync(process.execPath, [BIN, ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
    return performance.now() - started;
  });
  return { median: median(times), all: times };
}

const result = (name: string, args: readonly string[], atMost: number): BenchResult => {
  const { median: value, all } = medianCallMs(args);
  const sorted = all.sort((a, b) => a - b);
  return { name, value, unit: 'ms', target: { atMost }, detail: `median of ${RUNS} processes; fastest ${sorted[0]!.toFixed(0)} ms, slowest ${sorted.at(-1)!.toFixed(0)} ms` };
};

export function benchCli(): Promise<BenchResult[]> {
  const library = libraryFile();
  return Promise.resolve([
    result('imr-review --help', ['--help'], 150),
    result('imr-review --version', ['--version'], 150),
    result('imr-review stats, 100,000 letters', ['stats', '--db', library], 300),
  ]);
}
