/**
 * The messages between the library server (a worker thread or Electron utility process that
 * owns the SQLite file) and the process that started it (Electron's main process, or the
 * loopback bridge). Every request carries an id; the server answers each with a reply.
 */
import type { ApiRequest, ApiResponse, AppInfo } from '../../shared/api.ts';

export interface OpenLibraryRequest {
  readonly file: string;
  /** Stored as the library's reviewer before anything else happens (`npm run serve --reviewer`). */
  readonly reviewer?: string;
  /** An empty file is made a new library (New Database…, the app's own default file); otherwise it is refused. */
  readonly create?: boolean;
}

export type ServerRequest =
  | { readonly kind: 'call'; readonly id: number; readonly request: ApiRequest }
  /** Opens `file` (creating it if need be) and then closes the library open before, once its jobs have stopped. */
  | { readonly kind: 'open'; readonly id: number; readonly open: OpenLibraryRequest }
  /** Stops the jobs in flight, closes the library; the server then exits. */
  | { readonly kind: 'close'; readonly id: number };

export type ServerReply =
  | { readonly kind: 'reply'; readonly id: number; readonly response: ApiResponse<unknown> }
  | { readonly kind: 'opened'; readonly id: number; readonly response: ApiResponse<AppInfo> }
  | { readonly kind: 'closed'; readonly id: number };

/** What the server is started with. */
export interface ServerSettings {
  readonly appVersion: string;
  /** Folder of sample letters shipped with the app, offered on an empty library. */
  readonly samplesFolder: string;
}

/** The two ends of a message channel, whatever carries it (worker_threads, utilityProcess). */
export interface MessageEnd<In, Out> {
  onMessage(listener: (message: In) => void): void;
  post(message: Out): void;
}
