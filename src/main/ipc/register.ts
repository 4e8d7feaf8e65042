/** Wires the API to Electron IPC: one channel per method, every call through the validating dispatcher. */
import type { IpcMain } from 'electron';
import { API_METHODS, channelOf } from '../../shared/api.ts';
import type { ImrApi } from '../../shared/api.ts';
import { dispatch } from '../api/dispatch.ts';

export function registerApi(ipcMain: IpcMain, handlers: ImrApi): void {
  for (const method of API_METHODS) {
    ipcMain.handle(channelOf(method), (_event, ...args: unknown[]) => dispatch(handlers, method, args));
  }
}
