/** The library server in a worker thread: how the loopback bridge (`npm run serve`) and the tests run it. */
import { parentPort, workerData } from 'node:worker_threads';
import type { ServerReply, ServerRequest, ServerSettings } from './protocol.ts';
import { enableCompileCache } from '../processes.ts';
import { serveLibrary } from './serve.ts';

enableCompileCache();

const port = parentPort;
if (!port) throw new Error('workerMain runs as a worker thread');
serveLibrary(
  { onMessage: (listener) => port.on('message', (message: ServerRequest) => listener(message)), post: (reply: ServerReply) => port.postMessage(reply) },
  workerData as ServerSettings,
  () => port.close(),
);
