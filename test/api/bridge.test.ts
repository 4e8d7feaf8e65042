/** The loopback bridge: serves the app and the API, and refuses calls without the token, from elsewhere or another Host. */
import { mkdir, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { Bridge } from '../../src/main/bridge/server.ts';
import { startBridge, TOKEN_HEADER } from '../../src/main/bridge/server.ts';
import type { ApiFixture } from './context.ts';
import { createApiFixture } from './context.ts';

let api: ApiFixture;
let bridge: Bridge;

beforeEach(async () => {
  api = await createApiFixture();
  const rendererDir = path.join(api.dir, 'renderer');
  await mkdir(rendererDir);
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>IMR</title>');
  bridge = await startBridge({ handlers: api.handlers, rendererDir });
});

afterEach(async () => {
  await bridge.close();
  await api.dispose();
});

/** A raw request, so the test controls the Host and Origin headers exactly. */
function send(pathName: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: bridge.port, path: pathName, method: options.method ?? 'GET', headers: options.headers ?? {} },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const call = (method: string, args: unknown[], headers: Record<string, string> = {}) =>
  send(`/api/${method}`, { method: 'POST', headers: { [TOKEN_HEADER]: bridge.token, 'content-type': 'application/json', ...headers }, body: JSON.stringify(args) });

test('serves the renderer on 127.0.0.1 with a CSP, and the URL carries the token in its fragment', async () => {
  expect(bridge.url).toBe(`http://127.0.0.1:${bridge.port}/#token=${bridge.token}`);
  const page = await send('/');
  expect(page.status).toBe(200);
  expect(page.body).toContain('<title>IMR</title>');
  expect(String(page.headers['content-security-policy'])).toContain("default-src 'self'");
});

test('an API call with the token reaches the real services', async () => {
  const response = await call('getStats', []);
  expect(response.status).toBe(200);
  expect(JSON.parse(response.body)).toMatchObject({ ok: true, result: { letters: 0, verified: 0 } });
});

test('no token, a wrong token, another Host or another Origin is refused', async () => {
  expect((await send('/api/getStats', { method: 'POST', body: '[]' })).status).toBe(401);
  expect((await call('getStats', [], { [TOKEN_HEADER]: 'x'.repeat(bridge.token.length) })).status).toBe(401);
  expect((await call('getStats', [], { host: `evil.example:${bridge.port}` })).status).toBe(403);
  expect((await send('/', { headers: { host: 'evil.example' } })).status).toBe(403);
  expect((await call('getStats', [], { origin: 'http://evil.example' })).status).toBe(403);
  expect((await send('/api/getStats', { method: 'GET', headers: { [TOKEN_HEADER]: bridge.token } })).status).toBe(405);
});

test('bad JSON and bad arguments are answered, not crashed on', async () => {
  const badJson = await send('/api/getLetter', { method: 'POST', headers: { [TOKEN_HEADER]: bridge.token }, body: '{' });
  expect(badJson.status).toBe(400);
  const badArgs = await call('getLetter', ['one']);
  expect(JSON.parse(badArgs.body)).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
  expect(JSON.parse((await call('getStats', [])).body).ok).toBe(true);
});
