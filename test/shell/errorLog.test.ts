/** Errors land in the log file, one timestamped entry each, and logging itself never throws. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { EventEmitter } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { createErrorLog, logUncaughtErrors } from '../../src/main/shell/errorLog.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'imr-log-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('each error is appended with its time, context and stack, in a folder made on demand', () => {
  const file = path.join(dir, 'logs', 'main.log');
  const log = createErrorLog(file, () => new Date('2026-01-02T03:04:05.000Z'));
  log('renderer gone', 'crashed (exit code 139)');
  log('saving the window state', new Error('disk full'));
  const lines = readFileSync(file, 'utf8').split('\n');
  expect(lines[0]).toBe('2026-01-02T03:04:05.000Z renderer gone: crashed (exit code 139)');
  expect(lines[1]).toBe('2026-01-02T03:04:05.000Z saving the window state: Error: disk full');
  expect(lines[2]).toMatch(/^\s+at /);
});

test('an uncaught exception or rejection in the main process is logged', () => {
  const file = path.join(dir, 'main.log');
  const process = new EventEmitter();
  logUncaughtErrors(process, createErrorLog(file));
  process.emit('uncaughtException', new TypeError('boom'));
  process.emit('unhandledRejection', 'no reason given');
  const log = readFileSync(file, 'utf8');
  expect(log).toContain('uncaught exception: TypeError: boom');
  expect(log).toContain('unhandled rejection: no reason given');
});

test('a log that cannot be written is passed over', () => {
  const blocker = path.join(dir, 'not-a-folder');
  writeFileSync(blocker, '');
  const log = createErrorLog(path.join(blocker, 'main.log'));
  expect(() => log('anything', new Error('lost'))).not.toThrow();
});
