/**
 * The renderer's handle on the API. Inside Electron the preload provides the transport;
 * in a browser (the loopback bridge) calls go over HTTP with the per-run token. Either
 * way a failed call throws an ApiCallError the UI can show.
 */
import { API_METHODS } from '../../../shared/api.ts';
import type { ApiError, ApiMethod, ApiResponse, ApiTransport, ImrApi, ShellBridge } from '../../../shared/api.ts';
import { createHttpTransport } from './http.ts';

export class ApiCallError extends Error {
  readonly code: ApiError['code'];

  constructor(method: ApiMethod, error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
    this.code = error.code;
    this.cause = method;
  }
}

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a browser. */
    imr?: ApiTransport;
    /** The desktop shell's own abilities (menu commands, native pickers); absent in a browser. */
    imrShell?: ShellBridge;
  }
}

function unwrap(transport: ApiTransport): ImrApi {
  return Object.fromEntries(
    API_METHODS.map((method) => [
      method,
      async (...args: unknown[]) => {
        const call = transport[method] as (...callArgs: unknown[]) => Promise<ApiResponse<unknown>>;
        const response = await call(...args);
        if (!response.ok) throw new ApiCallError(method, response.error);
        return response.result;
      },
    ]),
  ) as unknown as ImrApi;
}

export const api: ImrApi = unwrap(window.imr ?? createHttpTransport());

/** The desktop shell, or null in a browser over the loopback bridge. */
export const desktop: ShellBridge | null = window.imrShell ?? null;
