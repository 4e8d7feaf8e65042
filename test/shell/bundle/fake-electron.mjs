// A stand-in for Electron's main-process modules, for running the built main bundle on
// Node: every call that matters is reported on stdout as one JSON line, and anything
// else the app touches is a harmless no-op.
import { EventEmitter } from 'node:events';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const report = (event, detail = {}) => process.stdout.write(`${JSON.stringify({ event, ...detail })}\n`);
const noop = () => undefined;

/** Unknown methods are no-ops, so the stand-in does not have to list all of Electron. */
function lenient(target) {
  return new Proxy(target, {
    get: (object, property) => (property in object || typeof property === 'symbol' || property === 'then' ? object[property] : noop),
  });
}

const display = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 1920, height: 1040 } };
const windows = [];

class WebContents extends EventEmitter {
  setWindowOpenHandler() {}
  send(channel) {
    report('send', { channel });
  }
}

export class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    this.webContents = lenient(new WebContents());
    windows.push(this);
    report('window', { webPreferences: options.webPreferences, title: options.title });
    return lenient(this);
  }
  static getAllWindows() {
    return windows;
  }
  static getFocusedWindow() {
    return windows[0] ?? null;
  }
  loadFile(file) {
    report('loadFile', { file });
    return Promise.resolve();
  }
  loadURL(url) {
    report('loadURL', { url });
    return Promise.resolve();
  }
  getBounds() {
    return { x: 100, y: 100, width: 1400, height: 900 };
  }
  getNormalBounds() {
    return this.getBounds();
  }
  isMaximized() {
    return false;
  }
  isMinimized() {
    return false;
  }
  isDestroyed() {
    return false;
  }
  setTitle(title) {
    report('title', { title });
  }
}

// IMR_BUNDLE_TEST_PACKAGED=1 plays a packaged build: resources beside the app, the dev server ignored.
const packaged = process.env.IMR_BUNDLE_TEST_PACKAGED === '1';
if (packaged) process.resourcesPath = path.join(process.cwd(), 'resources');

const appEvents = new EventEmitter();
export const app = lenient(
  Object.assign(appEvents, {
    isPackaged: packaged,
    requestSingleInstanceLock: () => true,
    whenReady: () => Promise.resolve(),
    getPath: () => process.env.IMR_REVIEW_USER_DATA,
    setPath: (name, folder) => report('setPath', { name, folder }),
    getVersion: () => '0.0.0-bundle-test',
    getAppPath: () => process.cwd(),
    quit: () => report('quit'),
  }),
);

const handlers = new Map();
export const ipcMain = lenient({
  handle: (channel, handler) => {
    handlers.set(channel, handler);
    report('handle', { channel });
  },
  on: (channel) => report('on', { channel }),
});

/** Calls an API method as the renderer would, from the app's own page. */
function invoke(method, ...args) {
  return handlers.get('imr:call')({ senderFrame: { url: 'app://app/index.html' } }, { method, args });
}

/** What the app's own protocol answers, asked as the window would; a file: page is refused. */
async function probe(protocolHandler) {
  const answers = {};
  for (const url of ['app://app/index.html', 'app://app/', 'app://app/..%2F..%2Fpackage.json', 'app://app/%2e%2e/%2e%2e/package.json', 'app://other/index.html', 'app://app/nope.js']) {
    const response = await protocolHandler(new Request(url));
    answers[url] = { status: response.status, type: response.headers.get('content-type'), csp: response.headers.get('content-security-policy') };
  }
  let fileFrame;
  try {
    await handlers.get('imr:call')({ senderFrame: { url: pathToFileURL(path.join(process.cwd(), 'out/renderer/index.html')).href } }, { method: 'getStats', args: [] });
    fileFrame = 'answered';
  } catch (error) {
    fileFrame = error.message;
  }
  report('protocol-probe', { answers, fileFrame });
}

// With IMR_BUNDLE_TEST_IMPORT set, import that folder through the API once the app is up.
const importFolder = process.env.IMR_BUNDLE_TEST_IMPORT;
if (importFolder) {
  setTimeout(async () => {
    // The window may be up before the library server has opened the library.
    while (!handlers.has('imr:call')) await new Promise((resolve) => setTimeout(resolve, 50));
    report('import-started', await invoke('startImport', [importFolder]));
    for (;;) {
      const status = await invoke('getImportStatus');
      if (status.ok && status.result.running === null && (status.result.last || status.result.error)) {
        return report('import-done', status.result);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }, 300);
}

export { utilityProcess } from './utility-process.mjs';

export const Menu = lenient({
  buildFromTemplate: (template) => ({ items: template }),
  setApplicationMenu: (menu) => report('menu', { labels: menu.items.map((item) => item.label ?? item.role) }),
});

export const dialog = lenient({
  showOpenDialog: () => Promise.resolve({ canceled: true, filePaths: [] }),
  showSaveDialog: () => Promise.resolve({ canceled: true }),
  showMessageBox: () => Promise.resolve({ response: 0 }),
});

export const shell = lenient({});
export const screen = lenient({ getAllDisplays: () => [display], getPrimaryDisplay: () => display });
export const protocol = lenient({
  registerSchemesAsPrivileged: (schemes) => report('schemes', { schemes }),
});

export const session = {
  defaultSession: lenient({
    webRequest: lenient({}),
    setPermissionRequestHandler: () => report('permissions'),
    protocol: lenient({
      handle: (scheme, handler) => {
        report('protocol', { scheme });
        // The window may come before the API: probe once both are there.
        const wait = () => (handlers.has('imr:call') ? probe(handler) : setTimeout(wait, 50));
        wait();
      },
    }),
  }),
};
