/**
 * The library server: the one owner of the library file. It runs off the window's main thread
 * (a worker thread behind the loopback bridge, an Electron utility process in the desktop app),
 * takes requests one at a time, in the order they came, and answers each. Opening another
 * library happens here too: calls sent before the switch finish on the old library, calls made
 * for the old library after it are refused (see ApiRequest.libraryId), never retargeted.
 */
import type { ApiRequest, ApiResponse, AppInfo } from '../../shared/api.ts';
import { dispatch, toApiError } from './dispatch.ts';
import { apiHandlers } from './handlers/index.ts';
import type { OpenLibraryRequest, ServerReply, ServerRequest, ServerSettings } from './protocol.ts';
import { openSession } from './session.ts';
import { storageFailure } from '../storage/index.ts';
import type { OpenSession } from './session.ts';

export class LibraryServer {
  readonly #settings: ServerSettings;
  #session: OpenSession | null = null;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(settings: ServerSettings) {
    this.#settings = settings;
  }

  /** Handles `request` after every request received before it. */
  receive(request: ServerRequest): Promise<ServerReply> {
    const reply = this.#queue.then(() => this.#handle(request));
    this.#queue = reply.catch(() => undefined);
    return reply;
  }

  async #handle(request: ServerRequest): Promise<ServerReply> {
    if (request.kind === 'call') return { kind: 'reply', id: request.id, response: await this.#call(request.request) };
    if (request.kind === 'open') return { kind: 'opened', id: request.id, response: await this.#open(request.open) };
    await this.#close();
    return { kind: 'closed', id: request.id };
  }

  async #call(request: ApiRequest): Promise<ApiResponse<unknown>> {
    const session = this.#session;
    if (!session) return { ok: false, error: { code: 'internal', message: 'No library is open' } };
    if (request.libraryId !== undefined && request.libraryId !== session.context.libraryId) {
      return { ok: false, error: { code: 'library-changed', message: 'Another library has been opened since; reload to see it' } };
    }
    return dispatch(session.handlers, request.method, request.args);
  }

  /** Opens the new library first: if it cannot be opened, the one open now stays open. */
  async #open(request: OpenLibraryRequest): Promise<ApiResponse<AppInfo>> {
    let next: OpenSession;
    try {
      next = openSession(request, this.#settings, apiHandlers);
    } catch (error) {
      // A disk that fails as the library is brought up to date (full, read-only) is the file's state, said in one line.
      const reason = storageFailure(error, request.file);
      if (reason !== null) return { ok: false, error: { code: 'cannot-open', message: `Cannot open letter library ${request.file}: ${reason}` } };
      return { ok: false, error: toApiError(error) };
    }
    const previous = this.#session;
    this.#session = next;
    await previous?.close();
    return { ok: true, result: await next.handlers.getAppInfo() };
  }

  async #close(): Promise<void> {
    const session = this.#session;
    this.#session = null;
    await session?.close();
  }
}
