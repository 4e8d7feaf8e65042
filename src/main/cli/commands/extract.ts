/**
 * `imr-review extract`: one JSON object per letter (JSONL) on stdout, or a resumable batch to
 * Parquet shards with `--out`. With `--files-from` (or `-`) it is a filter an engine can call
 * (Spark's RDD.pipe, Dask, Ray): exactly one line per input path, in input order, error lines
 * included, and nothing else on stdout.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { Command, Option } from 'commander';
import type { ExtractionFailure, ExtractionRecord } from '../../../shared/extraction.ts';
// The pipe's modules only: the batch's (Parquet, the manifest, the card) load when --out asks for them.
import { extractInOrder } from '../../batch/extractPool.ts';
import type { PooledOutcome } from '../../batch/extractPool.ts';
import { DEFAULT_SHARD_LETTERS } from '../../batch/layout.ts';
import { pathLines } from '../../batch/pathLines.ts';
import type { BatchSummary } from '../../batch/runBatch.ts';
import { discoverLetterFiles } from '../../letters/discovery.ts';
import { readableName } from '../../letters/reading/index.ts';
import type { CommandContext } from '../command.ts';
import { namedPathsExist, quietOption, strictOption, usageError, wholeNumberAbove0 } from '../command.ts';
import { EXIT } from '../exitCodes.ts';
import type { CliIO } from '../io.ts';
import { interruptSignal } from '../io.ts';

interface ExtractOptions {
  readonly strict?: true;
  readonly quiet?: true;
  readonly filesFrom?: string;
  readonly null?: true;
  readonly out?: string;
  readonly format?: 'parquet';
  readonly shardLetters?: number;
  readonly threads?: number;
}

const STDIN = '-';

export const extractCommand = (context: CommandContext) =>
  new Command('extract')
    .summary('print one JSON object per letter (JSONL), or write a resumable batch of Parquet shards')
    .description(
      'Reads letters (.pdf, .txt; folders are walked recursively; a PDF and a .txt of the same name are one ' +
        'letter and the PDF is read) and prints one JSON object per letter on stdout. A file that cannot be ' +
        'read gives a line {"file", "error": {"code", "message"}} and the run goes on. Reads no library.\n\n' +
        `With --files-from FILE (${STDIN}: standard input; or the single path ${STDIN}) each record of the list is one path, ` +
        'taken as a file, and gives exactly one line, in the order of the list: the filter contract of Spark\'s ' +
        'RDD.pipe, Dask and Ray (see docs/archive.md).\n\n' +
        `With --out FOLDER --format parquet the letters go to shards of at most --shard-letters letters (default ${DEFAULT_SHARD_LETTERS}) ` +
        'under FOLDER/shards, with manifest.sqlite and a dataset card; run again after a kill or with more files, it ' +
        'reads only the files its manifest does not hold for the same bytes and parser version.',
    )
    .argument('[paths...]', `letter files and folders; ${STDIN} reads the paths from standard input`)
    .addOption(new Option('--files-from <file>', `read the paths from this file, one per line (${STDIN}: standard input)`))
    .addOption(new Option('-0, --null', 'with --files-from: the paths end with a NUL byte, not a newline (find -print0)'))
    .addOption(new Option('--out <folder>', 'write a resumable batch of Parquet shards into this folder (made when missing)'))
    .addOption(new Option('--format <format>', 'with --out: the shards\' format').choices(['parquet']))
    .addOption(new Option('--shard-letters <n>', 'with --out: letters per shard at most').argParser(wholeNumberAbove0))
    .addOption(new Option('--threads <n>', 'worker threads reading letters (default: one per core)').argParser(wholeNumberAbove0))
    .addOption(strictOption('a file could not be read'))
    .addOption(quietOption())
    .action(async (paths: string[], options: ExtractOptions, command: Command) => context.exitWith(await runExtract(paths, options, context.io, command)));

async function runExtract(paths: readonly string[], options: ExtractOptions, io: CliIO, command: Command): Promise<number> {
  const listed = options.filesFrom ?? (paths.length === 1 && paths[0] === STDIN ? STDIN : undefined);
  if (options.filesFrom !== undefined && paths.length > 0) usageError(command, 'name the letters either as paths or with --files-from, not both');
  if (listed === undefined && paths.length === 0) usageError(command, `name letter files or folders, or read paths with --files-from (${STDIN}: standard input)`);
  if (listed === undefined && paths.includes(STDIN)) usageError(command, `${STDIN} (the paths on standard input) stands alone`);
  if (options.null && listed === undefined) usageError(command, '--null goes with --files-from');
  if (options.out === undefined && (options.format !== undefined || options.shardLetters !== undefined)) usageError(command, '--format and --shard-letters go with --out');

  // A letter named that is not there is the caller's mistake, as for import: said, and nothing done (exit 2).
  if (listed === undefined && !(await namedPathsExist(paths, io))) return EXIT.usage;
  const input = listed === undefined ? await walked(paths, options, io) : await listedPaths(listed, options.null ? 'nul' : 'newline', io);
  if (input === null) return EXIT.failed;
  const interrupt = interruptSignal();
  try {
    if (options.out !== undefined) return await batch(input.paths, options.out, options, io, interrupt.signal);
    const failed = await stream(input.paths, options, io, interrupt.signal);
    if (interrupt.signal.aborted && !io.stdoutClosed.aborted) {
      io.err('Extraction cancelled: the letters read so far are printed.');
      return EXIT.cancelled;
    }
    return options.strict && failed + input.missing > 0 ? EXIT.failed : EXIT.done;
  } finally {
    interrupt.dispose();
    // Standard input left open (an engine's pipe whose reader has gone) would keep the process alive.
    input.source?.destroy();
  }
}

interface PathInput {
  readonly paths: AsyncIterable<string> | Iterable<string>;
  /** Named paths that do not exist (said on stderr already). */
  readonly missing: number;
  /** The stream the paths come from, closed at the end. */
  readonly source?: Readable;
}

/** Files and folders named as arguments, walked; what is missing or skipped (unless --quiet) is said on stderr. */
async function walked(paths: readonly string[], options: ExtractOptions, io: CliIO): Promise<PathInput> {
  const found = await discoverLetterFiles(paths);
  for (const { path, reason } of found.missing) io.err(`${path}: ${reason}`);
  if (!options.quiet) for (const { path, reason } of found.skipped) io.err(`skipped ${path}: ${reason}`);
  return { paths: found.letters, missing: found.missing.length };
}

async function listedPaths(list: string, separator: 'newline' | 'nul', io: CliIO): Promise<PathInput | null> {
  if (list !== STDIN) {
    const info = await stat(list).catch(() => null);
    if (info === null || info.isDirectory()) {
      io.err(`${list}: ${info === null ? 'no such file' : 'a folder, not a list of paths'}`);
      return null;
    }
  }
  const source = list === STDIN ? process.stdin : createReadStream(list);
  return { paths: pathLines(source, separator), missing: 0, source };
}

/** One line per path on stdout, in order; returns how many were error lines. */
async function stream(paths: PathInput['paths'], options: ExtractOptions, io: CliIO, signal: AbortSignal): Promise<number> {
  let failed = 0;
  for await (const result of extractInOrder(paths, { signal, ...(options.threads === undefined ? {} : { threads: options.threads }) })) {
    const line = lineOf(result);
    if ('error' in line) failed++;
    io.out(JSON.stringify(line));
    // Once nobody reads the output (`| head -1`), the rest of the work would be for nothing.
    if (io.stdoutClosed.aborted) break;
    await io.drained();
  }
  return failed;
}

function lineOf(result: PooledOutcome): ExtractionRecord | ExtractionFailure {
  if (result.kind === 'held') throw new Error('extract holds no manifest');
  const { outcome } = result;
  return outcome.ok ? outcome.record : { file: readableName(result.path), error: { code: outcome.code, message: outcome.message } };
}

async function batch(paths: PathInput['paths'], outDir: string, options: ExtractOptions, io: CliIO, signal: AbortSignal): Promise<number> {
  let summary: BatchSummary;
  try {
    const { runBatch } = await import('../../batch/runBatch.ts');
    summary = await runBatch(paths, {
      outDir,
      signal,
      ...(options.shardLetters === undefined ? {} : { shardLetters: options.shardLetters }),
      ...(options.threads === undefined ? {} : { threads: options.threads }),
    });
  } catch (error) {
    io.err(`${outDir}: the batch could not be written: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.failed;
  }
  const { manifest } = summary;
  io.err(
    `${summary.done} files: ${summary.held} already in the manifest, ${summary.letters} letters written in ${summary.shards} shards, ` +
      `${summary.duplicates} duplicates, ${summary.failed} failed. ${outDir} now holds ${manifest.letters} letters from ${manifest.files} files (${manifest.failed} failed).`,
  );
  if (summary.cancelled) {
    io.err('Batch cancelled: the shards written so far are kept; run the same command again to finish.');
    return EXIT.cancelled;
  }
  return options.strict && summary.failed > 0 ? EXIT.failed : EXIT.done;
}
