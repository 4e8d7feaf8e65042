/** Wires the handler map to Electron IPC; the only place that knows about channels. */
import type { IpcMain } from 'electron';
import { API_METHODS, channelOf } from '../../shared/api.ts';
import type { ImrApi } from '../../shared/api.ts';

export function registerHandlers(ipcMain: IpcMain, handlers: ImrApi): void {
  for (const method of API_METHODS) {
    ipcMain.handle(channelOf(method), (_event, ...args: unknown[]) => {
      if (args.length !== 0) throw new Error(`${method} takes no arguments`);
      return handlers[method]();
    });
  }
}
