/**
 * The renderer's handle on the API. Inside Electron the preload provides the transport; in a
 * browser (the loopback bridge) calls go over HTTP with the per-run token. Every call names the
 * library the page was loaded for, so a call can never land in a library opened since. A failed
 * call throws an ApiCallError the UI can show.
 */
import { API_METHODS } from '../../../shared/api.ts';
import type { ApiError, ApiMethod, ApiTransport, AppInfo, ImrApi, ShellBridge } from '../../../shared/api.ts';
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

function clientOver(transport: ApiTransport): ImrApi {
  let libraryId: string | undefined;
  const call = async (method: ApiMethod, args: unknown[]) => {
    const response = await transport.call(libraryId === undefined ? { method, args } : { method, args, libraryId });
    if (!response.ok) throw new ApiCallError(method, response.error);
    if (method === 'getAppInfo') libraryId = (response.result as AppInfo).libraryId;
    return response.result;
  };
  return Object.fromEntries(API_METHODS.map((method) => [method, (...args: unknown[]) => call(method, args)])) as unknown as ImrApi;
}

export const api: ImrApi = clientOver(window.imr ?? createHttpTransport());

/** The desktop shell, or null in a browser over the loopback bridge. */
export const desktop: ShellBridge | null = window.imrShell ?? null;
