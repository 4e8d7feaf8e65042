/**
 * An export in a worker thread of its own: reading and writing 100,000 letters takes seconds of
 * CPU that must not hold up the library server. Cancel arrives as a message between letters.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ExportOptions } from '../../shared/export.ts';
import { exportDataset } from './exportDataset.ts';
import type { ExportWorkerData, ExportWorkerMessage } from './exportInWorker.ts';

const port = parentPort;
if (!port) throw new Error('exportWorker runs as a worker thread');
const { libraryFile, options } = workerData as ExportWorkerData;
const controller = new AbortController();
port.on('message', (message: unknown) => {
  if (message === 'cancel') controller.abort();
});
const post = (message: ExportWorkerMessage) => port.postMessage(message);
exportDataset(libraryFile, options as ExportOptions, {
  signal: controller.signal,
  onProgress: (progress) => post({ type: 'progress', progress }),
  onStarted: (target) => post({ type: 'started', target }),
  onCommitting: () => post({ type: 'committing' }),
}).then(
  (result) => post({ type: 'done', result }),
  (error: unknown) => post({ type: 'failed', name: error instanceof Error ? error.name : 'Error', message: error instanceof Error ? error.message : String(error) }),
);
