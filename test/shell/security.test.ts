/** The Electron security checklist, checked on the options and handlers the window really gets. */
import { expect, test } from 'vitest';
import {
  denyNavigation,
  denyPermission,
  denyPermissionCheck,
  denyWindowOpen,
  fromAppFramesOnly,
  guardContents,
  guardSession,
  isAppUrl,
  requestFilter,
  secureWebPreferences,
} from '../../src/main/shell/security.ts';

test('the window is isolated, sandboxed and without Node, and loads only its preload', () => {
  const preferences = secureWebPreferences('/app/out/preload/index.cjs');
  expect(preferences).toMatchObject({
    preload: '/app/out/preload/index.cjs',
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
  });
});

test('only the app files (and the dev server while developing) count as the app', () => {
  expect(isAppUrl('file:///opt/imr/resources/app.asar/out/renderer/index.html', undefined)).toBe(true);
  expect(isAppUrl('data:image/png;base64,AAAA', undefined)).toBe(true);
  expect(isAppUrl('https://example.com/tracker.js', undefined)).toBe(false);
  expect(isAppUrl('http://localhost:5173/src/main.tsx', undefined)).toBe(false);
  expect(isAppUrl('http://localhost:5173/src/main.tsx', 'http://localhost:5173')).toBe(true);
  expect(isAppUrl('ws://localhost:5173/', 'http://localhost:5173')).toBe(true);
  expect(isAppUrl('http://localhost:9999/', 'http://localhost:5173')).toBe(false);
  expect(isAppUrl('https://evil.example/', 'http://localhost:5173')).toBe(false);
  expect(isAppUrl('ftp://localhost:5173/', 'http://localhost:5173')).toBe(false);
  expect(isAppUrl('not a url', undefined)).toBe(false);
});

test('the request filter cancels remote requests and lets the app files through', () => {
  const answers: boolean[] = [];
  const filter = requestFilter(undefined);
  filter({ url: 'https://fonts.googleapis.com/css' }, ({ cancel }) => answers.push(cancel));
  filter({ url: 'file:///app/out/renderer/assets/index.js' }, ({ cancel }) => answers.push(cancel));
  expect(answers).toEqual([true, false]);
});

test('navigation, new windows and permissions are all refused', () => {
  let prevented = 0;
  denyNavigation({ preventDefault: () => prevented++ });
  expect(prevented).toBe(1);
  expect(denyWindowOpen()).toEqual({ action: 'deny' });
  const grants: boolean[] = [];
  for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
    denyPermission({}, permission, (granted) => grants.push(granted));
  }
  expect(grants).toEqual([false, false, false, false, false]);
  expect(denyPermissionCheck()).toBe(false);
});

test('every web contents and the session get the guards', () => {
  const listeners = new Map<string, (event: { preventDefault(): void }) => void>();
  let openHandler: (() => { action: 'deny' }) | null = null;
  guardContents({
    on: (event, listener) => listeners.set(event, listener),
    setWindowOpenHandler: (handler) => (openHandler = handler),
  });
  expect([...listeners.keys()].sort()).toEqual(['will-attach-webview', 'will-navigate', 'will-redirect']);
  for (const listener of listeners.values()) {
    let prevented = false;
    listener({ preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
  }
  expect(openHandler!()).toEqual({ action: 'deny' });

  const installed: { request?: typeof denyPermission; check?: typeof denyPermissionCheck; filter?: ReturnType<typeof requestFilter> } = {};
  guardSession(
    {
      setPermissionRequestHandler: (handler) => (installed.request = handler),
      setPermissionCheckHandler: (handler) => (installed.check = handler),
      webRequest: { onBeforeRequest: (listener) => (installed.filter = listener) },
    },
    undefined,
  );
  let granted: boolean | null = null;
  installed.request!({}, 'media', (answer) => (granted = answer));
  expect(granted).toBe(false);
  expect(installed.check!()).toBe(false);
  let cancelled: boolean | null = null;
  installed.filter!({ url: 'https://example.com/' }, ({ cancel }) => (cancelled = cancel));
  expect(cancelled).toBe(true);
});

test("the renderer's Content-Security-Policy allows no eval, no inline script and no remote origin", async () => {
  const { readFile } = await import('node:fs/promises');
  const html = await readFile(new URL('../../src/renderer/index.html', import.meta.url), 'utf8');
  const policy = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
  const directives = new Map(policy.split(';').map((part) => {
    const [name, ...sources] = part.trim().split(/\s+/);
    return [name!, sources] as const;
  }));
  expect(directives.get('default-src')).toEqual(["'self'"]);
  expect(directives.get('script-src')).toEqual(["'self'"]);
  expect(policy).not.toMatch(/unsafe-eval|https?:|\*/);
});

test('IPC handlers answer only frames showing the app', async () => {
  type Listener = (event: { senderFrame?: { url: string } | null }, ...args: unknown[]) => unknown;
  const handlers = new Map<string, Listener>();
  const ipcMain = fromAppFramesOnly({ handle: (channel: string, listener: Listener) => void handlers.set(channel, listener) }, undefined);
  ipcMain.handle('imr:getStats', (_event, ...args) => ({ answered: args }));
  const handler = handlers.get('imr:getStats')!;
  expect(handler({ senderFrame: { url: 'file:///app/out/renderer/index.html' } }, 1)).toEqual({ answered: [1] });
  expect(() => handler({ senderFrame: { url: 'https://example.com/' } })).toThrow('Refused imr:getStats from https://example.com/');
  expect(() => handler({ senderFrame: null })).toThrow('Refused imr:getStats from an unknown frame');
});
