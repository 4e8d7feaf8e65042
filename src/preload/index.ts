/** Exposes the typed API to the renderer, and nothing else (never ipcRenderer itself). */
import { contextBridge, ipcRenderer } from 'electron';
import { API_METHODS, channelOf } from '../shared/api.ts';
import type { ApiTransport } from '../shared/api.ts';

const transport = Object.fromEntries(
  API_METHODS.map((method) => [method, (...args: unknown[]) => ipcRenderer.invoke(channelOf(method), ...args)]),
) as unknown as ApiTransport;

contextBridge.exposeInMainWorld('imr', transport);
