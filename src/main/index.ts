/** Electron main process: hands the real Electron modules to the desktop shell (src/main/shell). */
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, screen, session, shell, utilityProcess } from 'electron';
import { startDesktopApp } from './shell/desktopApp.ts';

// Lets the end-to-end suite run the app over a throwaway data folder.
const userDataOverride = process.env['IMR_REVIEW_USER_DATA'];
if (userDataOverride) app.setPath('userData', userDataOverride);

startDesktopApp(
  { app, BrowserWindow, Menu, dialog, shell, ipcMain, screen, defaultSession: () => session.defaultSession, utilityProcess },
  {
    preload: join(__dirname, '../preload/index.cjs'),
    rendererHtml: join(__dirname, '../renderer/index.html'),
    devServer: process.env['ELECTRON_RENDERER_URL'],
    samplesFolder: app.isPackaged ? join(process.resourcesPath, 'samples') : join(app.getAppPath(), 'resources', 'samples'),
    libraryServer: join(__dirname, 'libraryServer.js'),
  },
);
