/** The Electron security checklist, checked on the options and handlers the window really gets. */
import { expect, test } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../src/main/contentSecurityPolicy.ts';
import { appProtocolHandler, resolveAppFile } from '../../src/main/shell/appProtocol.ts';
import {
  devServerUrl,
  testUserDataFolder,
  denyNavigation,
  denyPermission,
  denyPermissionCheck,
  denyWindowOpen,
  fromAppFramesOnly,
  guardContents,
  guardSession,
  isAppPage,
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
  expect(isAppUrl('app://app/assets/index.js', undefined)).toBe(true);
  expect(isAppUrl('file:///opt/imr/resources/app.asar/out/renderer/index.html', undefined)).toBe(false);
  expect(isAppUrl('app://evil/index.html', undefined)).toBe(false);
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
  filter({ url: 'app://app/assets/index.js' }, ({ cancel }) => answers.push(cancel));
  filter({ url: 'file:///etc/passwd' }, ({ cancel }) => answers.push(cancel));
  expect(answers).toEqual([true, false, true]);
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
  expect(handler({ senderFrame: { url: 'app://app/index.html' } }, 1)).toEqual({ answered: [1] });
  for (const url of ['https://example.com/', 'file:///app/out/renderer/index.html', 'data:text/html,<script>', 'devtools://devtools/bundled/x.html', 'app://other/index.html']) {
    expect(() => handler({ senderFrame: { url } }), url).toThrow(`Refused imr:getStats from ${url}`);
  }
  expect(() => handler({ senderFrame: null })).toThrow('Refused imr:getStats from an unknown frame');
  expect(isAppPage('http://localhost:5173/', 'http://localhost:5173/')).toBe(true);
  expect(isAppPage('http://localhost:5173/', undefined)).toBe(false);
});

test('the dev server is used only by a build that is not packaged, and only on this machine', () => {
  const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173/' };
  expect(devServerUrl(false, env)).toBe('http://localhost:5173/');
  expect(devServerUrl(true, env)).toBeUndefined();
  expect(devServerUrl(false, {})).toBeUndefined();
  expect(devServerUrl(false, { ELECTRON_RENDERER_URL: 'https://evil.example/' })).toBeUndefined();
  expect(devServerUrl(false, { ELECTRON_RENDERER_URL: 'file:///tmp/page.html' })).toBeUndefined();
  expect(devServerUrl(false, { ELECTRON_RENDERER_URL: 'not a url' })).toBeUndefined();
});

test('app:// serves only files inside the renderer folder, however a path tries to climb out', async () => {
  const root = mkdtempSync(path.join(tmpdir(), 'imr-protocol-'));
  try {
    const renderer = path.join(root, 'renderer');
    mkdirSync(path.join(renderer, 'assets'), { recursive: true });
    writeFileSync(path.join(renderer, 'index.html'), '<!doctype html>');
    writeFileSync(path.join(renderer, 'assets', 'index.js'), 'export {};');
    writeFileSync(path.join(root, 'secret.txt'), 'not for the page');
    expect(resolveAppFile(renderer, 'app://app/assets/index.js')).toBe(path.join(renderer, 'assets', 'index.js'));
    expect(resolveAppFile(renderer, 'app://app/')).toBe(path.join(renderer, 'index.html'));
    for (const url of [
      'app://app/../secret.txt',
      'app://app/..%2Fsecret.txt',
      'app://app/%2e%2e/secret.txt',
      'app://app/assets/..%2F..%2Fsecret.txt',
      'app://app/..%5Csecret.txt',
      'app://app/%00index.html',
      'app://app/%E0%A4%A',
      'app://other/index.html',
      'file:///etc/passwd',
    ]) {
      const file = resolveAppFile(renderer, url);
      expect(file === null || file.startsWith(`${renderer}${path.sep}`), url).toBe(true);
      expect(file, url).not.toBe(path.join(root, 'secret.txt'));
    }
    const handler = appProtocolHandler(renderer);
    const page = await handler(new Request('app://app/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect((await handler(new Request('app://app/assets/index.js'))).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await handler(new Request('app://app/..%2Fsecret.txt'))).status).toBe(404);
    expect((await handler(new Request('app://app/assets'))).status).toBe(404);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('the policy sent as a header leaves no gap the page\'s own cannot close: nothing by default, no plug-ins, base, forms or frames; workers only from the app', () => {
  const directives = new Map(CONTENT_SECURITY_POLICY.split('; ').map((part) => {
    const [name, ...sources] = part.split(' ');
    return [name!, sources] as const;
  }));
  expect(Object.fromEntries(directives)).toEqual({
    'default-src': ["'none'"],
    'script-src': ["'self'"],
    'worker-src': ["'self'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-src': ["'none'"],
    'frame-ancestors': ["'none'"],
  });
});

test('the test data folder is honoured only by a build that is not packaged', () => {
  const env = { IMR_REVIEW_USER_DATA: '/tmp/imr-e2e' };
  expect(testUserDataFolder(false, env)).toBe('/tmp/imr-e2e');
  expect(testUserDataFolder(true, env)).toBeUndefined();
  expect(testUserDataFolder(false, {})).toBeUndefined();
  expect(testUserDataFolder(false, { IMR_REVIEW_USER_DATA: '' })).toBeUndefined();
});
