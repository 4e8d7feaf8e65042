/**
 * The desktop app's wiring with stand-ins for Electron's modules and the real library server
 * behind them (in a child process standing in for the utility process): one instance, a secure
 * window titled with the library, the menu's imports and library switching, crash recovery,
 * and a shutdown that closes the library.
 */
import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { AppFiles, ElectronModules } from '../../src/main/shell/desktopApp.ts';
import { startDesktopApp, windowTitle } from '../../src/main/shell/desktopApp.ts';
import { API_CHANNEL, SHELL_CHANNELS } from '../../src/shared/api.ts';
// @ts-expect-error: a plain JavaScript stand-in, shared with the bundle test
import { utilityProcess } from './bundle/utility-process.mjs';
import { writeFixtureFolder } from '../fixtures/index.ts';

class FakeContents extends EventEmitter {
  readonly sent: unknown[][] = [];
  reloads = 0;
  send(...args: unknown[]) {
    this.sent.push(args);
  }
  reload() {
    this.reloads++;
  }
  setWindowOpenHandler() {}
}

class FakeWindow extends EventEmitter {
  static readonly created: FakeWindow[] = [];
  readonly webContents = new FakeContents();
  readonly loaded: string[] = [];
  title: string;
  focused = 0;
  readonly options: { title: string; webPreferences: Record<string, unknown> };
  constructor(options: { title: string; webPreferences: Record<string, unknown> }) {
    super();
    this.options = options;
    this.title = options.title;
    FakeWindow.created.push(this);
  }
  loadFile(file: string) {
    this.loaded.push(file);
    return Promise.resolve();
  }
  loadURL(url: string) {
    this.loaded.push(url);
    return Promise.resolve();
  }
  setTitle(title: string) {
    this.title = title;
  }
  isMinimized() {
    return false;
  }
  focus() {
    this.focused++;
  }
  show() {}
  maximize() {}
  setProgressBar() {}
  getNormalBounds() {
    return { x: 0, y: 0, width: 1400, height: 900 };
  }
  isMaximized() {
    return false;
  }
}

class FakeApp extends EventEmitter {
  quits = 0;
  sandboxed = false;
  readonly userData: string;
  readonly hasLock: boolean;
  constructor(userData: string, hasLock: boolean) {
    super();
    this.userData = userData;
    this.hasLock = hasLock;
  }
  enableSandbox() {
    this.sandboxed = true;
  }
  requestSingleInstanceLock() {
    return this.hasLock;
  }
  quit() {
    this.quits++;
    const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
    this.emit('before-quit', event);
  }
  getPath() {
    return this.userData;
  }
  getVersion() {
    return '1.2.3';
  }
  isPackaged = false;
  whenReady() {
    return Promise.resolve();
  }
}

interface Fakes {
  app: FakeApp;
  handlers: Map<string, (event: unknown, ...args: unknown[]) => unknown>;
  menu: MenuItemConstructorOptions[];
  openAnswers: string[][];
  messageAnswers: number[];
  messages: string[];
  errors: EventEmitter;
  schemesRegistered: string[];
  schemesHandled: string[];
}

let dir: string;
let fakes: Fakes;

function start(hasLock = true): Fakes {
  const app = new FakeApp(path.join(dir, 'userData'), hasLock);
  const made: Fakes = { app, handlers: new Map(), menu: [], openAnswers: [], messageAnswers: [], messages: [], errors: new EventEmitter(), schemesRegistered: [], schemesHandled: [] };
  const electron = {
    app,
    BrowserWindow: FakeWindow,
    Menu: { buildFromTemplate: (template: MenuItemConstructorOptions[]) => template, setApplicationMenu: (menu: MenuItemConstructorOptions[]) => (made.menu = menu) },
    dialog: {
      showOpenDialog: async () => {
        const filePaths = made.openAnswers.shift() ?? [];
        return { canceled: filePaths.length === 0, filePaths };
      },
      showSaveDialog: async () => ({ canceled: true }),
      showMessageBox: async (_window: unknown, options: { message: string }) => {
        made.messages.push(options.message);
        return { response: made.messageAnswers.shift() ?? 1 };
      },
      showErrorBox: () => {},
    },
    shell: { showItemInFolder: () => {} },
    ipcMain: { handle: (channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) => made.handlers.set(channel, handler) },
    screen: { getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }), getAllDisplays: () => [] },
    defaultSession: () => ({
      setPermissionRequestHandler: () => {},
      setPermissionCheckHandler: () => {},
      webRequest: { onBeforeRequest: () => {} },
      protocol: { handle: (scheme: string) => made.schemesHandled.push(scheme) },
    }),
    protocol: { registerSchemesAsPrivileged: (schemes: { scheme: string }[]) => made.schemesRegistered.push(...schemes.map((s) => s.scheme)) },
    utilityProcess,
  } as unknown as ElectronModules;
  const files: AppFiles = {
    preload: '/app/preload.cjs',
    rendererDir: '/app/renderer',
    devServer: undefined,
    samplesFolder: path.join(dir, 'samples'),
    libraryServer: path.resolve(import.meta.dirname, '../../src/main/server/utilityMain.ts'),
  };
  startDesktopApp(electron, files, made.errors);
  return made;
}

/** Until the library server has opened the library and the window is up. */
async function ready() {
  await until(() => FakeWindow.created.length > 0 || fakes?.app.quits > 0);
}

const APP_FRAME = { senderFrame: { url: 'app://app/index.html' } };

async function call(method: string, ...args: unknown[]) {
  return fakes.handlers.get(API_CHANNEL)!(APP_FRAME, { method, args });
}

function click(label: string) {
  const item = fakes.menu.flatMap((menu) => (Array.isArray(menu.submenu) ? menu.submenu : [])).find((candidate) => candidate.label === label);
  (item!.click as () => void)();
}

async function until(check: () => boolean) {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
  expect(check()).toBe(true);
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'imr-desktop-'));
  FakeWindow.created.length = 0;
});
afterEach(async () => {
  if (fakes?.app.quits === 0) {
    fakes.app.quit();
    await until(() => fakes.app.quits >= 2);
  }
  rmSync(dir, { recursive: true, force: true });
});

test('a second instance quits at once and the first one comes to the front', async () => {
  const second = start(false);
  await new Promise((resolve) => setImmediate(resolve));
  expect(second.app.quits).toBe(1);
  expect(FakeWindow.created).toHaveLength(0);

  fakes = start();
  await ready();
  fakes.app.emit('second-instance');
  expect(FakeWindow.created[0]!.focused).toBe(1);
});

test('one secure window over the library in userData, with every API and shell channel registered', async () => {
  fakes = start();
  await ready();
  const [window] = FakeWindow.created;
  const libraryFile = path.join(dir, 'userData', 'library.sqlite');
  expect(fakes.app.sandboxed).toBe(true);
  expect(window!.options.webPreferences).toMatchObject({ preload: '/app/preload.cjs', contextIsolation: true, sandbox: true, nodeIntegration: false });
  expect(window!.title).toBe(windowTitle(libraryFile));
  expect(window!.loaded).toEqual(['app://app/index.html']);
  expect(fakes.schemesRegistered).toEqual(['app']);
  expect(fakes.schemesHandled).toEqual(['app']);
  expect([...fakes.handlers.keys()].sort()).toEqual([API_CHANNEL, SHELL_CHANNELS.chooseExportFolder, SHELL_CHANNELS.revealLetterFile].sort());
  expect(await call('getAppInfo')).toMatchObject({ ok: true, result: { libraryFile, appVersion: '1.2.3' } });
  const relay = fakes.handlers.get(API_CHANNEL)!;
  expect(() => relay({ senderFrame: { url: 'https://example.com/' } }, { method: 'getAppInfo', args: [] })).toThrow('Refused imr:call from https://example.com/');
  expect(() => relay({ senderFrame: { url: 'file:///app/renderer/index.html' } }, { method: 'getAppInfo', args: [] })).toThrow('Refused imr:call from file:///app/renderer/index.html');
  expect(await relay(APP_FRAME, { method: 'getAppInfo', args: 'not a list' })).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
});

test('"Import Folder…" imports what the native dialog chose and opens the import dialog', async () => {
  fakes = start();
  await ready();
  const letters = path.join(dir, 'letters');
  await writeFixtureFolder(letters, { count: 2, seed: 6100, pdfShare: 0 });
  fakes.openAnswers.push([letters]);
  click('Import Folder…');
  const contents = FakeWindow.created[0]!.webContents;
  await until(() => contents.sent.length > 0);
  expect(contents.sent).toEqual([[SHELL_CHANNELS.command, 'showImport']]);
  type Status = { running: unknown; last: { imported: number } | null };
  const importStatus = async () => ((await call('getImportStatus')) as { result: Status }).result;
  let status = await importStatus();
  for (let i = 0; i < 200 && (status.running !== null || status.last === null); i++) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    status = await importStatus();
  }
  expect(status.last?.imported).toBe(2);
});

test('"Import Files…" while an import runs says so instead of dropping the choice silently', async () => {
  fakes = start();
  await ready();
  const letters = path.join(dir, 'letters');
  const entries = await writeFixtureFolder(letters, { count: 30, seed: 6200, pdfShare: 0 });
  fakes.openAnswers.push([letters], [entries[0]!.file]);
  click('Import Folder…');
  click('Import Files…');
  await until(() => FakeWindow.created[0]!.webContents.sent.length === 2);
  expect(fakes.messages).toEqual(['An import is already running.']);
});

test('"Open Database…" switches the library, retitles the window, tells the renderer and is remembered', async () => {
  fakes = start();
  await ready();
  const other = path.join(dir, 'other.sqlite');
  fakes.openAnswers.push([other]);
  click('Open Database…');
  const window = FakeWindow.created[0]!;
  await until(() => window.webContents.sent.length > 0);
  expect(window.webContents.sent).toEqual([[SHELL_CHANNELS.command, 'libraryChanged']]);
  expect(window.title).toBe(windowTitle(other));
  expect(await call('getAppInfo')).toMatchObject({ result: { libraryFile: other } });
  expect(JSON.parse(readFileSync(path.join(dir, 'userData', 'last-library.json'), 'utf8'))).toEqual({ libraryFile: other });
});

test('"Open Database…" on a file that is not a sound library shows why in a dialog and keeps the library open', async () => {
  fakes = start();
  await ready();
  const empty = path.join(dir, 'empty.sqlite');
  writeFileSync(empty, '');
  fakes.openAnswers.push([empty]);
  click('Open Database…');
  await until(() => fakes.messages.length > 0);
  expect(fakes.messages).toEqual([`Could not open ${empty}`]);
  expect(readFileSync(empty, 'utf8')).toBe('');
  expect(await call('getAppInfo')).toMatchObject({ result: { libraryFile: path.join(dir, 'userData', 'library.sqlite') } });
  expect(FakeWindow.created[0]!.webContents.sent).toEqual([]);
});

test('a last library that can no longer be opened is named in a dialog, and the default library opens', async () => {
  const gone = path.join(dir, 'emptied.sqlite');
  writeFileSync(gone, '');
  mkdirSync(path.join(dir, 'userData'), { recursive: true });
  writeFileSync(path.join(dir, 'userData', 'last-library.json'), JSON.stringify({ libraryFile: gone }));
  fakes = start();
  await ready();
  await until(() => fakes.messages.length > 0);
  expect(fakes.messages).toEqual([`Could not reopen ${gone}; the default library is open`]);
  expect(await call('getAppInfo')).toMatchObject({ result: { libraryFile: path.join(dir, 'userData', 'library.sqlite') } });
  expect(readFileSync(gone, 'utf8')).toBe('');
});

test('a renderer crash is logged and, when the user agrees, the window reloads', async () => {
  fakes = start();
  await ready();
  const window = FakeWindow.created[0]!;
  fakes.messageAnswers.push(0);
  window.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
  await until(() => window.webContents.reloads === 1);
  fakes.errors.emit('uncaughtException', new Error('lost in the main process'));
  const log = readFileSync(path.join(dir, 'userData', 'logs', 'main.log'), 'utf8');
  expect(log).toContain('renderer gone: crashed (exit code 139)');
  expect(log).toContain('uncaught exception: Error: lost in the main process');
});

test('quitting waits for the library to close, then quits for real', async () => {
  fakes = start();
  await ready();
  const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
  fakes.app.emit('before-quit', event);
  expect(event.defaultPrevented).toBe(true);
  await until(() => fakes.app.quits === 1);
  expect(await call('getStats')).toMatchObject({ ok: false, error: { code: 'internal' } });
  expect(existsSync(path.join(dir, 'userData', 'library.sqlite'))).toBe(true);
});
