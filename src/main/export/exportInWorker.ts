/**
 * Runs an export in its own worker thread (see exportWorker.ts), so the thread that asked for
 * it stays free. A cancel is handled at once: the worker is asked to stop and, if it is inside
 * a long write, terminated and its temporary files removed.
 */
import { rm } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import type { ExportOptions, ExportProgress, ExportResult } from '../../shared/export.ts';
import type { ExportControl } from './exportDataset.ts';

export interface ExportWorkerData {
  readonly libraryFile: string;
  readonly options: ExportOptions;
}

export type ExportWorkerMessage =
  | { readonly type: 'progress'; readonly progress: ExportProgress }
  | { readonly type: 'files'; readonly paths: readonly string[] }
  | { readonly type: 'done'; readonly result: ExportResult }
  | { readonly type: 'failed'; readonly name: string; readonly message: string };

/** How long a cancelled export may take to stop by itself before it is terminated. */
const CANCEL_GRACE_MS = 100;

/** Bundled builds run the compiled worker beside the bundle; sources run the .ts file. */
const WORKER_URL = new URL(import.meta.url.endsWith('.ts') ? './exportWorker.ts' : './exportWorker.js', import.meta.url);

export function exportInWorker(libraryFile: string, options: ExportOptions, control: ExportControl = {}): Promise<ExportResult> {
  control.signal?.throwIfAborted();
  const worker = new Worker(WORKER_URL, { workerData: { libraryFile, options } satisfies ExportWorkerData });
  let tempPaths: readonly string[] = [];
  return new Promise<ExportResult>((resolve, reject) => {
    let settled = false;
    const settle = (finish: () => void) => {
      if (settled) return;
      settled = true;
      control.signal?.removeEventListener('abort', onAbort);
      finish();
    };
    const cancelled = () => control.signal?.reason ?? new DOMException('The export was cancelled', 'AbortError');
    const onAbort = () => {
      worker.postMessage('cancel');
      setTimeout(() => void worker.terminate(), CANCEL_GRACE_MS).unref();
    };
    control.signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (message: ExportWorkerMessage) => {
      if (message.type === 'progress') control.onProgress?.(message.progress);
      else if (message.type === 'files') tempPaths = message.paths;
      else if (message.type === 'done') settle(() => resolve(message.result));
      else settle(() => reject(Object.assign(new Error(message.message), { name: message.name })));
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => {
      if (settled) return;
      // Stopped before it could answer: terminated after a cancel, or crashed. Either way its files are half written.
      const reason = control.signal?.aborted ? cancelled() : new Error(`The export stopped unexpectedly (exit code ${code})`);
      void Promise.all(tempPaths.map((file) => rm(file, { force: true }))).finally(() => settle(() => reject(reason)));
    });
  }).finally(() => void worker.terminate());
}
