/**
 * The loopback bridge in front of a real library server: serves the app and the API, refuses
 * calls without the token, from elsewhere or another Host, and answers every hostile request.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/main/contentSecurityPolicy.ts';
import type { Bridge } from '../../src/main/transport/bridge/server.ts';
import { startBridge, TOKEN_HEADER } from '../../src/main/transport/bridge/server.ts';
import { writeFixtureFolder } from '../fixtures/index.ts';
import type { ServerFixture } from '../server/fixture.ts';
import { startServerFixture } from '../server/fixture.ts';

let server: ServerFixture;
let bridge: Bridge;

beforeEach(async () => {
  server = await startServerFixture();
  const rendererDir = path.join(server.dir, 'renderer');
  await mkdir(rendererDir);
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>IMR</title>');
  bridge = await startBridge({ server: server.client, rendererDir });
});

afterEach(async () => {
  await bridge.close();
  await server.dispose();
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

const call = (method: string, args: unknown, headers: Record<string, string> = {}) =>
  send('/api', { method: 'POST', headers: { [TOKEN_HEADER]: bridge.token, 'content-type': 'application/json', ...headers }, body: JSON.stringify({ method, args }) });

test('serves the renderer on 127.0.0.1 with a CSP, and the URL carries the token in its fragment', async () => {
  expect(bridge.url).toBe(`http://127.0.0.1:${bridge.port}/#token=${bridge.token}`);
  const page = await send('/');
  expect(page.status).toBe(200);
  expect(page.body).toContain('<title>IMR</title>');
  expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
});

test('an API call with the token reaches the real services', async () => {
  const response = await call('getStats', []);
  expect(response.status).toBe(200);
  expect(JSON.parse(response.body)).toMatchObject({ ok: true, result: { letters: 0, verified: 0 } });
});

test('no token, a wrong token, another Host or another Origin is refused', async () => {
  expect((await send('/api', { method: 'POST', body: '{"method":"getStats","args":[]}' })).status).toBe(401);
  expect((await call('getStats', [], { [TOKEN_HEADER]: 'x'.repeat(bridge.token.length) })).status).toBe(401);
  const nonAscii = await call('getStats', [], { [TOKEN_HEADER]: 'é'.repeat(bridge.token.length) });
  expect(nonAscii.status).toBe(401);
  expect(JSON.parse(nonAscii.body)).toMatchObject({ ok: false, error: { code: 'invalid-arguments', message: 'Missing or wrong token' } });
  expect((await call('getStats', [], { host: `evil.example:${bridge.port}` })).status).toBe(403);
  expect((await send('/', { headers: { host: 'evil.example' } })).status).toBe(403);
  expect((await call('getStats', [], { origin: 'http://evil.example' })).status).toBe(403);
  expect((await send('/api', { method: 'GET', headers: { [TOKEN_HEADER]: bridge.token } })).status).toBe(405);
});

test('bad JSON, bad paths and bad arguments are answered with a 4xx and the typed error, and the bridge goes on', async () => {
  const badJson = await send('/api', { method: 'POST', headers: { [TOKEN_HEADER]: bridge.token }, body: '{' });
  expect(badJson.status).toBe(400);
  expect(JSON.parse(badJson.body)).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
  const badArgs = await call('getLetter', ['one']);
  expect(badArgs.status).toBe(400);
  expect(JSON.parse(badArgs.body)).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
  expect((await call('getLetter', 'not a list')).status).toBe(400);
  expect((await call('noSuchMethod', [])).status).toBe(400);
  const escape = await send('/api/%ZZ', { method: 'POST', headers: { [TOKEN_HEADER]: bridge.token }, body: '[]' });
  expect(escape.status).toBe(404);
  expect((await send('/%E0%A4%A', { headers: {} })).status).toBeLessThan(500);
  expect((await call('getLetter', [424242])).status).toBe(200);
  const missing = await call('verifyLetter', [{ letterId: 424242, revision: 0 }]);
  expect(missing.status).toBe(404);
  expect(JSON.parse(missing.body)).toMatchObject({ ok: false, error: { code: 'not-found' } });
  expect(JSON.parse((await call('getStats', [])).body).ok).toBe(true);
});

test('a selection past the end of the letter text is refused with 422 and the typed error, and nothing changes', async () => {
  const folder = path.join(server.dir, 'letters');
  await writeFixtureFolder(folder, { count: 1, seed: 4300, pdfShare: 0 });
  await server.call('startImport', [folder]);
  await server.settled('import');
  const letter = (await server.call('getLetter', 1))!;
  const item = letter.items[0]!;
  const end = letter.text.length;
  for (const selection of [[end - 5, end + 10], [end + 1, end + 2]]) {
    const response = await call('updateItemField', [{ letterId: letter.id, revision: letter.revision }, item.id, { field: 'rationale', selection }]);
    expect(response.status).toBe(422);
    expect(JSON.parse(response.body)).toEqual({
      ok: false,
      error: { code: 'invalid-edit', message: `The selection [${selection[0]}, ${selection[1]}) is not inside the letter's text (${end} characters)` },
    });
  }
  const unchanged = (await server.call('getLetter', 1))!;
  expect(unchanged.revision).toBe(letter.revision);
  expect(unchanged.items[0]!.rationale).toBe(item.rationale);
});

test('a typed edit sent as JSON keeps the span its value still reads at (no field of the call is lost on the way)', async () => {
  const folder = path.join(server.dir, 'letters');
  await writeFixtureFolder(folder, { count: 1, seed: 4200, pdfShare: 0 });
  await server.call('startImport', [folder]);
  await server.settled('import');
  const letter = (await server.call('getLetter', 1))!;
  const item = letter.items[0]!;
  const [span] = item.spans['rationale']!;
  const words = item.rationale!.split(' ').slice(0, 3).join(' ');
  const response = await call('updateItemField', [{ letterId: letter.id, revision: letter.revision }, item.id, { field: 'rationale', value: words }]);
  expect(JSON.parse(response.body)).toMatchObject({ ok: true, result: { changeId: expect.any(Number) } });
  const edited = (await server.call('getLetter', 1))!.items[0]!;
  expect(edited.rationale).toBe(words);
  expect(edited.spans['rationale']?.[0]?.[0]).toBe(span![0]);
  expect(edited.humanEdited).toEqual(['rationale']);
});
