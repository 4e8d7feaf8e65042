/**
 * Runs in a worker thread beside an open library (see writeGate.ts): SQLite's quick_check over
 * its own read-only connection, then the verdict: "ok" or what is damaged, on the port, and
 * the state word set and notified, so a writer waiting on it wakes.
 */
import { workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { IntegrityWorkerData } from './writeGate.ts';
import { DAMAGED, SOUND } from './writeGate.ts';

const { file, state, port } = workerData as IntegrityWorkerData;
let verdict: string;
try {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    verdict = String(db.pragma('quick_check', { simple: true }));
  } finally {
    db.close();
  }
} catch (error) {
  verdict = error instanceof Error ? error.message : String(error);
}
port.postMessage(verdict);
const word = new Int32Array(state);
Atomics.store(word, 0, verdict === 'ok' ? SOUND : DAMAGED);
Atomics.notify(word, 0);
