/**
 * The import pipeline: files and folders in, letters in the library out. Extraction
 * and parsing run in a pool of worker threads (one per core), each file under a memory cap and
 * a time limit (cappedPool.ts: a worker inflating a bomb or stuck in pdf.js or the parser is
 * stopped and the file reported `too-large` or `timed-out`); this thread
 * reads and hashes each file for the duplicate check (the bytes then move to the worker, so a
 * file is read once) and stores results, each letter in its own
 * transaction, so a failure or a kill never leaves half a letter and importing again resumes
 * the work. A library that cannot be written (a full disk) stops the import with its reason.
 */
import { availableParallelism } from 'node:os';
import type { ContentDuplicate, ImportFailure, ImportProgress, ImportStageTimes, ImportSummary } from '../../shared/importing.ts';
import { discoverLetterFiles } from '../letters/discovery.ts';
import { DEFAULT_MAX_BYTES, readAndHash, readableName } from '../letters/reading/index.ts';
import { checkSettings } from '../review/index.ts';
import type { Library } from '../storage/index.ts';
import { finishImportRun, hasLetterWithSha256, insertParsedLetter, recordImportError, startImportRun, storageFailure } from '../storage/index.ts';
import { createCappedPool, DEFAULT_FILE_MEMORY_CAP_BYTES, stoppedReading } from './cappedPool.ts';
import type { ExtractOutcome, ExtractTask } from './extractWorker.ts';

export interface ImportOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: ImportProgress) => void;
  /** Worker threads; one per core by default. */
  readonly threads?: number;
  readonly maxBytes?: number;
  /** Reading and parsing one file may take this long before its worker is stopped and the file reported as `timed-out`. */
  readonly fileTimeoutMs?: number;
  /** A worker reading one file may hold this much (V8 heap and ArrayBuffers) before it is stopped and the file reported as `too-large`. */
  readonly fileMemoryCapBytes?: number;
  /** The most memory each file's worker was seen holding, as it is read. */
  readonly onFileMemory?: (path: string, peakBytes: number) => void;
}

/** Above the PDF reader's own 60 s limit, which reports a stalled pdf.js as a damaged PDF when it can. */
export const DEFAULT_FILE_TIMEOUT_MS = 90_000;

/**
 * pdf.js leaves garbage behind every document: a small old generation makes it collect early,
 * which keeps a 10,000-letter import under 400 MB; a 32 MB young generation keeps the many
 * short-lived objects of each page cheap (at 8 MB, the real letters took 7% longer).
 */
const WORKER_HEAP_LIMITS = { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 32 };

/** How long the first worker has the cores to itself at most, when its first file is slow. */
const FIRST_WORKER_HEAD_START_MS = 500;

/** Bundled builds run the compiled worker beside the bundle; sources run the .ts file. */
const WORKER_URL = new URL(import.meta.url.endsWith('.ts') ? './extractWorker.ts' : './extractWorker.js', import.meta.url);

export async function importLetters(library: Library, paths: readonly string[], options: ImportOptions = {}): Promise<ImportSummary> {
  const { db } = library;
  const started = performance.now();
  const threads = Math.max(1, options.threads ?? availableParallelism());
  // Started first, with one worker, which loads pdf.js while the files are found. The others
  // start once it has read its first letter: started together they take the cores from it, and
  // the first letter is stored 50 to 90 ms later.
  const memoryCapBytes = options.fileMemoryCapBytes ?? DEFAULT_FILE_MEMORY_CAP_BYTES;
  const pool = createCappedPool<ExtractTask, ExtractOutcome>({ workerUrl: WORKER_URL, size: threads, memoryCapBytes, resourceLimits: WORKER_HEAP_LIMITS });
  pool.warm();
  let discovered: Awaited<ReturnType<typeof discoverLetterFiles>>;
  try {
    discovered = await discoverLetterFiles(paths);
  } catch (error) {
    await pool.destroy();
    throw error;
  }
  const failures: ImportFailure[] = [];
  const contentDuplicates: ContentDuplicate[] = [];
  const counts = { done: 0, imported: 0, duplicates: 0, failed: 0 };
  const stageMs: { -readonly [Stage in keyof ImportStageTimes]: number } = { hashing: 0, reading: 0, parsing: 0, deriving: 0, handOver: 0, waitingForOrder: 0, storing: 0 };
  let currentFile: string | null = null;
  /** Why the library cannot take more: the first disk-level failure; the import stops there. */
  let storageError: string | null = null;
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  const halt = (error: unknown): boolean => {
    storageError ??= storageFailure(error, library.file);
    if (storageError !== null) stop.abort();
    return storageError !== null;
  };

  let runId = 0;
  try {
    runId = startImportRun(db, paths.join('; '));
  } catch (error) {
    if (!halt(error)) throw error;
  }
  const progress = (): ImportProgress => {
    const elapsedMs = performance.now() - started;
    return {
      runId,
      total: discovered.letters.length + discovered.missing.length,
      ...counts,
      currentFile,
      lettersPerSecond: elapsedMs > 0 ? (counts.done * 1000) / elapsedMs : 0,
      elapsedMs,
    };
  };
  /** Kept in the summary whatever happens; recorded in the library while it can take it. */
  const fail = (failure: ImportFailure) => {
    failures.push(failure);
    counts.failed++;
    if (storageError !== null) return;
    try {
      recordImportError(db, runId, { filePath: failure.path, code: failure.code, message: failure.message });
    } catch (error) {
      if (!halt(error)) throw error;
    }
  };
  for (const { path, reason } of discovered.missing) {
    fail({ path, code: 'not-found', message: `${path}: ${reason}` });
    counts.done++;
  }
  // The count is known once the files are found: said now, not after the first letter is stored.
  options.onProgress?.(progress());

  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const fileTimeoutMs = options.fileTimeoutMs ?? DEFAULT_FILE_TIMEOUT_MS;
  const settings = checkSettings(db);
  const seenThisRun = new Set<string>();
  // One task per thread at a time, so a file's time limit runs from when a worker takes it, never
  // while it waits; one thread until the first letter is read (or a first file is slow to read).
  const workers = createSemaphore(1);
  let allWorkers = threads === 1;
  const startAllWorkers = () => {
    if (allWorkers) return;
    allWorkers = true;
    workers.add(threads - 1);
  };
  const headStart = setTimeout(startAllWorkers, FIRST_WORKER_HEAD_START_MS);

  /** The slow part, run out of order: the duplicate check, then extraction in a worker. */
  const extract = async (path: string): Promise<Extracted> => {
    currentFile = readableName(path);
    const hashStarted = performance.now();
    const file = await readAndHash(path, maxBytes);
    stageMs.hashing += performance.now() - hashStarted;
    if (file !== null && (seenThisRun.has(file.sha256) || hasLetterWithSha256(db, file.sha256))) return { kind: 'duplicate' };
    if (file !== null) seenThisRun.add(file.sha256);
    await workers.acquire();
    try {
      const task: ExtractTask = { path, maxBytes, checkSettings: settings, ...(file === null ? {} : { read: file }) };
      const fileBytes = file?.bytes.length ?? null;
      // The bytes move to the worker (not copied): this thread is done with them.
      const transferList = file === null ? [] : [file.bytes.buffer as ArrayBuffer];
      const run = await pool.run(task, { signal, timeoutMs: fileTimeoutMs, transferList });
      options.onFileMemory?.(readableName(path), run.peakBytes);
      if (run.kind !== 'done') {
        const message = stoppedReading(readableName(path), run.kind, fileBytes, run.kind === 'too-large' ? memoryCapBytes : fileTimeoutMs);
        return { kind: 'failed', failure: { path: readableName(path), code: run.kind, message } };
      }
      const { outcome } = run;
      if (outcome.ok) {
        stageMs.reading += outcome.times.reading;
        stageMs.parsing += outcome.times.parsing;
        stageMs.deriving += outcome.times.deriving;
        stageMs.handOver += Math.max(0, performance.timeOrigin + performance.now() - outcome.times.finishedAt);
      }
      return outcome.ok ? { kind: 'letter', outcome } : { kind: 'failed', failure: { path: readableName(path), code: outcome.code, message: outcome.message } };
    } finally {
      workers.release();
      startAllWorkers();
    }
  };

  /** The quick part, run in file order so letter ids (the queue's import order) follow the files. */
  const store = (named: string, extracted: Extracted): void => {
    const path = readableName(named);
    if (extracted.kind === 'duplicate') counts.duplicates++;
    else if (extracted.kind === 'failed') fail(extracted.failure);
    else {
      const storeStarted = performance.now();
      try {
        const stored = insertParsedLetter(db, extracted.outcome.source, extracted.outcome.parsed, runId, extracted.outcome.derived);
        if (stored.status === 'inserted') counts.imported++;
        else counts.duplicates++;
        if (stored.status === 'content-duplicate') contentDuplicates.push({ path, duplicateOf: stored.duplicateOf });
      } catch (error) {
        const code = halt(error) ? 'not-stored' : 'storage-error';
        fail({ path, code, message: `${path}: the letter could not be stored (${storageError ?? String(error)})` });
      }
      stageMs.storing += performance.now() - storeStarted;
    }
    counts.done++;
    options.onProgress?.(progress());
  };

  const turns = createTurnstile();
  try {
    if (storageError === null) {
      await forEachConcurrently(discovered.letters, threads * 2, signal, async (path, index) => {
        let extracted: Extracted | null = null;
        try {
          extracted = await extract(path);
        } catch (error) {
          if (!signal.aborted) {
            const message = `${readableName(path)}: ${error instanceof Error ? error.message : String(error)}`;
            extracted = { kind: 'failed', failure: { path: readableName(path), code: 'unexpected', message } };
          }
        }
        const waitStarted = performance.now();
        await turns.wait(index);
        stageMs.waitingForOrder += performance.now() - waitStarted;
        try {
          if (extracted && storageError === null) store(path, extracted);
        } finally {
          turns.pass();
        }
      });
    }
  } finally {
    clearTimeout(headStart);
    await pool.destroy();
  }
  const counted = {
    filesSeen: discovered.letters.length + discovered.missing.length + discovered.skipped.length,
    imported: counts.imported,
    duplicates: counts.duplicates,
    failed: counts.failed,
  };
  if (storageError === null) {
    try {
      finishImportRun(db, runId, options.signal?.aborted ? 'cancelled' : 'completed', counted);
    } catch (error) {
      if (!halt(error)) throw error;
    }
  }
  // After a disk-level failure nothing more is written: the run stays 'running', and the next open marks it interrupted with the letters it stored.
  const status = storageError !== null ? 'failed' : options.signal?.aborted ? 'cancelled' : 'completed';
  return { ...progress(), currentFile: null, status, error: storageError, failures, skipped: discovered.skipped, contentDuplicates, stageMs };
}


type Extracted =
  | { readonly kind: 'duplicate' }
  | { readonly kind: 'failed'; readonly failure: ImportFailure }
  | { readonly kind: 'letter'; readonly outcome: Extract<ExtractOutcome, { ok: true }> };

/** Lets work items take their turn in index order: wait(i) resolves once items 0..i-1 have passed. */
function createTurnstile(): { wait(index: number): Promise<void>; pass(): void } {
  let next = 0;
  const waiting = new Map<number, () => void>();
  return {
    wait: (index) => (index === next ? Promise.resolve() : new Promise<void>((resolve) => waiting.set(index, resolve))),
    pass: () => {
      next++;
      waiting.get(next)?.();
      waiting.delete(next);
    },
  };
}

/** At most `permits` holders at once; the others wait in order. */
function createSemaphore(permits: number): { acquire(): Promise<void>; release(): void; add(more: number): void } {
  let free = permits;
  const waiting: (() => void)[] = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else free++;
  };
  return {
    acquire: () => {
      if (free > 0) {
        free--;
        return Promise.resolve();
      }
      return new Promise<void>((resolve) => waiting.push(resolve));
    },
    release,
    add: (more) => {
      for (let permit = 0; permit < more; permit++) release();
    },
  };
}

/** Runs `work` over `items` with at most `limit` in flight; stops taking new items once `signal` aborts. */
async function forEachConcurrently<T>(
  items: readonly T[],
  limit: number,
  signal: AbortSignal | undefined,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length && !signal?.aborted) {
      const index = next++;
      await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}
