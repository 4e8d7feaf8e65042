/** Background jobs through the API: an import, then an export of what was verified, and a failing export. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { BackgroundJob } from '../../src/main/jobs/index.ts';
import { writeFixtureFolder } from '../fixtures/index.ts';
import type { ApiFixture } from './context.ts';
import { createApiFixture } from './context.ts';

let api: ApiFixture;
beforeEach(async () => {
  api = await createApiFixture();
});
afterEach(async () => {
  await api.dispose();
});

test('import, verify one letter, export it as CSV: the job reports what it wrote', async () => {
  const folder = path.join(api.dir, 'letters');
  await writeFixtureFolder(folder, { count: 3, seed: 3100, pdfShare: 0 });
  await api.handlers.startImport([folder]);
  await api.jobs.imports.settled();
  expect((await api.handlers.getImportStatus()).last).toMatchObject({ imported: 3, failed: 0, status: 'completed' });
  await api.handlers.verifyLetter(2);

  const outDir = path.join(api.dir, 'dataset');
  expect(await api.handlers.startExport({ format: 'csv', outDir, bom: true })).toEqual({ started: true });
  expect(await api.handlers.startExport({ format: 'csv', outDir })).toEqual({ started: false });
  await api.jobs.exports.settled();
  const status = await api.handlers.getExportStatus();
  expect(status.error).toBeNull();
  expect(status.running).toBeNull();
  expect(status.last?.letters).toBe(1);
  expect(status.last?.files.map((file) => path.basename(file.path))).toEqual(['items.csv', 'README.md']);
  expect(existsSync(path.join(outDir, 'items.csv'))).toBe(true);
  expect(await api.handlers.listConflicts('open')).toEqual([]);
});

test('a job that fails keeps its reason, and the next run clears it', async () => {
  const job = new BackgroundJob<number, string>(0);
  expect(job.start(async () => Promise.reject(new Error('disk full')))).toBe(true);
  await job.settled();
  expect(job.status()).toEqual({ running: null, last: null, error: 'disk full' });
  job.start(async (_signal, onProgress) => {
    onProgress(5);
    return 'done';
  });
  await job.settled();
  expect(job.status()).toEqual({ running: null, last: 'done', error: null });
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
