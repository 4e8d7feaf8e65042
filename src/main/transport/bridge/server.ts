/**
 * The loopback HTTP bridge: serves the built renderer and the same API the Electron preload
 * carries, to a browser on this machine only. It is how the UI runs where Electron cannot, and
 * how the end-to-end tests drive the real services. It only relays: the library server (a
 * worker thread) does the work.
 *
 * Guards: it listens on 127.0.0.1 only; every API call must carry the per-run random token;
 * the Host header must name the bridge itself, which defeats DNS rebinding; cross-origin
 * requests are refused. No request can end it: every path answers, bad calls with a 4xx.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import type { ApiErrorCode, ApiResponse } from '../../../shared/api.ts';
import { CONTENT_SECURITY_POLICY } from '../../contentSecurityPolicy.ts';
import { checkRequest } from '../request.ts';
import type { ApiCaller } from '../request.ts';

export const TOKEN_HEADER = 'x-imr-token';
const API_PATH = '/api';
const MAX_BODY_BYTES = 2 * 1024 * 1024;

/** The HTTP status of each failure, so tools see a refused call for what it is. */
const STATUS_OF: Record<ApiErrorCode, number> = {
  'invalid-arguments': 400,
  'not-found': 404,
  'read-only': 409,
  'invalid-edit': 422,
  stale: 409,
  'cannot-undo': 409,
  'reviewer-not-set': 409,
  'library-changed': 409,
  'cannot-open': 422,
  'foreign-files': 409,
  'cannot-write': 422,
  busy: 409,
  internal: 500,
};

export interface BridgeOptions {
  readonly server: ApiCaller;
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

export async function startBridge({ server: api, rendererDir, port = 0 }: BridgeOptions): Promise<Bridge> {
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
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) fail(res, 500, 'internal', `The bridge failed on this request: ${error instanceof Error ? error.message : String(error)}`);
      else res.destroy();
    });
  });
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (!hostIsBridge(req, boundPort)) return fail(res, 403, 'invalid-arguments', 'Bad Host header');
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path === API_PATH) return handleApi(req, res, api, token, boundPort);
    if (path.startsWith(`${API_PATH}/`)) return fail(res, 404, 'not-found', `No API at ${path}: calls go to POST ${API_PATH}`);
    if (req.method !== 'GET' && req.method !== 'HEAD') return fail(res, 405, 'invalid-arguments', 'Method not allowed');
    serveStatic(req, res, () => fail(res, 404, 'not-found', 'Not found'));
  };
  server.on('clientError', (_error, socket) => socket.end('HTTP/1.1 400 Bad Request\r\n\r\n'));
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

async function handleApi(req: IncomingMessage, res: ServerResponse, api: ApiCaller, token: string, port: number): Promise<void> {
  if (req.method !== 'POST') return fail(res, 405, 'invalid-arguments', 'Use POST');
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`) {
    return fail(res, 403, 'invalid-arguments', 'Cross-origin calls are refused');
  }
  if (!tokenMatches(req.headers[TOKEN_HEADER], token)) return fail(res, 401, 'invalid-arguments', 'Missing or wrong token');
  let body: unknown;
  try {
    body = JSON.parse(await readBody(req));
  } catch (error) {
    return fail(res, 400, 'invalid-arguments', `Bad request body: ${error instanceof Error ? error.message : String(error)}`);
  }
  const checked = checkRequest(body);
  const response = checked.ok ? await api.call(checked.request) : checked.response;
  reply(res, response.ok ? 200 : STATUS_OF[response.error.code], response);
}

function hostIsBridge(req: IncomingMessage, port: number): boolean {
  return req.headers.host === `127.0.0.1:${port}` || req.headers.host === `localhost:${port}`;
}

function tokenMatches(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  // Compared as bytes: a header of the token's length in characters can be longer in bytes.
  const givenBytes = Buffer.from(given);
  const tokenBytes = Buffer.from(token);
  return givenBytes.length === tokenBytes.length && timingSafeEqual(givenBytes, tokenBytes);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('body too large'));
        req.resume();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function fail(res: ServerResponse, status: number, code: ApiErrorCode, message: string): void {
  reply(res, status, { ok: false, error: { code, message } });
}

function reply(res: ServerResponse, status: number, body: ApiResponse<unknown>): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}
