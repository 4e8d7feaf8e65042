/**
 * The desktop app put together: one instance, one secure window, the library server in a
 * utility process (this process only relays calls to it), the menu, native dialogs, taskbar
 * progress, error logging and a clean shutdown. The Electron modules come in as a parameter so
 * the wiring reads (and tests) without them.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { App, BrowserWindow, IpcMain, Menu, Protocol, Screen, Session, Shell } from 'electron';
import { SHELL_CHANNELS } from '../../shared/api.ts';
import type { ApiResults, ShellCommand } from '../../shared/api.ts';
import type { ImportStatus } from '../../shared/api.ts';
import { LIBRARY_FILE_NAME, PRODUCT_NAME } from '../appData.ts';
import type { LibraryClient } from '../server/client.ts';
import { relayApi } from '../transport/ipc.ts';
import { APP_ENTRY_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, appProtocolHandler } from './appProtocol.ts';
import type { DialogApi } from './dialogs.ts';
import { askToReload, chooseExportFolder, chooseLetterFiles, chooseLetterFolders, chooseLibraryToOpen, chooseNewLibrary, reportError } from './dialogs.ts';
import type { ErrorSource } from './errorLog.ts';
import { createErrorLog, logUncaughtErrors } from './errorLog.ts';
import { followImportProgress } from './importProgress.ts';
import { readLastLibrary, writeLastLibrary } from './lastLibrary.ts';
import type { UtilityProcessApi } from './libraryServerProcess.ts';
import { startLibraryServer } from './libraryServerProcess.ts';
import { menuTemplate } from './menu.ts';
import { fromAppFramesOnly, guardContents, guardSession, secureWebPreferences } from './security.ts';
import { registerShellIpc, revealLetterFile } from './shellIpc.ts';
import { MIN_SIZE, placeWindow, readWindowState, rememberWindowState } from './windowState.ts';

export interface ElectronModules {
  readonly app: App;
  readonly BrowserWindow: typeof BrowserWindow;
  readonly Menu: Pick<typeof Menu, 'buildFromTemplate' | 'setApplicationMenu'>;
  readonly dialog: DialogApi;
  readonly shell: Pick<Shell, 'showItemInFolder'>;
  readonly ipcMain: IpcMain;
  readonly screen: Pick<Screen, 'getAllDisplays' | 'getPrimaryDisplay'>;
  readonly defaultSession: () => Session;
  readonly protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>;
  readonly utilityProcess: UtilityProcessApi;
}

export interface AppFiles {
  readonly preload: string;
  /** The built renderer (out/renderer), served as app://app/. */
  readonly rendererDir: string;
  /** The renderer's dev server while developing (electron-vite dev); never in a packaged app (see devServerUrl). */
  readonly devServer: string | undefined;
  readonly samplesFolder: string;
  /** The library server's entry (the built src/main/server/utilityMain.ts). */
  readonly libraryServer: string;
}

export function windowTitle(libraryFile: string): string {
  return `${path.basename(libraryFile)} — ${PRODUCT_NAME} (${libraryFile})`;
}

/** @param errorSource where uncaught main-process errors are heard (the process itself) */
export function startDesktopApp(electron: ElectronModules, files: AppFiles, errorSource: ErrorSource = process): void {
  const { app, dialog } = electron;
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  // Every renderer sandboxed, whatever options a window is created with.
  app.enableSandbox();
  // Before the app is ready, as Electron requires: the page's own origin, app://app.
  electron.protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
  const userData = app.getPath('userData');
  const log = createErrorLog(path.join(userData, 'logs', 'main.log'));
  logUncaughtErrors(errorSource, log);
  const windowStateFile = path.join(userData, 'window-state.json');
  const lastLibraryFile = path.join(userData, 'last-library.json');
  let window: BrowserWindow | null = null;
  let server: LibraryClient | null = null;
  let libraryFile = '';
  let closed = false;
  /** Why the library chosen last could not be reopened, told once the window is up. */
  let reopenRefusal: { readonly file: string; readonly reason: string } | null = null;

  const send = (command: ShellCommand) => window?.webContents.send(SHELL_CHANNELS.command, command);

  /** The library chosen last, else the default one in the data folder. */
  const openFirstLibrary = async (client: LibraryClient): Promise<string> => {
    const defaultFile = path.join(userData, LIBRARY_FILE_NAME);
    const chosen = readLastLibrary(lastLibraryFile);
    if (chosen && chosen !== defaultFile) {
      const opened = await client.open({ file: chosen });
      if (opened.ok) return chosen;
      log(`could not reopen ${chosen}; opening the default library`, opened.error.message);
      reopenRefusal = { file: chosen, reason: opened.error.message };
    }
    // The app's own file: an empty one (a kill as it was first made) becomes the library.
    const opened = await client.open({ file: defaultFile, create: true });
    if (!opened.ok) throw new Error(opened.error.message);
    return defaultFile;
  };

  const importChosen = async (choose: typeof chooseLetterFiles) => {
    if (!window || !server) return;
    const paths = await choose(dialog, window);
    if (paths.length === 0) return;
    const response = await server.call({ method: 'startImport', args: [paths] });
    if (!response.ok) log('import from the menu', response.error.message);
    else if (!(response.result as ApiResults['startImport']).started) {
      await reportError(dialog, window, 'An import is already running.', 'Wait for it to finish, or cancel it, then import these letters.');
    }
    send('showImport');
  };

  /** Calls in flight finish on the old library first (the server takes requests in order). */
  const switchLibrary = async (choose: (owner: BrowserWindow) => Promise<string | null>, create: boolean) => {
    if (!window || !server) return;
    const owner = window;
    const file = await choose(owner);
    if (!file || file === libraryFile) return;
    const opened = await server.open({ file, create });
    if (!opened.ok) {
      log(`opening ${file}`, opened.error.message);
      await reportError(dialog, owner, `Could not open ${file}`, opened.error.message);
      return;
    }
    libraryFile = file;
    writeLastLibrary(lastLibraryFile, file);
    owner.setTitle(windowTitle(file));
    send('libraryChanged');
  };

  const createWindow = (libraryFile: string): BrowserWindow => {
    const workAreas = [electron.screen.getPrimaryDisplay(), ...electron.screen.getAllDisplays()].map((display) => display.workArea);
    const { maximized, ...placement } = placeWindow(readWindowState(windowStateFile), workAreas);
    const created = new electron.BrowserWindow({
      ...placement,
      minWidth: MIN_SIZE.width,
      minHeight: MIN_SIZE.height,
      show: false,
      title: windowTitle(libraryFile),
      webPreferences: secureWebPreferences(files.preload),
    });
    if (maximized) created.maximize();
    rememberWindowState(created, windowStateFile, (error) => log('saving the window state', error));
    created.once('ready-to-show', () => created.show());
    // The page's <title> would replace the library shown in the title bar.
    created.on('page-title-updated', (event) => event.preventDefault());
    created.webContents.on('render-process-gone', (_event, details) => {
      log('renderer gone', `${details.reason} (exit code ${details.exitCode})`);
      if (details.reason === 'clean-exit') return;
      void askToReload(dialog, created, details.reason).then((reload) => (reload ? created.webContents.reload() : app.quit()));
    });
    created.on('closed', () => {
      if (window === created) window = null;
    });
    void created.loadURL(files.devServer ?? APP_ENTRY_URL);
    return created;
  };

  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('web-contents-created', (_event, contents) => guardContents(contents));

  const whenStarted = app.whenReady().then(async () => {
    const session = electron.defaultSession();
    session.protocol.handle(APP_SCHEME, appProtocolHandler(files.rendererDir));
    guardSession(session, files.devServer);
    mkdirSync(userData, { recursive: true });
    const client = startLibraryServer(electron.utilityProcess, files.libraryServer, { appVersion: app.getVersion(), samplesFolder: files.samplesFolder });
    server = client;
    libraryFile = await openFirstLibrary(client);
    const ipcMain = fromAppFramesOnly(electron.ipcMain, files.devServer);
    relayApi(ipcMain, client);
    registerShellIpc(ipcMain, {
      chooseExportFolder: async () => (window ? chooseExportFolder(dialog, window) : null),
      revealLetterFile: (letterId) => revealLetterFile(client, (file) => electron.shell.showItemInFolder(file), letterId),
    });
    const menu = menuTemplate(
      {
        importFiles: () => void importChosen(chooseLetterFiles),
        importFolder: () => void importChosen(chooseLetterFolders),
        openLibrary: () => void switchLibrary((owner) => chooseLibraryToOpen(dialog, owner), false),
        newLibrary: () => void switchLibrary((owner) => chooseNewLibrary(dialog, owner, path.join(app.getPath('documents'), LIBRARY_FILE_NAME)), true),
        send,
      },
      { platform: process.platform, productName: PRODUCT_NAME, developer: !app.isPackaged },
    );
    electron.Menu.setApplicationMenu(electron.Menu.buildFromTemplate(menu));
    window = createWindow(libraryFile);
    if (reopenRefusal) void reportError(dialog, window, `Could not reopen ${reopenRefusal.file}; the default library is open`, reopenRefusal.reason);
    const stopProgress = followImportProgress(
      async () => {
        const response = await client.call({ method: 'getImportStatus', args: [] });
        return response.ok ? (response.result as ImportStatus) : null;
      },
      (fraction) => window?.setProgressBar(fraction),
    );
    app.on('activate', () => {
      if (!window) window = createWindow(libraryFile);
    });
    app.on('before-quit', (event) => {
      if (closed) return;
      // Quit waits for the jobs in flight to stop and the library to close.
      event.preventDefault();
      stopProgress();
      void client
        .close()
        .catch((error: unknown) => log('closing the library', error))
        .finally(() => {
          closed = true;
          app.quit();
        });
    });
  });
  whenStarted.catch((error: unknown) => {
    log('starting', error);
    dialog.showErrorBox(`${PRODUCT_NAME} could not start`, error instanceof Error ? error.message : String(error));
    app.exit(1);
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
