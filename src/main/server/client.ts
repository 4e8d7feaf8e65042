/**
 * The other end of the library server, in whatever process started it: every request gets an
 * id and waits for its reply. If the server stops, every request still waiting is answered
 * with an error, so no caller hangs.
 */
import type { ApiRequest, ApiResponse, AppInfo } from '../../shared/api.ts';
import type { OpenLibraryRequest, ServerReply, ServerRequest } from './protocol.ts';

/** The started server, whatever carries it (a worker thread, a utility process). */
export interface ServerHandle {
  post(request: ServerRequest): void;
  onMessage(listener: (reply: ServerReply) => void): void;
  onExit(listener: (code: number) => void): void;
  kill(): void;
}

/** How long a closing server may take to stop its jobs and close the file before it is killed. */
const CLOSE_TIMEOUT_MS = 10_000;

export class LibraryClient {
  readonly #handle: ServerHandle;
  readonly #pending = new Map<number, (reply: ServerReply | null) => void>();
  #nextId = 1;
  #stopped = false;

  constructor(handle: ServerHandle) {
    this.#handle = handle;
    handle.onMessage((reply) => {
      const resolve = this.#pending.get(reply.id);
      this.#pending.delete(reply.id);
      resolve?.(reply);
    });
    handle.onExit(() => {
      this.#stopped = true;
      for (const resolve of this.#pending.values()) resolve(null);
      this.#pending.clear();
    });
  }

  /** Calls the API; a stopped server answers with an error. */
  async call(request: ApiRequest): Promise<ApiResponse<unknown>> {
    const reply = await this.#send((id) => ({ kind: 'call', id, request }));
    return reply?.kind === 'reply' ? reply.response : stoppedResponse();
  }

  /** Opens (or creates) a library; the one open before closes once its jobs have stopped. */
  async open(open: OpenLibraryRequest): Promise<ApiResponse<AppInfo>> {
    const reply = await this.#send((id) => ({ kind: 'open', id, open }));
    return reply?.kind === 'opened' ? reply.response : (stoppedResponse() as ApiResponse<AppInfo>);
  }

  /** Stops the jobs, closes the library and lets the server exit (killing it if it does not in time). */
  async close(): Promise<void> {
    if (this.#stopped) return;
    const timer = setTimeout(() => this.#handle.kill(), CLOSE_TIMEOUT_MS);
    await this.#send((id) => ({ kind: 'close', id }));
    clearTimeout(timer);
  }

  /** Requests sent and not answered yet. */
  get inFlight(): number {
    return this.#pending.size;
  }

  #send(request: (id: number) => ServerRequest): Promise<ServerReply | null> {
    if (this.#stopped) return Promise.resolve(null);
    const id = this.#nextId++;
    return new Promise((resolve) => {
      this.#pending.set(id, resolve);
      this.#handle.post(request(id));
    });
  }
}

function stoppedResponse(): ApiResponse<never> {
  return { ok: false, error: { code: 'internal', message: 'The library server has stopped; restart the app' } };
}
