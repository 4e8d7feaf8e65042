/**
 * The one typed contract between the UI and the main-process services. The preload
 * exposes it over Electron IPC; every call is validated at the main-process boundary.
 */

export interface AppInfo {
  readonly appVersion: string;
  readonly parserVersion: string;
}

export interface ImrApi {
  getAppInfo(): Promise<AppInfo>;
}

export type ApiMethod = keyof ImrApi;

/** Method names, for the preload bridge and the IPC registration. */
export const API_METHODS: readonly ApiMethod[] = ['getAppInfo'];

/** The IPC channel a method travels on. */
export function channelOf(method: ApiMethod): string {
  return `imr:${method}`;
}
