/**
 * Exposes the typed API (`window.imr`) and the desktop shell's few abilities
 * (`window.imrShell`) to the renderer, and nothing else (never ipcRenderer itself).
 * Files and folders dropped on the window are imported here, where their paths can be read.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { API_CHANNEL, SHELL_CHANNELS, SHELL_COMMANDS } from '../shared/api.ts';
import type { ApiResponse, ApiTransport, ShellBridge, ShellCommand } from '../shared/api.ts';

const transport: ApiTransport = {
  call: (request) => ipcRenderer.invoke(API_CHANNEL, request) as Promise<ApiResponse<unknown>>,
};

const commandListeners = new Set<(command: ShellCommand) => void>();
const announce = (command: ShellCommand) => commandListeners.forEach((listener) => listener(command));
const isShellCommand = (value: unknown): value is ShellCommand => (SHELL_COMMANDS as readonly unknown[]).includes(value);
ipcRenderer.on(SHELL_CHANNELS.command, (_event, command: unknown) => {
  if (isShellCommand(command)) announce(command);
});

const shellBridge: ShellBridge = {
  onCommand(listener) {
    commandListeners.add(listener);
    return () => void commandListeners.delete(listener);
  },
  chooseExportFolder: () => ipcRenderer.invoke(SHELL_CHANNELS.chooseExportFolder) as Promise<string | null>,
  revealLetterFile: (letterId) => ipcRenderer.invoke(SHELL_CHANNELS.revealLetterFile, letterId) as Promise<boolean>,
};

const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
// Text dragged between fields keeps its default behaviour; only files are taken over.
document.addEventListener('dragover', (event) => {
  if (carriesFiles(event)) event.preventDefault();
});
document.addEventListener('drop', (event) => {
  if (!carriesFiles(event)) return;
  event.preventDefault();
  const paths = [...(event.dataTransfer?.files ?? [])].map((file) => webUtils.getPathForFile(file)).filter((file) => file.length > 0);
  if (paths.length === 0) return;
  void transport.call({ method: 'startImport', args: [paths] }).then(() => announce('showImport'));
});

contextBridge.exposeInMainWorld('imr', transport);
contextBridge.exposeInMainWorld('imrShell', shellBridge);
