/** Starts the library server in a worker thread, for the loopback bridge, the command line's tests and the benchmarks. */
import { Worker } from 'node:worker_threads';
import { WORKER_YOUNG_GENERATION_MB } from '../processes.ts';
import { LibraryClient } from './client.ts';
import type { ServerReply, ServerSettings } from './protocol.ts';

export function startServerWorker(settings: ServerSettings): LibraryClient {
  const worker = new Worker(new URL('./workerMain.ts', import.meta.url), { workerData: settings, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
  return new LibraryClient({
    post: (request) => worker.postMessage(request),
    onMessage: (listener) => worker.on('message', (reply: ServerReply) => listener(reply)),
    onExit: (listener) => worker.on('exit', listener),
    kill: () => void worker.terminate(),
  });
}
