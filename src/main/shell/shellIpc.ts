/** The desktop-only calls the preload offers beside the API: a folder picker and "reveal source file". */
import { existsSync } from 'node:fs';
import type { IpcMain } from 'electron';
import { SHELL_CHANNELS } from '../../shared/api.ts';
import type { StoredLetter } from '../../shared/library.ts';
import type { ApiCaller } from '../transport/request.ts';

export interface ShellServices {
  chooseExportFolder(): Promise<string | null>;
  revealLetterFile(letterId: number): Promise<boolean>;
}

function isLetterId(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

/** Shows the stored letter's own file, never a path the renderer names; false when the letter or its file is gone. */
export async function revealLetterFile(server: ApiCaller, showItemInFolder: (path: string) => void, letterId: number): Promise<boolean> {
  const response = await server.call({ method: 'getLetter', args: [letterId] });
  const letter = response.ok ? (response.result as StoredLetter | null) : null;
  if (!letter || !existsSync(letter.filePath)) return false;
  showItemInFolder(letter.filePath);
  return true;
}

export function registerShellIpc(ipcMain: Pick<IpcMain, 'handle'>, services: ShellServices): void {
  ipcMain.handle(SHELL_CHANNELS.chooseExportFolder, () => services.chooseExportFolder());
  ipcMain.handle(SHELL_CHANNELS.revealLetterFile, (_event, letterId: unknown) => {
    if (!isLetterId(letterId)) throw new Error('revealLetterFile takes a letter id (a positive integer).');
    return services.revealLetterFile(letterId);
  });
}
