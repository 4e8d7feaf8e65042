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
import { API_CHANNEL, SHELL_CHANNELS } from '../../src/shared/api.ts';
import type { ApiTransport, ShellBridge, ShellCommand } from '../../src/shared/api.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
let outDir: string;
let bundle: string;

beforeAll(() => {
  outDir = mkdtempSync(path.join(tmpdir(), 'imr-preload-'));
  execFileSync(path.join(ROOT, 'node_modules/.bin/electron-vite'), ['build', '--outDir', outDir], { cwd: ROOT, stdio: 'pipe' });
  bundle = readFileSync(path.join(outDir, 'preload/index.cjs'), 'utf8');
});
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

interface FakeDragEvent {
  dataTransfer: { types: string[]; files: { name: string }[] };
  prevented: boolean;
  preventDefault(): void;
}

function dragEvent(types: string[], names: string[]): FakeDragEvent {
  return {
    dataTransfer: { types, files: names.map((name) => ({ name })) },
    prevented: false,
    preventDefault() {
      this.prevented = true;
    },
  };
}

function loadPreload() {
  const required: string[] = [];
  const exposed = new Map<string, unknown>();
  const invoked: unknown[][] = [];
  const listeners = new Map<string, (event: unknown, ...args: unknown[]) => void>();
  const documentListeners = new Map<string, (event: FakeDragEvent) => void>();
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
    ipcRenderer: {
      invoke: async (...args: unknown[]) => invoked.push(args),
      on: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => listeners.set(channel, listener),
    },
    // An empty path is what Electron gives for a File that is not on disk.
    webUtils: { getPathForFile: (file: { name: string }) => (file.name === 'pasted' ? '' : `/dropped/${file.name}`) },
  };
  const module = { exports: {} };
  runInNewContext(bundle, {
    require: (name: string) => {
      required.push(name);
      return electron;
    },
    module,
    exports: module.exports,
    document: { addEventListener: (type: string, listener: (event: FakeDragEvent) => void) => documentListeners.set(type, listener) },
  });
  return { required, exposed, invoked, listeners, documentListeners };
}

test('the bundle requires only electron and exposes only the API and the shell bridge', async () => {
  const { required, exposed, invoked } = loadPreload();
  expect(required).toEqual(['electron']);
  expect([...exposed.keys()]).toEqual(['imr', 'imrShell']);
  const api = exposed.get('imr') as ApiTransport;
  expect(Object.keys(api)).toEqual(['call']);
  await api.call({ method: 'getLetter', args: [7], libraryId: 'lib' });
  expect(invoked).toEqual([[API_CHANNEL, { method: 'getLetter', args: [7], libraryId: 'lib' }]]);
  const shell = exposed.get('imrShell') as ShellBridge;
  expect(Object.keys(shell).sort()).toEqual(['chooseExportFolder', 'onCommand', 'revealLetterFile']);
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
  stop();
  deliver({}, 'redo');
  expect(received).toEqual(['showExport', 'undo']);

  await shell.revealLetterFile(3);
  await shell.chooseExportFolder();
  expect(invoked).toEqual([[SHELL_CHANNELS.revealLetterFile, 3], [SHELL_CHANNELS.chooseExportFolder]]);
});

test('files dropped on the window are imported by path and the import dialog is asked for; dragged text is left alone', async () => {
  const { exposed, invoked, documentListeners } = loadPreload();
  const received: ShellCommand[] = [];
  (exposed.get('imrShell') as ShellBridge).onCommand((command) => received.push(command));

  const textOver = dragEvent(['text/plain'], []);
  documentListeners.get('dragover')!(textOver);
  const textDrop = dragEvent(['text/plain'], []);
  documentListeners.get('drop')!(textDrop);
  expect([textOver.prevented, textDrop.prevented]).toEqual([false, false]);

  const filesOver = dragEvent(['Files'], ['a.pdf']);
  documentListeners.get('dragover')!(filesOver);
  expect(filesOver.prevented).toBe(true);
  const drop = dragEvent(['Files'], ['a.pdf', 'pasted', 'letters']);
  documentListeners.get('drop')!(drop);
  expect(drop.prevented).toBe(true);
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(invoked).toEqual([[API_CHANNEL, { method: 'startImport', args: [['/dropped/a.pdf', '/dropped/letters']] }]]);
  expect(received).toEqual(['showImport']);

  documentListeners.get('drop')!(dragEvent(['Files'], ['pasted']));
  expect(invoked).toHaveLength(1);
});
