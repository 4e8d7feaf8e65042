/** Electron main process: the library, the typed API over IPC, and one secure window. */
import { join } from 'node:path';
import { app, BrowserWindow, ipcMain } from 'electron';
import { createApiHandlers } from './api/handlers.ts';
import { LIBRARY_FILE_NAME } from './appData.ts';
import { createJobs } from './jobs/index.ts';
import { registerApi } from './ipc/register.ts';
import { openLibrary } from './storage/index.ts';

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    show: false,
    title: 'IMR Review Workstation',
    webPreferences: {
      preload: join(__dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  const devServer = process.env['ELECTRON_RENDERER_URL'];
  if (devServer) void window.loadURL(devServer);
  else void window.loadFile(join(__dirname, '../renderer/index.html'));
  return window;
}

void app.whenReady().then(() => {
  const library = openLibrary(join(app.getPath('userData'), LIBRARY_FILE_NAME));
  const jobs = createJobs();
  const samplesFolder = app.isPackaged
    ? join(process.resourcesPath, 'samples')
    : join(app.getAppPath(), 'resources', 'samples');
  registerApi(ipcMain, createApiHandlers({ library, appVersion: app.getVersion(), jobs, samplesFolder }));
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
  app.on('will-quit', () => library.close());
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
