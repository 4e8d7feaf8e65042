/**
 * Background jobs through the library server: an import, then an export of what was verified
 * (run in the export's own worker), a cancel that stops an export at once, and the job runner.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { BackgroundJob } from '../../src/main/jobs/index.ts';
import { writeFixtureFolder } from '../fixtures/index.ts';
import type { ServerFixture } from './fixture.ts';
import { startServerFixture } from './fixture.ts';

let server: ServerFixture;
beforeEach(async () => {
  server = await startServerFixture();
});
afterEach(async () => {
  await server.dispose();
});

test('import, verify one letter, export it as CSV: the job reports what it wrote', async () => {
  const folder = path.join(server.dir, 'letters');
  await writeFixtureFolder(folder, { count: 3, seed: 3100, pdfShare: 0 });
  await server.call('startImport', [folder]);
  await server.settled('import');
  expect((await server.call('getImportStatus')).last).toMatchObject({ imported: 3, failed: 0, status: 'completed' });
  const letter = (await server.call('getLetter', 2))!;
  await server.call('verifyLetter', { letterId: 2, revision: letter.revision });

  const outDir = path.join(server.dir, 'dataset');
  expect(await server.call('startExport', { format: 'csv', outDir, bom: true })).toEqual({ started: true });
  expect(await server.call('startExport', { format: 'csv', outDir })).toEqual({ started: false });
  await server.settled('export');
  const status = await server.call('getExportStatus');
  expect(status.error).toBeNull();
  expect(status.last?.letters).toBe(1);
  expect(status.last?.files.map((file) => path.basename(file.path))).toEqual(['items.csv', 'README.md']);
  expect(existsSync(path.join(outDir, 'items.csv'))).toBe(true);
  expect(await server.call('listConflicts', 'open')).toEqual([]);
});

test('a cancelled export stops, leaves no file behind and reports a cancel, not an error', async () => {
  const folder = path.join(server.dir, 'letters');
  await writeFixtureFolder(folder, { count: 40, seed: 3200, pdfShare: 0 });
  await server.call('startImport', [folder]);
  await server.settled('import');
  const outDir = path.join(server.dir, 'dataset');
  await server.call('startExport', { format: 'parquet', outDir, scope: 'all' });
  await server.call('cancelExport');
  await server.settled('export');
  expect(await server.call('getExportStatus')).toEqual({ running: null, last: null, error: null, cancelled: true });
  expect(existsSync(outDir) ? readdirSync(outDir) : []).toEqual([]);
});

test("a cancelled export after a finished one shows neither the earlier export's files nor an error; the folder keeps that set", async () => {
  const folder = path.join(server.dir, 'letters');
  await writeFixtureFolder(folder, { count: 40, seed: 3300, pdfShare: 0 });
  await server.call('startImport', [folder]);
  await server.settled('import');
  const outDir = path.join(server.dir, 'dataset');
  await server.call('startExport', { format: 'csv', outDir, scope: 'all' });
  await server.settled('export');
  expect((await server.call('getExportStatus')).last?.letters).toBe(40);
  const before = readdirSync(outDir).sort();

  await server.call('startExport', { format: 'parquet', outDir, scope: 'all' });
  await server.call('cancelExport');
  await server.settled('export');
  expect(await server.call('getExportStatus')).toEqual({ running: null, last: null, error: null, cancelled: true });
  expect(readdirSync(outDir).sort()).toEqual(before);
});

test('a job that fails keeps its reason, and the next run clears it', async () => {
  const job = new BackgroundJob<number, string>(0);
  expect(job.start(async () => Promise.reject(new Error('disk full')))).toBe(true);
  await job.settled();
  expect(job.status()).toEqual({ running: null, last: null, error: 'disk full', cancelled: false });
  job.start(async (_signal, onProgress) => {
    onProgress(5);
    return 'done';
  });
  await job.settled();
  expect(job.status()).toEqual({ running: null, last: 'done', error: null, cancelled: false });
  // A run that fails shows its own reason, not the earlier run's result.
  job.start(async () => Promise.reject(new Error('disk full again')));
  await job.settled();
  expect(job.status()).toEqual({ running: null, last: null, error: 'disk full again', cancelled: false });
});

test('work that gives up on the cancel ends as cancelled, without an error', async () => {
  const job = new BackgroundJob<number, string>(0);
  job.start(
    (signal) =>
      new Promise((_resolve, reject) => {
        signal.addEventListener('abort', () => reject(signal.reason as Error));
      }),
  );
  job.cancel();
  await job.settled();
  expect(job.status()).toEqual({ running: null, last: null, error: null, cancelled: true });
});

test('cancelling passes the abort to the work', async () => {
  const job = new BackgroundJob<number, string>(0);
  job.start(
    (signal) =>
      new Promise((resolve) => {
        signal.addEventListener('abort', () => resolve('stopped'));
      }),
  );
  expect(job.status().running).toBe(0);
  job.cancel();
  await job.settled();
  expect(job.status().last).toBe('stopped');
});
