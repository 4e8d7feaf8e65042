/**
 * Worker threads whose every task runs under a memory cap and a time limit that are enforced,
 * not hoped for. A worker's V8 heap limit does not count the ArrayBuffers a PDF inflates into
 * (a 1 MB file can inflate to gigabytes inside pdf.js's synchronous inflate), so this thread
 * asks each busy worker for its isolate's heap and external (ArrayBuffer) bytes every few
 * milliseconds — V8 answers between two steps of the worker's JavaScript, even mid-inflate — and
 * stops the worker the moment it is over the cap or the time limit. The task is then reported
 * `too-large` or `timed-out`; the next task gets a fresh worker.
 */
import type { TransferListItem, ResourceLimits } from 'node:worker_threads';
import { Worker } from 'node:worker_threads';
import { formatSize } from '../letters/reading/index.ts';

export interface CappedPoolOptions {
  /** A worker-thread module that answers each message (a task) with one message (its outcome). */
  readonly workerUrl: URL;
  /** Workers at most. */
  readonly size: number;
  /** A task whose worker holds more than this (V8 heap plus ArrayBuffers) is stopped. */
  readonly memoryCapBytes: number;
  readonly resourceLimits?: ResourceLimits;
}

export interface RunOptions {
  readonly timeoutMs: number;
  /** Aborting stops the task's worker and rejects with the signal's reason. */
  readonly signal?: AbortSignal;
  readonly transferList?: readonly TransferListItem[];
}

/** How a task ended, with the most memory its worker was seen holding. */
export type Run<Outcome> =
  | { readonly kind: 'done'; readonly outcome: Outcome; readonly peakBytes: number }
  | { readonly kind: 'too-large'; readonly peakBytes: number }
  | { readonly kind: 'timed-out'; readonly peakBytes: number };

export interface CappedPool<Task, Outcome> {
  run(task: Task, options: RunOptions): Promise<Run<Outcome>>;
  /** Starts one worker ahead of the first task, so its modules load meanwhile. */
  warm(): void;
  destroy(): Promise<void>;
}

/**
 * A letter's reading holds a few megabytes besides pdf.js's own heap (80 MB at most over the
 * real letters); a 50 MB PDF (the size limit) a few copies of it. Above this a file is
 * inflating far past any letter.
 */
export const DEFAULT_FILE_MEMORY_CAP_BYTES = 160 * 1024 * 1024;

/** Why a file's reading was stopped at the memory cap or the time limit, with its size on disk: the sentence for the user. */
export function stoppedReading(path: string, why: 'too-large' | 'timed-out', fileBytes: number | null, limit: number): string {
  const size = fileBytes === null ? '' : ` (the file is ${formatSize(fileBytes)})`;
  return why === 'too-large'
    ? `${path}: reading the file took more than ${formatSize(limit)} of memory${size}, so it was stopped; it may be damaged or a decompression bomb`
    : `${path}: reading the file did not finish within ${limit / 1000} s${size}, so it was stopped; it may be damaged or built to stall the reader`;
}

/** Often enough that a doubling buffer is caught within one step of its growth. */
const POLL_MS = 5;

export function createCappedPool<Task, Outcome>(options: CappedPoolOptions): CappedPool<Task, Outcome> {
  const idle: Worker[] = [];
  const all = new Set<Worker>();
  let busy = 0;
  const spawn = (): Worker => {
    const worker = new Worker(options.workerUrl, options.resourceLimits ? { resourceLimits: options.resourceLimits } : {});
    all.add(worker);
    worker.once('exit', () => {
      all.delete(worker);
      const at = idle.indexOf(worker);
      if (at >= 0) idle.splice(at, 1);
    });
    // An idle worker that fails is dropped (its exit removes it); a busy one's task hears of it.
    worker.on('error', () => undefined);
    return worker;
  };

  const run = (task: Task, runOptions: RunOptions): Promise<Run<Outcome>> => {
    if (busy >= options.size) return Promise.reject(new Error('every worker of the pool is busy'));
    if (runOptions.signal?.aborted) return Promise.reject(runOptions.signal.reason);
    busy++;
    const worker = idle.pop() ?? spawn();
    return new Promise<Run<Outcome>>((resolve, reject) => {
      let peakBytes = 0;
      let settled = false;
      const settle = (end: () => void, keepWorker: boolean) => {
        if (settled) return;
        settled = true;
        busy--;
        clearInterval(poll);
        clearTimeout(timer);
        runOptions.signal?.removeEventListener('abort', onAbort);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (keepWorker) idle.push(worker);
        else void worker.terminate();
        end();
      };
      const onMessage = (outcome: Outcome) => settle(() => resolve({ kind: 'done', outcome, peakBytes }), true);
      const onError = (error: Error & { code?: string }) =>
        settle(() => (error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? resolve({ kind: 'too-large', peakBytes }) : reject(error)), false);
      const onExit = (code: number) => settle(() => reject(new Error(`the reading thread stopped (exit code ${code})`)), false);
      const onAbort = () => settle(() => reject(runOptions.signal?.reason), false);
      const poll = setInterval(() => {
        worker.getHeapStatistics().then(
          (heap) => {
            peakBytes = Math.max(peakBytes, heap.total_heap_size + heap.external_memory);
            if (peakBytes > options.memoryCapBytes) settle(() => resolve({ kind: 'too-large', peakBytes }), false);
          },
          // The worker is gone or going: its exit or error settles the task.
          () => undefined,
        );
      }, POLL_MS);
      const timer = setTimeout(() => settle(() => resolve({ kind: 'timed-out', peakBytes }), false), runOptions.timeoutMs);
      runOptions.signal?.addEventListener('abort', onAbort, { once: true });
      worker.on('message', onMessage);
      worker.once('error', onError);
      worker.once('exit', onExit);
      worker.postMessage(task, runOptions.transferList);
    });
  };

  return {
    run,
    warm: () => {
      if (all.size === 0) idle.push(spawn());
    },
    destroy: async () => {
      await Promise.all([...all].map((worker) => worker.terminate()));
    },
  };
}
