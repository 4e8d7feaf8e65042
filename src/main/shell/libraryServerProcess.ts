/**
 * The desktop app's library server: an Electron utility process running src/main/server, so
 * no SQL, import or export ever runs on the main thread. Its settings go first, as a message.
 */
import { HEAP_FLAGS } from '../processes.ts';
import { LibraryClient } from '../server/client.ts';
import type { ServerReply, ServerSettings } from '../server/protocol.ts';

/** The part of Electron's utilityProcess the shell uses. */
export interface UtilityProcessApi {
  fork(modulePath: string, args?: string[], options?: { serviceName?: string; execArgv?: string[] }): UtilityChild;
}

export interface UtilityChild {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

export function startLibraryServer(utilityProcess: UtilityProcessApi, entry: string, settings: ServerSettings): LibraryClient {
  const child = utilityProcess.fork(entry, [], { serviceName: 'IMR Review library server', execArgv: [...HEAP_FLAGS] });
  child.postMessage(settings);
  return new LibraryClient({
    post: (request) => child.postMessage(request),
    onMessage: (listener) => child.on('message', (message) => listener(message as ServerReply)),
    onExit: (listener) => child.on('exit', listener),
    kill: () => void child.kill(),
  });
}
