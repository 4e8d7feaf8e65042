/**
 * The Electron security checklist in one place: the window's web preferences, and the
 * handlers that refuse navigation, new windows, permissions and any request that is not
 * the app's own files (or the dev server while developing).
 */
import type { WebPreferences } from 'electron';
import type { IpcHandlerHost } from '../transport/ipc.ts';

/** Isolated, sandboxed, no Node: the renderer reaches the main process only through the preload's typed API. */
export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

const WEB_PROTOCOLS = new Set(['http:', 'https:', 'ws:', 'wss:']);

/** True for the app's own resources: files, inline data, DevTools, and the dev server's origin when there is one. */
export function isAppUrl(url: string, devServer: string | undefined): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'file:' || parsed.protocol === 'data:' || parsed.protocol === 'devtools:') return true;
  if (!devServer || !WEB_PROTOCOLS.has(parsed.protocol)) return false;
  const server = new URL(devServer);
  return parsed.hostname === server.hostname && parsed.port === server.port;
}

export interface PreventableEvent {
  preventDefault(): void;
}

/** will-navigate, will-redirect, will-attach-webview: the app is one page and never leaves it. */
export function denyNavigation(event: PreventableEvent): void {
  event.preventDefault();
}

/** window.open and target=_blank open nothing. */
export function denyWindowOpen(): { action: 'deny' } {
  return { action: 'deny' };
}

/** Camera, notifications, clipboard reads, geolocation...: the app asks for none, so none are granted. */
export function denyPermission(_contents: unknown, _permission: string, callback: (granted: boolean) => void): void {
  callback(false);
}

export function denyPermissionCheck(): boolean {
  return false;
}

/** Cancels every request that is not the app's own (no remote content, ever). */
export function requestFilter(devServer: string | undefined) {
  return (details: { url: string }, callback: (response: { cancel: boolean }) => void): void => {
    callback({ cancel: !isAppUrl(details.url, devServer) });
  };
}

export interface GuardedContents {
  on(event: 'will-navigate' | 'will-redirect' | 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: () => { action: 'deny' }): void;
}

export interface GuardedSession {
  setPermissionRequestHandler(handler: typeof denyPermission): void;
  setPermissionCheckHandler(handler: typeof denyPermissionCheck): void;
  webRequest: { onBeforeRequest(listener: ReturnType<typeof requestFilter>): void };
}

export function guardContents(contents: GuardedContents): void {
  contents.on('will-navigate', denyNavigation);
  contents.on('will-redirect', denyNavigation);
  contents.on('will-attach-webview', denyNavigation);
  contents.setWindowOpenHandler(denyWindowOpen);
}

export function guardSession(session: GuardedSession, devServer: string | undefined): void {
  session.setPermissionRequestHandler(denyPermission);
  session.setPermissionCheckHandler(denyPermissionCheck);
  session.webRequest.onBeforeRequest(requestFilter(devServer));
}

export type { IpcHandlerHost };

/**
 * ipcMain's handle(), except that every handler first checks the call comes from a frame
 * showing the app itself, so no other content could reach the API even if it loaded.
 * Only handle() is carried over: the API and the shell register nothing else.
 */
export function fromAppFramesOnly<Host extends IpcHandlerHost>(ipcMain: Host, devServer: string | undefined): Host {
  const guarded: IpcHandlerHost = {
    handle(channel, listener) {
      ipcMain.handle(channel, (event, ...args) => {
        const url = event.senderFrame?.url ?? '';
        if (!isAppUrl(url, devServer)) throw new Error(`Refused ${channel} from ${url || 'an unknown frame'}.`);
        return listener(event, ...args);
      });
    },
  };
  return guarded as Host;
}
