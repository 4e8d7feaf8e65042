/**
 * Runs an export in its own worker thread (see exportWorker.ts), so the thread that asked for
 * it stays free. A cancel is handled at once: the worker is asked to stop and, if it is inside a
 * long write, terminated. A worker that cannot even be terminated (a thread stuck in a file
 * system call) is abandoned, so the cancel, the next export and the shutdown never wait on it.
 * Whatever an abandoned export left beside its folder is cleared as a killed one's would be.
 */
import { Worker } from 'node:worker_threads';
import type { ExportOptions, ExportProgress, ExportResult } from '../../shared/export.ts';
import type { ExportControl } from './exportDataset.ts';
import { recoverExportFolder } from './exportSet.ts';

export interface ExportWorkerData {
  readonly libraryFile: string;
  readonly options: ExportOptions;
}

export type ExportWorkerMessage =
  | { readonly type: 'progress'; readonly progress: ExportProgress }
  | { readonly type: 'started'; readonly target: string }
  | { readonly type: 'committing' }
  | { readonly type: 'done'; readonly result: ExportResult }
  | { readonly type: 'failed'; readonly name: string; readonly message: string };

/** How long a cancelled export may take to stop by itself before it is terminated. */
const CANCEL_GRACE_MS = 100;
/** How long a terminated worker may take to exit before it is abandoned. */
const TERMINATE_GRACE_MS = 1000;
/** Clearing up after an abandoned export gets this long per file system call. */
const CLEANUP_TIMEOUT_MS = 5000;

/**
 * An export streams, holding a letter or a row group at a time, but V8 lets a heap grow to
 * hundreds of megabytes before it collects. A small old generation makes it collect early (every
 * format of 100,000 letters stays under 300 MB); a young generation of 64 MB keeps the
 * collections of short-lived rows cheap (at 16 MB a JSONL export took half as long again).
 * A Parquet export's rows go on to its encoder's thread (parquetEncoder.ts) as they are read,
 * so its own heap holds a letter and a batch, and the two threads share the memory of one.
 */
const WORKER_HEAP_LIMITS = { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 64 };
const PARQUET_WORKER_HEAP_LIMITS = { maxOldGenerationSizeMb: 48, maxYoungGenerationSizeMb: 32 };

/** Bundled builds run the compiled worker beside the bundle; sources run the .ts file. */
const WORKER_URL = new URL(import.meta.url.endsWith('.ts') ? './exportWorker.ts' : './exportWorker.js', import.meta.url);

export function exportInWorker(libraryFile: string, options: ExportOptions, control: ExportControl = {}): Promise<ExportResult> {
  control.signal?.throwIfAborted();
  const worker = new Worker(WORKER_URL, { workerData: { libraryFile, options } satisfies ExportWorkerData, resourceLimits: options.format === 'parquet' ? PARQUET_WORKER_HEAP_LIMITS : WORKER_HEAP_LIMITS });
  let target: string | null = null;
  let committing = false;
  return new Promise<ExportResult>((resolve, reject) => {
    let settled = false;
    const settle = (finish: () => void) => {
      if (settled) return;
      settled = true;
      control.signal?.removeEventListener('abort', onAbort);
      finish();
    };
    const cancelled = () => control.signal?.reason ?? new DOMException('The export was cancelled', 'AbortError');
    /** Gives up on the worker: its staging is cleared as a killed export's would be. */
    const abandon = (reason: unknown) => {
      if (settled) return;
      const clearing = target === null ? Promise.resolve() : recoverExportFolder({ timeoutMs: CLEANUP_TIMEOUT_MS }, target).catch(() => undefined);
      void clearing.finally(() => settle(() => reject(reason)));
    };
    const onAbort = () => {
      // The renames take microseconds: a cancel that arrives during them lets them finish.
      if (committing) return;
      worker.postMessage('cancel');
      setTimeout(() => {
        if (committing) return;
        void worker.terminate();
        setTimeout(() => abandon(cancelled()), TERMINATE_GRACE_MS).unref();
      }, CANCEL_GRACE_MS).unref();
    };
    control.signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (message: ExportWorkerMessage) => {
      if (message.type === 'progress') control.onProgress?.(message.progress);
      else if (message.type === 'started') {
        target = message.target;
        control.onStarted?.(message.target);
      }
      else if (message.type === 'committing') committing = true;
      else if (message.type === 'done') settle(() => resolve(message.result));
      else settle(() => reject(Object.assign(new Error(message.message), { name: message.name })));
    });
    worker.on('error', (error) => abandon(error));
    worker.on('exit', (code) => abandon(control.signal?.aborted ? cancelled() : new Error(`The export stopped unexpectedly (exit code ${code})`)));
  }).finally(() => void worker.terminate());
}
