/**
 * Export folders through the library server: a folder holding files the app did not write is
 * refused with its own error code until the caller says to write beside them; a folder that
 * cannot be written is refused at once; and what an export killed while writing left beside its
 * folder is cleared when the library is next opened.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, expect, test } from 'vitest';
import { besideFolder } from '../export/folders.ts';
import type { ServerFixture } from './fixture.ts';
import { startServerFixture } from './fixture.ts';

let server: ServerFixture | null = null;
afterEach(async () => {
  await server?.dispose();
  server = null;
});

test('a folder with foreign files is refused as foreign-files, untouched; with force the export goes beside them', async () => {
  server = await startServerFixture();
  const outDir = path.join(server.dir, 'mine');
  mkdirSync(outDir);
  writeFileSync(path.join(outDir, 'README.md'), '# Not a dataset card\n');
  const refused = await server.raw('startExport', [{ format: 'jsonl', outDir, scope: 'all' }]);
  expect(refused).toEqual({ ok: false, error: { code: 'foreign-files', message: `${outDir} holds files this app did not write (README.md)` } });
  expect(readFileSync(path.join(outDir, 'README.md'), 'utf8')).toBe('# Not a dataset card\n');
  expect(await server.call('getExportStatus')).toMatchObject({ running: null, last: null, error: null });

  expect(await server.call('startExport', { format: 'jsonl', outDir, scope: 'all', force: true })).toEqual({ started: true });
  await server.settled('export');
  expect((await server.call('getExportStatus')).last?.files.map((file) => path.basename(file.path))).toEqual(['letters.jsonl', 'README.md']);
});

test('a folder that cannot be written is refused at once with the reason, and the server goes on', async () => {
  server = await startServerFixture();
  const blocker = path.join(server.dir, 'a-file');
  writeFileSync(blocker, 'x');
  const refused = await server.raw('startExport', [{ format: 'csv', outDir: path.join(blocker, 'out') }]);
  expect(refused).toMatchObject({ ok: false, error: { code: 'cannot-write', message: expect.stringContaining('a part of the path is a file, not a folder (ENOTDIR)') } });
  expect((await server.call('getStats')).letters).toBe(0);
});

test('opening a library clears what a killed export left beside the folder it was writing', async () => {
  const first = await startServerFixture();
  const libraryFile = path.join(first.dir, 'library.sqlite');
  const folders = path.join(first.dir, 'exports');
  const outDir = path.join(folders, 'dataset');
  mkdirSync(path.join(folders, '.dataset.imr-staging-4194400-0badf00d'), { recursive: true });
  writeFileSync(path.join(folders, '.dataset.imr-staging-4194400-0badf00d', 'letters.jsonl'), 'half');
  await first.client.close();
  // As a killed export leaves it: the folder still noted in the library.
  const raw = new Database(libraryFile);
  raw.prepare("INSERT INTO settings (key, value) VALUES ('exports_in_flight', ?)").run(JSON.stringify([outDir]));
  raw.close();

  server = await startServerFixture({ file: libraryFile });
  expect(await server.call('startExport', { format: 'csv', outDir: path.join(first.dir, 'elsewhere') })).toEqual({ started: true });
  await server.settled('export');
  expect(besideFolder(outDir)).toEqual([]);
  const reopened = new Database(libraryFile, { readonly: true });
  expect(reopened.prepare("SELECT value FROM settings WHERE key = 'exports_in_flight'").pluck().get()).toBe('[]');
  reopened.close();
  await server.dispose();
  server = null;
  rmSync(first.dir, { recursive: true, force: true });
});
