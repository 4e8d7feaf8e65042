/** Electron IPC: the renderer's calls relayed, unchanged, to the library server. The main process runs no SQL. */
import { API_CHANNEL } from '../../shared/api.ts';
import { checkRequest } from './request.ts';
import type { ApiCaller } from './request.ts';

/** The one ipcMain method the relay uses, so it can be given a guarded ipcMain (see shell/security.ts). */
export interface IpcHandlerHost {
  handle(channel: string, listener: (event: { senderFrame?: { url: string } | null }, ...args: unknown[]) => unknown): void;
}

export function relayApi(ipcMain: IpcHandlerHost, server: ApiCaller): void {
  ipcMain.handle(API_CHANNEL, async (_event, request: unknown) => {
    const checked = checkRequest(request);
    return checked.ok ? server.call(checked.request) : checked.response;
  });
}
