/**
 * Whether the UI stays responsive while the library works: a queue page is asked for every
 * 20 ms through the loopback bridge (the transport the browser UI uses) to the library server,
 * during an export of the 100,000-letter library in each format and during an import of 2,000
 * letters; the worst answer time is printed, and how long a Cancel takes to stop an export.
 * Targets: every queue page within 50 ms, a cancel handled within 200 ms.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ApiMethod, ApiResponse } from '../src/shared/api.ts';
import { EXPORT_FORMATS } from '../src/shared/export.ts';
import { startServerWorker } from '../src/main/server/workerClient.ts';
import type { LibraryClient } from '../src/main/server/client.ts';
import { startBridge, TOKEN_HEADER } from '../src/main/transport/bridge/server.ts';
import type { Bridge } from '../src/main/transport/bridge/server.ts';
import { DATA_DIR, libraryFile, pdfFolder } from './data.ts';
import type { BenchResult } from './result.ts';

const INTERVAL_MS = 20;
const WORST_TARGET_MS = 50;
const CANCEL_TARGET_MS = 200;
const IMPORT_LETTERS = 2000;

interface Workstation {
  readonly server: LibraryClient;
  readonly bridge: Bridge;
  call(method: ApiMethod, ...args: unknown[]): Promise<unknown>;
  stop(): Promise<void>;
}

async function startWorkstation(file: string): Promise<Workstation> {
  const rendererDir = path.join(DATA_DIR, 'responsiveness-renderer');
  await mkdir(rendererDir, { recursive: true });
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html>');
  const server = startServerWorker({ appVersion: 'bench', samplesFolder: '' });
  const opened = await server.open({ file, reviewer: 'bench' });
  if (!opened.ok) throw new Error(opened.error.message);
  const bridge = await startBridge({ server, rendererDir });
  const call = async (method: ApiMethod, ...args: unknown[]) => {
    const response = await fetch(`http://127.0.0.1:${bridge.port}/api`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: bridge.token },
      body: JSON.stringify({ method, args }),
    });
    const body = (await response.json()) as ApiResponse<unknown>;
    if (!body.ok) throw new Error(`${method}: ${body.error.message}`);
    return body.result;
  };
  return { server, bridge, call, stop: async () => (await bridge.close(), await server.close()) };
}

/** Asks for a queue page every 20 ms until `until` settles; returns every answer time. */
async function probeWhile(ws: Workstation, until: Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  let done = false;
  void until.finally(() => (done = true));
  let offset = 0;
  while (!done) {
    const asked = performance.now();
    await ws.call('queryQueue', { sort: 'attention', offset: (offset += 50) % 90_000, limit: 50 });
    times.push(performance.now() - asked);
    const wait = INTERVAL_MS - (performance.now() - asked);
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
  return times;
}

async function settled(ws: Workstation, method: 'getExportStatus' | 'getImportStatus'): Promise<void> {
  for (;;) {
    const status = (await ws.call(method)) as { running: unknown; error: string | null };
    if (status.running === null) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function worst(times: readonly number[]): number {
  return Math.max(...times);
}

function percentile(times: readonly number[], share: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? 0;
}

export async function benchResponsiveness(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const ws = await startWorkstation(libraryFile());
  try {
    for (const format of EXPORT_FORMATS) {
      const outDir = path.join(DATA_DIR, `responsiveness-${format}`);
      await rm(outDir, { recursive: true, force: true });
      await ws.call('startExport', { format, outDir, scope: 'all' });
      const times = await probeWhile(ws, settled(ws, 'getExportStatus'));
      const status = (await ws.call('getExportStatus')) as { last: { letters: number } | null; error: string | null };
      results.push({
        name: `queue page during a ${format} export, worst`,
        value: worst(times),
        unit: 'ms',
        target: { atMost: WORST_TARGET_MS },
        detail: `${times.length} calls, median ${percentile(times, 0.5).toFixed(1)} ms, p99 ${percentile(times, 0.99).toFixed(1)} ms; exported ${status.last?.letters ?? 0} letters${status.error ? ` (${status.error})` : ''}`,
      });
      await rm(outDir, { recursive: true, force: true });
    }
    for (const format of EXPORT_FORMATS) {
      const outDir = path.join(DATA_DIR, `responsiveness-cancel-${format}`);
      await ws.call('startExport', { format, outDir, scope: 'all' });
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const asked = performance.now();
      await ws.call('cancelExport');
      await settled(ws, 'getExportStatus');
      results.push({ name: `cancel a ${format} export 1.5 s in`, value: performance.now() - asked, unit: 'ms', target: { atMost: CANCEL_TARGET_MS } });
      await rm(outDir, { recursive: true, force: true });
    }
  } finally {
    await ws.stop();
  }

  const importLibrary = path.join(DATA_DIR, 'responsiveness-import.sqlite');
  for (const suffix of ['', '-wal', '-shm']) await rm(importLibrary + suffix, { force: true });
  const folder = await pdfFolder(IMPORT_LETTERS);
  const importing = await startWorkstation(importLibrary);
  try {
    await importing.call('startImport', [folder]);
    const times = await probeWhile(importing, settled(importing, 'getImportStatus'));
    const status = (await importing.call('getImportStatus')) as { last: { imported: number } | null };
    results.push({
      name: `queue page during an import of ${IMPORT_LETTERS} PDFs, worst`,
      value: worst(times),
      unit: 'ms',
      target: { atMost: WORST_TARGET_MS },
      detail: `${times.length} calls, median ${percentile(times, 0.5).toFixed(1)} ms, p99 ${percentile(times, 0.99).toFixed(1)} ms; imported ${status.last?.imported ?? 0}`,
    });
  } finally {
    await importing.stop();
  }
  return results;
}

