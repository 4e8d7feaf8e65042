/**
 * Fault injection: exports that cannot go on. An export of each format is cancelled midway;
 * an export whose worker is stuck in a file system call (its library a FIFO nobody writes) is
 * abandoned on cancel and the next export runs; an output path under /proc fails at once
 * with its reason and the `npm run serve` process goes on answering, and stops on SIGTERM.
 */
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, constants, existsSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, onTestFinished, test } from 'vitest';
import { exportDataset, exportInWorker } from '../../src/main/export/index.ts';
import { EXPORT_FORMATS } from '../../src/shared/export.ts';
import { besideFolder, folderContents } from '../export/folders.ts';
import { libraryOf } from './libraries.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
let dir: string;
let library: string;

beforeAll(() => {
  // serve.ts serves the built renderer: .ci/run builds before the tests; a bare checkout builds here.
  if (!existsSync(path.join(ROOT, 'out/renderer/index.html'))) execFileSync(path.join(ROOT, 'node_modules/.bin/electron-vite'), ['build'], { cwd: ROOT, stdio: 'ignore' });
  dir = mkdtempSync(path.join(tmpdir(), 'imr-fault-stuck-'));
  library = libraryOf(path.join(dir, 'library.sqlite'), 2000);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test.each(EXPORT_FORMATS)('a cancel midway through a %s export in its worker stops it at once, keeps the previous set as it was and leaves nothing beside it', async (format) => {
  const outDir = path.join(dir, `cancelled-${format}`);
  await exportDataset(library, { format: 'jsonl', outDir, scope: 'all' });
  const previous = folderContents(outDir);
  const controller = new AbortController();
  let lastDone = 0;
  const run = exportInWorker(library, { format, outDir, scope: 'all' }, {
    signal: controller.signal,
    onProgress: ({ done }) => {
      lastDone = done;
      if (done >= 500) controller.abort();
    },
  });
  await expect(run).rejects.toThrow(/abort/i);
  // Stopped where it was, not after writing the rest of the 2,000 letters.
  expect(lastDone).toBeLessThan(2000);
  expect(folderContents(outDir)).toEqual(previous);
  expect(besideFolder(outDir)).toEqual([]);
});

describe.skipIf(process.platform === 'win32')('a worker stuck in the file system', () => {
  test('is abandoned on cancel, what it began is cleared, and the next export runs', async () => {
    const fifo = path.join(dir, 'stuck.sqlite');
    execFileSync('mkfifo', [fifo]);
    try {
      const outDir = path.join(dir, 'stuck-out');
      const controller = new AbortController();
      let began: () => void = () => undefined;
      const beganWriting = new Promise<void>((resolve) => (began = resolve));
      const run = exportInWorker(fifo, { format: 'csv', outDir, scope: 'all' }, { signal: controller.signal, onStarted: () => began() });
      // Next the worker opens the library: SQLite's open of the FIFO blocks its thread in the kernel.
      await beganWriting;
      await new Promise((resolve) => setTimeout(resolve, 300));
      controller.abort();
      // The worker never comes back from the kernel: only an export that abandons it settles (else the test's time limit ends it).
      await expect(run).rejects.toThrow(/abort|cancel/i);
      expect(existsSync(outDir)).toBe(false);
      expect(besideFolder(outDir)).toEqual([]);

      const next = await exportInWorker(library, { format: 'csv', outDir, scope: 'all' });
      expect(next.letters).toBe(2000);
    } finally {
      // Let the stuck thread go (its open returns), so this process can exit.
      closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
      // (Had it not been stuck there, this open would fail with ENXIO: no reader.)
    }
  });
});

describe.skipIf(process.platform !== 'linux')('npm run serve', () => {
  test('an export to a path under /proc fails at once with its reason; the server answers, exports elsewhere, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, [path.join(ROOT, 'src/main/transport/bridge/serve.ts'), '--db', library, '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const url = await new Promise<URL>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /Open (http:\S+)/.exec(out);
        if (match) resolve(new URL(match[1]!));
      });
      child.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
    });
    // A failed expectation must not leave the server running.
    onTestFinished(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    });
    const token = new URLSearchParams(url.hash.slice(1)).get('token')!;
    const call = async (method: string, ...args: unknown[]) => {
      const response = await fetch(`${url.origin}/api`, { method: 'POST', headers: { 'x-imr-token': token }, body: JSON.stringify({ method, args }) });
      return { status: response.status, body: (await response.json()) as { ok: boolean; result?: unknown; error?: { code: string; message: string } } };
    };
    const waitForExport = async () => {
      for (let i = 0; i < 200 && ((await call('getExportStatus')).body.result as { running: unknown }).running !== null; i++) await new Promise((resolve) => setTimeout(resolve, 50));
      return (await call('getExportStatus')).body.result as { last: { letters: number } | null; error: string | null };
    };
    // Node's own recursive mkdir never returns under /proc: the export failing within waitForExport's polls is the check.
    expect((await call('startExport', { format: 'csv', outDir: '/proc/imr-export', scope: 'all' })).body).toEqual({ ok: true, result: { started: true } });
    expect(await waitForExport()).toMatchObject({
      last: null,
      error: 'creating a staging folder beside /proc/imr-export failed: the path does not exist and cannot be made there (ENOENT)',
    });
    expect((await call('getStats')).body).toMatchObject({ ok: true, result: { letters: 2000 } });
    const outDir = path.join(dir, 'served');
    expect((await call('startExport', { format: 'jsonl', outDir, scope: 'all' })).body).toEqual({ ok: true, result: { started: true } });
    expect((await waitForExport()).last?.letters).toBe(2000);

    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    child.kill('SIGTERM');
    expect(await exited).toBe('SIGTERM');
  });
});
