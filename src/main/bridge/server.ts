/**
 * The loopback HTTP bridge: serves the built renderer and the same API the Electron
 * preload carries, to a browser on this machine only. It is how the UI runs where
 * Electron cannot, and how the end-to-end tests drive the real services.
 *
 * Guards: it listens on 127.0.0.1 only; every API call must carry the per-run random
 * token; the Host header must name the bridge itself, which defeats DNS rebinding;
 * cross-origin requests are refused.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import type { ImrApi } from '../../shared/api.ts';
import { dispatch } from '../api/dispatch.ts';

export const TOKEN_HEADER = 'x-imr-token';
const MAX_BODY_BYTES = 2 * 1024 * 1024;
const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";

export interface BridgeOptions {
  readonly handlers: ImrApi;
  /** The built renderer (out/renderer). */
  readonly rendererDir: string;
  /** 0 picks a free port. */
  readonly port?: number;
}

export interface Bridge {
  /** Open this in a browser: the token travels in the fragment, which is never sent to a server. */
  readonly url: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

export async function startBridge({ handlers, rendererDir, port = 0 }: BridgeOptions): Promise<Bridge> {
  const token = randomBytes(24).toString('base64url');
  const serveStatic = sirv(rendererDir, {
    single: true,
    dev: false,
    setHeaders: (res) => {
      res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
      res.setHeader('X-Content-Type-Options', 'nosniff');
    },
  });
  let boundPort = 0;
  const server = createServer((req, res) => {
    if (!hostIsBridge(req, boundPort)) return reply(res, 403, { ok: false, error: { code: 'invalid-arguments', message: 'Bad Host header' } });
    if (req.url?.startsWith('/api/')) return void handleApi(req, res, handlers, token, boundPort);
    if (req.method !== 'GET' && req.method !== 'HEAD') return reply(res, 405, { ok: false, error: { code: 'invalid-arguments', message: 'Method not allowed' } });
    serveStatic(req, res, () => reply(res, 404, { ok: false, error: { code: 'not-found', message: 'Not found' } }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  boundPort = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${boundPort}/#token=${token}`,
    port: boundPort,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function handleApi(req: IncomingMessage, res: ServerResponse, handlers: ImrApi, token: string, port: number): Promise<void> {
  if (req.method !== 'POST') return reply(res, 405, { ok: false, error: { code: 'invalid-arguments', message: 'Use POST' } });
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`) {
    return reply(res, 403, { ok: false, error: { code: 'invalid-arguments', message: 'Cross-origin calls are refused' } });
  }
  if (!tokenMatches(req.headers[TOKEN_HEADER], token)) {
    return reply(res, 401, { ok: false, error: { code: 'invalid-arguments', message: 'Missing or wrong token' } });
  }
  let args: unknown;
  try {
    args = JSON.parse(await readBody(req));
  } catch (error) {
    return reply(res, 400, { ok: false, error: { code: 'invalid-arguments', message: `Bad request body: ${String(error)}` } });
  }
  const method = decodeURIComponent(req.url!.slice('/api/'.length).split('?')[0] ?? '');
  const response = await dispatch(handlers, method, args);
  reply(res, 200, response);
}

function hostIsBridge(req: IncomingMessage, port: number): boolean {
  return req.headers.host === `127.0.0.1:${port}` || req.headers.host === `localhost:${port}`;
}

function tokenMatches(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string' || given.length !== token.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(token));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('body too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}
