/**
 * The main-process wiring over the real services: the API registered on a (fake) ipcMain
 * answers from a real library, follows "Open database…" to another file, and closing
 * stops an import in flight before the library closes.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { registerApi } from '../../src/main/ipc/register.ts';
import type { LibrarySession } from '../../src/main/shell/librarySession.ts';
import { startLibrarySession } from '../../src/main/shell/librarySession.ts';
import { registerShellIpc, revealLetterFile } from '../../src/main/shell/shellIpc.ts';
import type { ApiResponse } from '../../src/shared/api.ts';
import { channelOf, SHELL_CHANNELS } from '../../src/shared/api.ts';
import { writeFixtureFolder } from '../fixtures/index.ts';

type Handler = (event: unknown, ...args: unknown[]) => unknown;

function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  return {
    handlers,
    handle: (channel: string, handler: Handler) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, handler);
    },
    call: async (channel: string, ...args: unknown[]) => {
      const handler = handlers.get(channel);
      if (!handler) throw new Error(`nothing handles ${channel}`);
      return handler({}, ...args);
    },
  };
}

let dir: string;
let session: LibrarySession;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'imr-shell-'));
  session = startLibrarySession(path.join(dir, 'first.sqlite'), { appVersion: '9.9.9', samplesFolder: path.join(dir, 'samples') });
});
afterEach(async () => {
  await session.close();
  await rm(dir, { recursive: true, force: true });
});

test('IPC calls reach the real handlers, validated, and follow the library when another is opened', async () => {
  const ipc = fakeIpcMain();
  registerApi(ipc as never, session.api);
  const info = (await ipc.call(channelOf('getAppInfo'))) as ApiResponse<{ libraryFile: string; appVersion: string }>;
  expect(info).toMatchObject({ ok: true, result: { libraryFile: path.join(dir, 'first.sqlite'), appVersion: '9.9.9' } });

  const bad = (await ipc.call(channelOf('getLetter'), 'one')) as ApiResponse<unknown>;
  expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });

  const letters = path.join(dir, 'letters');
  await writeFixtureFolder(letters, { count: 2, seed: 4200, pdfShare: 0 });
  expect(await ipc.call(channelOf('startImport'), [letters])).toEqual({ ok: true, result: { started: true } });
  await session.current().jobs.imports.settled();
  expect(await ipc.call(channelOf('getStats'))).toMatchObject({ ok: true, result: { letters: 2 } });

  const first = session.current().library;
  await session.switchTo(path.join(dir, 'second.sqlite'));
  expect(() => first.db.prepare('select 1').get()).toThrow();
  expect(await ipc.call(channelOf('getAppInfo'))).toMatchObject({ ok: true, result: { libraryFile: path.join(dir, 'second.sqlite') } });
  expect(await ipc.call(channelOf('getStats'))).toMatchObject({ ok: true, result: { letters: 0 } });

  await session.switchTo(path.join(dir, 'first.sqlite'));
  expect(await ipc.call(channelOf('getStats'))).toMatchObject({ ok: true, result: { letters: 2 } });
});

test('a library that cannot be opened leaves the current one open', async () => {
  const notALibrary = path.join(dir, 'letters');
  await writeFixtureFolder(notALibrary, { count: 1, seed: 4300, pdfShare: 0 });
  await expect(session.switchTo(notALibrary)).rejects.toThrow();
  expect((await session.api.getAppInfo()).libraryFile).toBe(path.join(dir, 'first.sqlite'));
});

test('closing cancels the import in flight, waits for it, then closes the library', async () => {
  const letters = path.join(dir, 'many');
  await writeFixtureFolder(letters, { count: 40, seed: 4400, pdfShare: 0 });
  const { library, jobs } = session.current();
  expect(await session.api.startImport([letters])).toEqual({ started: true });
  await session.close();
  expect(jobs.imports.status().running).toBeNull();
  expect(jobs.imports.status().last?.status).toBe('cancelled');
  expect(() => library.db.prepare('select 1').get()).toThrow();
  await expect(session.api.getStats()).rejects.toThrow('The library is closed.');
});

test('the shell channels validate the letter id and reveal only the stored file', async () => {
  const letters = path.join(dir, 'letters');
  const [entry] = await writeFixtureFolder(letters, { count: 1, seed: 4500, pdfShare: 0 });
  await session.api.startImport([letters]);
  await session.current().jobs.imports.settled();
  const shown: string[] = [];
  const ipc = fakeIpcMain();
  registerShellIpc(ipc as never, {
    chooseExportFolder: async () => path.join(dir, 'out'),
    revealLetterFile: async (letterId) => revealLetterFile(session.current().library, (file) => shown.push(file), letterId),
  });
  expect(await ipc.call(SHELL_CHANNELS.chooseExportFolder)).toBe(path.join(dir, 'out'));
  expect(await ipc.call(SHELL_CHANNELS.revealLetterFile, 1)).toBe(true);
  expect(shown).toHaveLength(1);
  expect(path.basename(shown[0]!)).toBe(path.basename(entry!.file));
  expect(await ipc.call(SHELL_CHANNELS.revealLetterFile, 999)).toBe(false);
  for (const bad of ['1', 0, -3, 1.5, '../../etc/passwd']) {
    await expect(ipc.call(SHELL_CHANNELS.revealLetterFile, bad)).rejects.toThrow('positive integer');
  }
  expect(shown).toHaveLength(1);
});
