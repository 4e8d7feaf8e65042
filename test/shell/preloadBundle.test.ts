/**
 * The preload as it ships (electron-vite's build of src/preload): it requires nothing
 * but "electron", and exposes exactly the typed API and the shell bridge.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { API_METHODS, channelOf, SHELL_CHANNELS } from '../../src/shared/api.ts';
import type { ShellBridge, ShellCommand } from '../../src/shared/api.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
let outDir: string;
let bundle: string;

beforeAll(() => {
  outDir = mkdtempSync(path.join(tmpdir(), 'imr-preload-'));
  execFileSync(path.join(ROOT, 'node_modules/.bin/electron-vite'), ['build', '--outDir', outDir], { cwd: ROOT, stdio: 'pipe' });
  bundle = readFileSync(path.join(outDir, 'preload/index.cjs'), 'utf8');
});
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

function loadPreload() {
  const required: string[] = [];
  const exposed = new Map<string, unknown>();
  const invoked: unknown[][] = [];
  const listeners = new Map<string, (event: unknown, ...args: unknown[]) => void>();
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
    ipcRenderer: {
      invoke: async (...args: unknown[]) => invoked.push(args),
      on: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => listeners.set(channel, listener),
      off: (channel: string) => listeners.delete(channel),
    },
    webUtils: { getPathForFile: (file: { name: string }) => `/dropped/${file.name}` },
  };
  const module = { exports: {} };
  runInNewContext(bundle, {
    require: (name: string) => {
      required.push(name);
      return electron;
    },
    module,
    exports: module.exports,
  });
  return { required, exposed, invoked, listeners };
}

test('the bundle requires only electron and exposes only the API and the shell bridge', async () => {
  const { required, exposed, invoked } = loadPreload();
  expect(required).toEqual(['electron']);
  expect([...exposed.keys()]).toEqual(['imr', 'imrShell']);
  const api = exposed.get('imr') as Record<string, (...args: unknown[]) => Promise<unknown>>;
  expect(Object.keys(api).sort()).toEqual([...API_METHODS].sort());
  await api['getLetter']!(7);
  expect(invoked).toEqual([[channelOf('getLetter'), 7]]);
  const shell = exposed.get('imrShell') as ShellBridge;
  expect(Object.keys(shell).sort()).toEqual(['chooseExportFolder', 'getPathForFile', 'onCommand', 'revealLetterFile']);
});

test('the shell bridge passes known menu commands on, drops others, and unsubscribes', async () => {
  const { exposed, invoked, listeners } = loadPreload();
  const shell = exposed.get('imrShell') as ShellBridge;
  const received: ShellCommand[] = [];
  const stop = shell.onCommand((command) => received.push(command));
  const deliver = listeners.get(SHELL_CHANNELS.command)!;
  deliver({}, 'showExport');
  deliver({}, 'rm -rf /');
  deliver({}, 'undo');
  expect(received).toEqual(['showExport', 'undo']);
  stop();
  expect(listeners.has(SHELL_CHANNELS.command)).toBe(false);

  expect(shell.getPathForFile({ name: 'letters' } as File)).toBe('/dropped/letters');
  await shell.revealLetterFile(3);
  await shell.chooseExportFolder();
  expect(invoked).toEqual([[SHELL_CHANNELS.revealLetterFile, 3], [SHELL_CHANNELS.chooseExportFolder]]);
});
