/** Exposes the typed API to the renderer, and nothing else (never ipcRenderer itself). */
import { contextBridge, ipcRenderer } from 'electron';
import { API_METHODS, channelOf } from '../shared/api.ts';
import type { ImrApi } from '../shared/api.ts';

const api = Object.fromEntries(
  API_METHODS.map((method) => [method, (...args: unknown[]) => ipcRenderer.invoke(channelOf(method), ...args)]),
) as unknown as ImrApi;

contextBridge.exposeInMainWorld('imr', api);
