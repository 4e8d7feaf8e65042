/**
 * The Electron security checklist in one place: the window's web preferences, and the
 * handlers that refuse navigation, new windows, permissions and any request that is not
 * the app's own files (app://app, see appProtocol.ts) or the dev server while developing.
 */
import type { WebPreferences } from 'electron';
import type { IpcHandlerHost } from '../transport/ipc.ts';
import { isAppOrigin } from './appProtocol.ts';

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
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The renderer's dev server (electron-vite dev sets ELECTRON_RENDERER_URL): only in a build that
 * is not packaged, and only an http address on this machine. A packaged app always loads its own files.
 */
export function devServerUrl(isPackaged: boolean, env: Readonly<Record<string, string | undefined>>): string | undefined {
  const url = env['ELECTRON_RENDERER_URL'];
  if (isPackaged || !url) return undefined;
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && LOOPBACK_HOSTS.has(parsed.hostname) ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The data folder the end-to-end suite points the app at (IMR_REVIEW_USER_DATA): only in a build
 * that is not packaged, so nothing in a user's environment can move an installed app's library.
 */
export function testUserDataFolder(isPackaged: boolean, env: Readonly<Record<string, string | undefined>>): string | undefined {
  const folder = env['IMR_REVIEW_USER_DATA'];
  return isPackaged || !folder ? undefined : folder;
}

/** True for the page itself: the app's origin (app://app), or the dev server's while developing. The IPC sender check. */
export function isAppPage(url: string, devServer: string | undefined): boolean {
  if (isAppOrigin(url)) return true;
  return devServer !== undefined && isDevServer(url, devServer);
}

/** True for what the page may load: its own origin, inline data (images), DevTools, and the dev server while developing. */
export function isAppUrl(url: string, devServer: string | undefined): boolean {
  if (isAppOrigin(url) || url.startsWith('data:') || url.startsWith('devtools:')) return true;
  return devServer !== undefined && isDevServer(url, devServer);
}

function isDevServer(url: string, devServer: string): boolean {
  try {
    const parsed = new URL(url);
    const server = new URL(devServer);
    return WEB_PROTOCOLS.has(parsed.protocol) && parsed.hostname === server.hostname && parsed.port === server.port;
  } catch {
    return false;
  }
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
        if (!isAppPage(url, devServer)) throw new Error(`Refused ${channel} from ${url || 'an unknown frame'}.`);
        return listener(event, ...args);
      });
    },
  };
  return guarded as Host;
}
