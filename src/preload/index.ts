/**
 * Exposes the typed API (`window.imr`) and the desktop shell's few abilities
 * (`window.imrShell`) to the renderer, and nothing else (never ipcRenderer itself).
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { API_METHODS, channelOf, SHELL_CHANNELS, SHELL_COMMANDS } from '../shared/api.ts';
import type { ApiTransport, ShellBridge, ShellCommand } from '../shared/api.ts';

const transport = Object.fromEntries(
  API_METHODS.map((method) => [method, (...args: unknown[]) => ipcRenderer.invoke(channelOf(method), ...args)]),
) as unknown as ApiTransport;

const isShellCommand = (value: unknown): value is ShellCommand => (SHELL_COMMANDS as readonly unknown[]).includes(value);

const shellBridge: ShellBridge = {
  onCommand(listener) {
    const forward = (_event: unknown, command: unknown) => {
      if (isShellCommand(command)) listener(command);
    };
    ipcRenderer.on(SHELL_CHANNELS.command, forward);
    return () => void ipcRenderer.off(SHELL_CHANNELS.command, forward);
  },
  getPathForFile: (file) => webUtils.getPathForFile(file),
  chooseExportFolder: () => ipcRenderer.invoke(SHELL_CHANNELS.chooseExportFolder) as Promise<string | null>,
  revealLetterFile: (letterId) => ipcRenderer.invoke(SHELL_CHANNELS.revealLetterFile, letterId) as Promise<boolean>,
};

contextBridge.exposeInMainWorld('imr', transport);
contextBridge.exposeInMainWorld('imrShell', shellBridge);
