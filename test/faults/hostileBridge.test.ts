/**
 * Fault injection: hostile requests to a real `npm run serve` process (serve.ts in a child
 * process over a real library). Each gets the status and typed error the UI would show, and
 * after all of them the process is still running and answering.
 */
import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { libraryOf } from './libraries.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
let dir: string;
let child: ChildProcess;
let origin: string;
let token: string;

beforeAll(async () => {
  if (!existsSync(path.join(ROOT, 'out/renderer/index.html'))) execFileSync(path.join(ROOT, 'node_modules/.bin/electron-vite'), ['build'], { cwd: ROOT, stdio: 'ignore' });
  dir = mkdtempSync(path.join(tmpdir(), 'imr-fault-bridge-'));
  const library = libraryOf(path.join(dir, 'library.sqlite'), 3);
  child = spawn(process.execPath, [path.join(ROOT, 'src/main/transport/bridge/serve.ts'), '--db', library, '--reviewer', 'Fault Suite'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<URL>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Open (http:\S+)/.exec(out);
      if (match) resolve(new URL(match[1]!));
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  });
  origin = url.origin;
  token = new URLSearchParams(url.hash.slice(1)).get('token')!;
});

afterAll(async () => {
  // Whatever happened: a server still running is stopped (and waited for), one that died is not waited on.
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  rmSync(dir, { recursive: true, force: true });
});

async function post(pathName: string, body: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${origin}${pathName}`, { method: 'POST', headers: { 'x-imr-token': token, 'content-type': 'application/json' }, body });
  const text = await response.text();
  return { status: response.status, body: text.startsWith('{') ? JSON.parse(text) : text };
}

const call = (method: string, args: unknown) => post('/api', JSON.stringify({ method, args }));

/** A raw request line and headers, as no browser would send them. */
function raw(request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(Number(new URL(origin).port), '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
    socket.write(request);
  });
}

test('every hostile request is answered with a 4xx and the typed error, and the server goes on', async () => {
  const invalid = { ok: false, error: { code: 'invalid-arguments', message: expect.any(String) } };
  expect(await post('/api/%ZZ', '{}')).toEqual({ status: 404, body: { ok: false, error: { code: 'not-found', message: 'No API at /api/%ZZ: calls go to POST /api' } } });
  expect(await post('/api', '{')).toMatchObject({ status: 400, body: invalid });
  expect(await post('/api', 'null')).toMatchObject({ status: 400, body: invalid });
  expect(await post('/api', JSON.stringify({ method: 'getStats', args: [], extra: 1 }))).toMatchObject({ status: 400, body: invalid });
  expect(await post('/api', 'x'.repeat(3 * 1024 * 1024))).toMatchObject({ status: 400, body: invalid });
  expect(await call('noSuchMethod', [])).toMatchObject({ status: 400, body: invalid });
  expect(await call('__proto__', [])).toMatchObject({ status: 400, body: invalid });
  expect(await call('getLetter', ['1'])).toMatchObject({ status: 400, body: invalid });
  expect(await call('getLetter', { 0: 1 })).toMatchObject({ status: 400, body: invalid });
  expect(await call('startImport', [[]])).toMatchObject({ status: 400, body: invalid });
  expect(await call('queryQueue', [{ sort: 'import', offset: -1, limit: 1e9 }])).toMatchObject({ status: 400, body: invalid });
  expect(await call('verifyLetter', [{ letterId: 99_999, revision: 0 }])).toMatchObject({ status: 404, body: { ok: false, error: { code: 'not-found' } } });
  const letter = (await call('getLetter', [1])).body as { result: { id: number; revision: number; text: string; items: { id: number }[] } };
  const { id, revision, text, items } = letter.result;
  expect(await call('updateItemField', [{ letterId: id, revision }, items[0]!.id, { field: 'rationale', selection: [text.length - 2, text.length + 50] }])).toMatchObject({
    status: 422,
    body: { ok: false, error: { code: 'invalid-edit' } },
  });
  expect(await raw('GARBAGE / HTTP/1.1\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/);
  expect(await raw(`GET /%E0%A4%A HTTP/1.1\r\nHost: ${new URL(origin).host}\r\nConnection: close\r\n\r\n`)).toMatch(/^HTTP\/1\.1 (200|4\d\d) /); // the page itself (its routes are the renderer's), never a 5xx

  expect(child.exitCode).toBeNull();
  expect(await call('getStats', [])).toMatchObject({ status: 200, body: { ok: true, result: { letters: 3 } } });
});
