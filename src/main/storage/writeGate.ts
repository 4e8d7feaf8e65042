/**
 * Damage found without making anyone wait to read: a large library opens at once and is checked
 * (SQLite's quick_check, seconds on 100,000 letters) in a worker thread of its own while it is
 * read. Every write on the connection waits for the verdict first, so nothing is written into
 * a damaged file: a write in a damaged one fails as SQLite's own corruption does (SQLITE_CORRUPT,
 * which every command and the app already report), and the file is left as it was.
 */
import type { MessagePort } from 'node:worker_threads';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { Db } from './sql.ts';

export interface IntegrityWorkerData {
  readonly file: string;
  /** One Int32: CHECKING, then SOUND or DAMAGED. */
  readonly state: SharedArrayBuffer;
  readonly port: MessagePort;
}

export const CHECKING = 0;
export const SOUND = 1;
export const DAMAGED = 2;

/** Far above any check (quick_check reads about 200 MB a second): only a checker that died silently is waited out. */
const LONGEST_CHECK_MS = 30 * 60 * 1000;

/** Bundled builds run the compiled worker beside the bundle; sources run the .ts file. */
const WORKER_URL = new URL(import.meta.url.endsWith('.ts') ? './integrityWorker.ts' : './integrityWorker.js', import.meta.url);

export interface WriteGate {
  /** Settles once writes no longer wait (sound: they go through; damaged: they are refused); never rejects. */
  readonly settled: Promise<void>;
  /** Stops a check still running (the library is closing). */
  stop(): void;
}

/** Starts the check of `file` and holds every write on `db` until it has passed. */
export function gateWritesOnCheck(db: Db, file: string): WriteGate {
  const state = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
  const word = new Int32Array(state);
  const { port1, port2 } = new MessageChannel();
  const data: IntegrityWorkerData = { file, state, port: port2 };
  const worker = new Worker(WORKER_URL, { workerData: data, transferList: [port2] });
  let damage: string | null = null;
  // Resolved by the verdict, or by the checker's end (a stopped check leaves nothing to wait for).
  const settled = new Promise<void>((resolve) => {
    port1.once('message', (verdict: unknown) => {
      damage ??= String(verdict).replace(/\s*\n\s*/g, ' ');
      resolve();
    });
    worker.once('exit', () => resolve());
  });
  // The check never keeps a command's process alive, nor stops one from ending.
  worker.unref();
  port1.unref();

  const awaitVerdict = (): void => {
    if (Atomics.load(word, 0) === SOUND) return;
    if (Atomics.wait(word, 0, CHECKING, LONGEST_CHECK_MS) === 'timed-out') {
      throw new Database.SqliteError(`${file} could not be checked for damage, so nothing is written to it`, 'SQLITE_IOERR');
    }
    if (Atomics.load(word, 0) === DAMAGED) {
      damage ??= String(receiveMessageOnPort(port1)?.message ?? 'quick_check failed').replace(/\s*\n\s*/g, ' ');
      throw new Database.SqliteError(`the file is damaged (${damage}); nothing was written to it`, 'SQLITE_CORRUPT');
    }
  };

  const prepare = db.prepare.bind(db);
  db.prepare = ((source: string) => {
    const prepared = prepare(source);
    if (prepared.readonly) return prepared;
    // INSERT … RETURNING is read with get, all or iterate: each way of running it waits.
    for (const method of ['run', 'get', 'all', 'iterate'] as const) {
      const original = (prepared[method] as (...parameters: unknown[]) => unknown).bind(prepared);
      Object.assign(prepared, {
        [method]: (...parameters: unknown[]) => {
          awaitVerdict();
          return original(...parameters);
        },
      });
    }
    return prepared;
  }) as Db['prepare'];
  const exec = db.exec.bind(db);
  db.exec = (source: string) => {
    awaitVerdict();
    return exec(source);
  };
  const pragma = db.pragma.bind(db);
  db.pragma = ((source: string, options?: { simple?: boolean }) => {
    // An assignment may write; a read of a setting does not.
    if (source.includes('=')) awaitVerdict();
    return pragma(source, options);
  }) as Db['pragma'];

  return {
    settled,
    stop: () => {
      void worker.terminate();
      port1.close();
    },
  };
}
