/**
 * The workstation as the end-to-end tests and the UI benchmark see it: the built
 * renderer served by the real bridge (`src/main/transport/bridge/serve.ts`) over a real library
 * file, in a child process, and Debian's Chromium to drive it.
 */
import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ApiMethod, ApiResponse, ApiResults } from '../../src/shared/api.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];
export const REVIEWER = 'E2E Reviewer';

/** Builds main, preload and renderer into out/ (what `npm run serve` does first). */
export function buildApp(): void {
  execFileSync(path.join(ROOT, 'node_modules/.bin/electron-vite'), ['build'], { cwd: ROOT, stdio: 'pipe' });
}

export interface Workstation {
  /** The page to open, with the per-run token in its fragment. */
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  readonly libraryFile: string;
  /** Calls the API the way the renderer does (POST /api with the token). */
  call<M extends ApiMethod>(method: M, ...args: unknown[]): Promise<ApiResults[M]>;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** The library file; default a fresh one in a new temp folder (removed on stop). */
  readonly libraryFile?: string;
  readonly reviewer?: string;
}

/** Starts `serve.ts` on a free port and waits for the URL it prints. */
export async function startWorkstation(options: StartOptions = {}): Promise<Workstation> {
  const ownFolder = options.libraryFile === undefined ? mkdtempSync(path.join(tmpdir(), 'imr-e2e-')) : null;
  const libraryFile = options.libraryFile ?? path.join(ownFolder!, 'library.sqlite');
  const child = spawn(
    process.execPath,
    [
      path.join(ROOT, 'src/main/transport/bridge/serve.ts'),
      '--db',
      libraryFile,
      '--port',
      '0',
      '--reviewer',
      options.reviewer ?? REVIEWER,
      // A library of its own is made on first use; a file named by the spec must exist.
      ...(ownFolder === null ? [] : ['--create']),
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    const onData = (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /Open (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(stdout);
      if (match) {
        child.stdout!.off('data', onData);
        child.stdout!.resume();
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`serve.ts exited with ${code} before printing its URL:\n${stdout}${stderr}`)));
    setTimeout(() => reject(new Error(`serve.ts printed no URL within 30 s:\n${stdout}${stderr}`)), 30_000).unref();
  });
  const parsed = new URL(url);
  const token = new URLSearchParams(parsed.hash.slice(1)).get('token')!;
  return {
    url,
    origin: parsed.origin,
    token,
    libraryFile,
    call: async (method, ...args) => {
      const response = await fetch(`${parsed.origin}/api`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-imr-token': token },
        body: JSON.stringify({ method, args }),
      });
      const body = (await response.json()) as ApiResponse<never>;
      if (!body.ok) throw new Error(`${method}: ${body.error.code}: ${body.error.message}`);
      return body.result;
    },
    stop: async () => {
      await stopChild(child);
      if (ownFolder) rmSync(ownFolder, { recursive: true, force: true });
    },
  };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
