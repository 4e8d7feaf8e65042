/**
 * Letters through a pool of worker threads, in the order their paths arrive, from a stream of
 * paths of any length: the pool starts once and stays warm for the whole stream, a bounded
 * number of files is in flight (read ahead while the workers parse), and each result is handed
 * on as soon as every earlier one has been. Memory holds the files in flight, never the stream.
 * This thread reads and hashes each file (a batch skips what its manifest holds by the hash);
 * the bytes then move to the worker, so a file is read once. Each file is read under the
 * import's memory cap and time limit (import/cappedPool.ts): a bomb is one file's `too-large`.
 */
import { availableParallelism } from 'node:os';
import { createCappedPool, DEFAULT_FILE_MEMORY_CAP_BYTES, stoppedReading } from '../import/cappedPool.ts';
import { DEFAULT_MAX_BYTES, readAndHash, readableName } from '../letters/reading/index.ts';
import type { HashedFile } from '../letters/reading/index.ts';
import type { RecordOutcome, RecordTask } from './recordWorker.ts';

export interface ExtractPoolOptions {
  /** Worker threads; one per core by default. */
  readonly threads?: number;
  readonly maxBytes?: number;
  /** Reading and parsing one file may take this long in its worker before the worker is stopped and the file reported `timed-out`. */
  readonly fileTimeoutMs?: number;
  /** Stops taking paths; the files in flight still finish. */
  readonly signal?: AbortSignal;
  /** True when this file needs no reading (a batch's manifest holds it): it is handed on as `held`. */
  readonly held?: (path: string, file: HashedFile) => boolean;
}

export type PooledOutcome =
  | { readonly path: string; readonly kind: 'held'; readonly sha256: string }
  /** sha256 and size are null when this thread could not read the file (the outcome says why). */
  | { readonly path: string; readonly kind: 'read'; readonly sha256: string | null; readonly size: number | null; readonly outcome: RecordOutcome };

/** Above the PDF reader's own 60 s limit, which reports a stalled pdf.js as a damaged PDF when it can. */
const DEFAULT_FILE_TIMEOUT_MS = 90_000;
/** As the import's workers: pdf.js leaves garbage behind every document, and a small old generation collects it early. */
const WORKER_HEAP_LIMITS = { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 32 };
/** Files read ahead per worker: enough that a worker never waits for this thread. */
const IN_FLIGHT_PER_THREAD = 2;

/** Bundled builds run the compiled worker beside the bundle; sources run the .ts file. */
const WORKER_URL = new URL(import.meta.url.endsWith('.ts') ? './recordWorker.ts' : './recordWorker.js', import.meta.url);

export async function* extractInOrder(paths: AsyncIterable<string> | Iterable<string>, options: ExtractPoolOptions = {}): AsyncGenerator<PooledOutcome> {
  const threads = Math.max(1, options.threads ?? availableParallelism());
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const fileTimeoutMs = options.fileTimeoutMs ?? DEFAULT_FILE_TIMEOUT_MS;
  const pool = createCappedPool<RecordTask, RecordOutcome>({ workerUrl: WORKER_URL, size: threads, memoryCapBytes: DEFAULT_FILE_MEMORY_CAP_BYTES, resourceLimits: WORKER_HEAP_LIMITS });
  pool.warm();
  // A file's time limit runs from when a worker takes it, never while it waits for one.
  const workers = slots(threads);
  const inFlight = slots(threads * IN_FLIGHT_PER_THREAD);

  const one = async (path: string): Promise<PooledOutcome> => {
    try {
      const file = await readAndHash(path, maxBytes);
      if (file !== null && options.held?.(path, file)) return { path, kind: 'held', sha256: file.sha256 };
      const read = { path, kind: 'read', sha256: file?.sha256 ?? null, size: file?.bytes.length ?? null } as const;
      await workers.take();
      try {
        const task: RecordTask = { path, maxBytes, ...(file === null ? {} : { read: file }) };
        // The bytes move to the worker (not copied): this thread is done with them.
        const transferList = file === null ? [] : [file.bytes.buffer as ArrayBuffer];
        const run = await pool.run(task, { timeoutMs: fileTimeoutMs, transferList });
        if (run.kind === 'done') return { ...read, outcome: run.outcome };
        const message = stoppedReading(readableName(path), run.kind, read.size, run.kind === 'too-large' ? DEFAULT_FILE_MEMORY_CAP_BYTES : fileTimeoutMs);
        return { ...read, outcome: { ok: false, code: run.kind, message } };
      } finally {
        workers.give();
      }
    } catch (error) {
      return { path, kind: 'read', sha256: null, size: null, outcome: { ok: false, code: 'unexpected', message: `${readableName(path)}: ${error instanceof Error ? error.message : String(error)}` } };
    }
  };

  // The paths are taken as they come, apart from the results: a slow source of paths holds back no finished result.
  const queue: Promise<PooledOutcome>[] = [];
  let ended = false;
  /** Set once the consumer has stopped, early or not: the intake takes no more paths. */
  let stopped = false;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  let intakeFailure: unknown = null;
  void (async () => {
    try {
      for await (const path of paths) {
        await inFlight.take();
        if (stopped || options.signal?.aborted) break;
        queue.push(one(path));
        notify();
      }
    } catch (error) {
      intakeFailure = error;
    } finally {
      ended = true;
      notify();
    }
  })();
  try {
    for (;;) {
      const next = queue.shift();
      if (next === undefined) {
        if (ended) break;
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      const outcome = await next;
      inFlight.give();
      yield outcome;
    }
    if (intakeFailure !== null) throw intakeFailure;
  } finally {
    // A consumer that stops early (its reader has gone) leaves the intake waiting for a slot: it is let go, and takes no more.
    stopped = true;
    inFlight.give(threads * IN_FLIGHT_PER_THREAD);
    await Promise.allSettled(queue);
    await pool.destroy();
  }
}


/** At most `count` holders at once; the others wait in order. */
function slots(count: number): { take(): Promise<void>; give(times?: number): void } {
  let free = count;
  const waiting: (() => void)[] = [];
  return {
    take: () => {
      if (free > 0) {
        free--;
        return Promise.resolve();
      }
      return new Promise<void>((resolve) => waiting.push(resolve));
    },
    give: (times = 1) => {
      for (let time = 0; time < times; time++) {
        const next = waiting.shift();
        if (next) next();
        else free++;
      }
    },
  };
}
