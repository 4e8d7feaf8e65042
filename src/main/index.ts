/** Electron main process: hands the real Electron modules to the desktop shell (src/main/shell). */
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session, shell, utilityProcess } from 'electron';
import { startDesktopApp } from './shell/desktopApp.ts';
import { devServerUrl, testUserDataFolder } from './shell/security.ts';

const userDataOverride = testUserDataFolder(app.isPackaged, process.env);
if (userDataOverride) app.setPath('userData', userDataOverride);

startDesktopApp(
  { app, BrowserWindow, Menu, dialog, shell, ipcMain, screen, defaultSession: () => session.defaultSession, protocol, utilityProcess },
  {
    preload: join(__dirname, '../preload/index.cjs'),
    rendererDir: join(__dirname, '../renderer'),
    devServer: devServerUrl(app.isPackaged, process.env),
    samplesFolder: app.isPackaged ? join(process.resourcesPath, 'samples') : join(app.getAppPath(), 'resources', 'samples'),
    libraryServer: join(__dirname, 'libraryServer.js'),
  },
);
