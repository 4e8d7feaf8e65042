/** `imr-review import <paths...> [--db file]`: imports letters and prints a summary. */
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import type { ImportProgress, ImportSummary } from '../../shared/importing.ts';
import { importLetters } from '../import/pipeline.ts';
import type { CliIO } from './io.ts';
import { interruptSignal } from './io.ts';
import { withLibrary } from './library.ts';

const PLAIN_PROGRESS_EVERY_MS = 2000;
/** Skipped files are usually a folder's other files (gold JSON, notes): list a few, count the rest. */
const LISTED_SKIPS = 20;

export async function runImport(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { db: { type: 'string' }, threads: { type: 'string' }, reviewer: { type: 'string' } },
  });
  if (positionals.length === 0) {
    io.err('usage: imr-review import <files or folders...> [--db <file>] [--threads N] [--reviewer NAME]');
    return 2;
  }
  const threads = values.threads === undefined ? undefined : Number(values.threads);
  if (threads !== undefined && !(Number.isInteger(threads) && threads > 0)) {
    io.err('--threads takes a whole number above 0');
    return 2;
  }
  return withLibrary(
    values.db,
    io,
    async (library) => {
      const interrupt = interruptSignal();
      const reporter = createProgressReporter(io);
      try {
        const summary = await importLetters(library, positionals, {
          signal: interrupt.signal,
          onProgress: reporter.update,
          ...(threads === undefined ? {} : { threads }),
        });
        reporter.stop();
        printSummary(summary, library.file, io);
        if (summary.status !== 'failed') return 0;
        io.err(`Import stopped: ${summary.error}. The letters stored before it are whole; free some space and import again to go on.`);
        return 1;
      } finally {
        reporter.stop();
        interrupt.dispose();
      }
    },
    values.reviewer === undefined ? {} : { reviewer: values.reviewer },
  );
}

/** A bar on a terminal; occasional plain lines otherwise (logs, CI). */
function createProgressReporter(io: CliIO): { update: (progress: ImportProgress) => void; stop: () => void } {
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: 'importing [{bar}] {value}/{total} | {rate} letters/s | {failed} failed | {file}', stream: process.stderr, hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update: (p) => {
        const payload = { rate: p.lettersPerSecond.toFixed(0), failed: p.failed, file: shorten(p.currentFile) };
        if (!started) bar.start(p.total, p.done, payload);
        started = true;
        bar.update(p.done, payload);
      },
      stop: () => {
        if (started) bar.stop();
        started = false;
      },
    };
  }
  let lastPrinted = 0;
  return {
    update: (p) => {
      if (p.done < p.total && p.elapsedMs - lastPrinted < PLAIN_PROGRESS_EVERY_MS) return;
      lastPrinted = p.elapsedMs;
      io.err(`imported ${p.done}/${p.total} files (${p.lettersPerSecond.toFixed(0)} letters/s, ${p.failed} failed)`);
    },
    stop: () => undefined,
  };
}

function printSummary(summary: ImportSummary, file: string, io: CliIO): void {
  const seconds = (summary.elapsedMs / 1000).toFixed(1);
  const ending = { completed: 'Import finished', cancelled: 'Import cancelled', failed: 'Import stopped' }[summary.status];
  io.out(`${ending} into ${file} in ${seconds} s`);
  io.out(`  imported:   ${summary.imported}`);
  io.out(`  duplicates: ${summary.duplicates} (already in the library)`);
  for (const { path, duplicateOf } of summary.contentDuplicates) io.out(`    ${path}: the same text as ${duplicateOf}`);
  io.out(`  skipped:    ${summary.skipped.length}`);
  for (const { path, reason } of summary.skipped.slice(0, LISTED_SKIPS)) io.out(`    ${path}: ${reason}`);
  if (summary.skipped.length > LISTED_SKIPS) io.out(`    … and ${summary.skipped.length - LISTED_SKIPS} more`);
  io.out(`  failed:     ${summary.failed}`);
  for (const failure of summary.failures) io.out(`    [${failure.code}] ${failure.message}`);
}

function shorten(file: string | null): string {
  if (!file) return '';
  return file.length > 40 ? `…${file.slice(-39)}` : file;
}
