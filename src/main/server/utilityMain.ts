/**
 * The library server in an Electron utility process: the desktop app's main process only
 * relays messages to it. Settings arrive as the first message, since a utility process gets
 * no workerData.
 */
import type { ServerReply, ServerRequest, ServerSettings } from './protocol.ts';
import { enableCompileCache } from '../processes.ts';
import { serveLibrary } from './serve.ts';

enableCompileCache();

interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  once(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
if (!parentPort) throw new Error('utilityMain runs as an Electron utility process');
parentPort.once('message', ({ data }) => {
  serveLibrary(
    { onMessage: (listener) => parentPort.on('message', ({ data: request }) => listener(request as ServerRequest)), post: (reply: ServerReply) => parentPort.postMessage(reply) },
    data as ServerSettings,
    () => process.exit(0),
  );
});
