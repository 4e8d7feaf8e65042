/**
 * The built main-process bundle (out/main/index.js), run on Node with a stand-in for
 * Electron's modules (bundle/fake-electron.mjs): it must start its bundled library server in a
 * (stand-in) utility process, open the library there, relay the API, open a secure window on the
 * built preload and renderer, and import letters through the API with its bundled extraction worker. This is as close to the real app as a
 * machine without the Electron binary gets.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/main/contentSecurityPolicy.ts';
import { API_CHANNEL } from '../../src/shared/api.ts';
import { writeFixtureFolder } from '../fixtures/index.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
let dir: string;

beforeAll(async () => {
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: ROOT, stdio: 'ignore' });
  dir = mkdtempSync(path.join(tmpdir(), 'imr-bundle-'));
  await writeFixtureFolder(path.join(dir, 'letters'), { count: 3, seed: 5100, pdfShare: 1 });
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Runs the bundle until it reports `until`; returns every event it reported. */
function runBundle(until: string, env: Record<string, string> = {}): Promise<Record<string, unknown>[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', './test/shell/bundle/register.mjs', 'out/main/index.js'], {
      cwd: ROOT,
      env: { ...process.env, IMR_REVIEW_USER_DATA: path.join(dir, 'data'), ...env },
    });
    const events: Record<string, unknown>[] = [];
    let buffered = '';
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const event = JSON.parse(line) as Record<string, unknown>;
        events.push(event);
        if (event['event'] === until) {
          child.kill();
          resolve(events);
        }
      }
    });
    child.on('exit', (code) => reject(new Error(`the bundle exited (${code}) before importing: ${errors}`)));
  });
}

test('the built app starts, wires the API and a secure window, and imports through its worker', async () => {
  const data = path.join(dir, 'data');
  const events = await runBundle('import-done', { IMR_BUNDLE_TEST_IMPORT: path.join(dir, 'letters') });
  const of = (name: string) => events.filter((event) => event['event'] === name);

  expect(of('handle').map((event) => event['channel'])).toContain(API_CHANNEL);
  const [window] = of('window') as { webPreferences: Record<string, unknown> }[];
  expect(window?.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
  expect(existsSync(window?.webPreferences['preload'] as string)).toBe(true);
  expect(of('loadURL')).toEqual([{ event: 'loadURL', url: 'app://app/index.html' }]);
  expect(of('schemes')).toEqual([{ event: 'schemes', schemes: [{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } }] }]);
  expect(of('permissions')).toHaveLength(1);
  expect(existsSync(path.join(data, 'library.sqlite'))).toBe(true);

  const [done] = of('import-done') as { last: { imported: number; failed: number; status: string } }[];
  expect(done?.last).toMatchObject({ imported: 3, failed: 0, status: 'completed' });
});

test("the built app serves its renderer over app:// only from out/renderer, with the CSP header, and answers no file: page", async () => {
  const events = await runBundle('protocol-probe');
  const [probe] = events.filter((event) => event['event'] === 'protocol-probe') as { answers: Record<string, { status: number; type: string | null; csp: string | null }>; fileFrame: string }[];
  const { answers } = probe!;
  expect(answers['app://app/index.html']).toEqual({ status: 200, type: 'text/html; charset=utf-8', csp: CONTENT_SECURITY_POLICY });
  expect(answers['app://app/']?.status).toBe(200);
  for (const refused of ['app://app/..%2F..%2Fpackage.json', 'app://app/%2e%2e/%2e%2e/package.json', 'app://other/index.html', 'app://app/nope.js']) {
    expect(answers[refused]?.status, refused).toBe(404);
  }
  expect(probe!.fileFrame).toMatch(/^Refused imr:call from file:\/\/\//);
});

test('a packaged build loads its own files even when ELECTRON_RENDERER_URL is set', async () => {
  const events = await runBundle('protocol-probe', { IMR_BUNDLE_TEST_PACKAGED: '1', ELECTRON_RENDERER_URL: 'http://localhost:5173/' });
  expect(events.filter((event) => event['event'] === 'loadURL')).toEqual([{ event: 'loadURL', url: 'app://app/index.html' }]);
  expect(events.filter((event) => event['event'] === 'setPath')).toEqual([]);
});

test('a build that is not packaged takes its data folder from IMR_REVIEW_USER_DATA', async () => {
  const events = await runBundle('protocol-probe');
  expect(events.filter((event) => event['event'] === 'setPath')).toEqual([{ event: 'setPath', name: 'userData', folder: path.join(dir, 'data') }]);
});
