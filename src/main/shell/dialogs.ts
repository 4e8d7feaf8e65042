/** The native file pickers and message boxes the shell uses, each a plain question with a plain answer. */
import type { BrowserWindow, Dialog, MessageBoxOptions, OpenDialogOptions, SaveDialogOptions } from 'electron';

export type DialogApi = Pick<Dialog, 'showOpenDialog' | 'showSaveDialog' | 'showMessageBox' | 'showErrorBox'>;

const LETTER_FILTERS = [
  { name: 'Letters', extensions: ['pdf', 'txt'] },
  { name: 'All files', extensions: ['*'] },
];
const LIBRARY_FILTERS = [
  { name: 'Library', extensions: ['sqlite', 'db'] },
  { name: 'All files', extensions: ['*'] },
];

async function pick(dialog: DialogApi, window: BrowserWindow, options: OpenDialogOptions): Promise<string[]> {
  const result = await dialog.showOpenDialog(window, options);
  return result.canceled ? [] : result.filePaths;
}

export function chooseLetterFiles(dialog: DialogApi, window: BrowserWindow): Promise<string[]> {
  return pick(dialog, window, { title: 'Import letter files', properties: ['openFile', 'multiSelections'], filters: LETTER_FILTERS });
}

export function chooseLetterFolders(dialog: DialogApi, window: BrowserWindow): Promise<string[]> {
  return pick(dialog, window, { title: 'Import a folder of letters', properties: ['openDirectory', 'multiSelections'] });
}

export async function chooseExportFolder(dialog: DialogApi, window: BrowserWindow): Promise<string | null> {
  const [folder] = await pick(dialog, window, { title: 'Export to folder', properties: ['openDirectory', 'createDirectory'] });
  return folder ?? null;
}

export async function chooseLibraryToOpen(dialog: DialogApi, window: BrowserWindow): Promise<string | null> {
  const [file] = await pick(dialog, window, { title: 'Open database', properties: ['openFile'], filters: LIBRARY_FILTERS });
  return file ?? null;
}

export async function chooseNewLibrary(dialog: DialogApi, window: BrowserWindow, defaultPath: string): Promise<string | null> {
  const options: SaveDialogOptions = { title: 'New database', defaultPath, filters: LIBRARY_FILTERS, properties: ['createDirectory', 'showOverwriteConfirmation'] };
  const result = await dialog.showSaveDialog(window, options);
  return result.canceled || !result.filePath ? null : result.filePath;
}

/** After a renderer crash: every change was saved as it was made, so reloading loses nothing. */
export async function askToReload(dialog: DialogApi, window: BrowserWindow, reason: string): Promise<boolean> {
  const options: MessageBoxOptions = {
    type: 'error',
    title: 'The window stopped working',
    message: `The review window stopped (${reason}).`,
    detail: 'Every change was saved as you made it. Reload to carry on where you were.',
    buttons: ['Reload', 'Quit'],
    defaultId: 0,
    cancelId: 1,
  };
  const { response } = await dialog.showMessageBox(window, options);
  return response === 0;
}

export async function reportError(dialog: DialogApi, window: BrowserWindow, message: string, error: unknown): Promise<void> {
  const detail = error instanceof Error ? error.message : String(error);
  await dialog.showMessageBox(window, { type: 'error', title: 'IMR Review Workstation', message, detail, buttons: ['OK'] });
}
