/**
 * An import killed midway (SIGKILL of the importing process) leaves no partial letter,
 * and importing again completes the work.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { writeFixtureFolder } from '../fixtures/index.ts';

const BIN = path.resolve(import.meta.dirname, '../../bin/imr-review.js');
const LETTERS = 40;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'imr-kill-'));
  await writeFixtureFolder(path.join(dir, 'letters'), { count: LETTERS, seed: 900, pdfShare: 1 });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function countLetters(file: string): number {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return (db.prepare('SELECT COUNT(*) AS n FROM letters').get() as { n: number }).n;
    } finally {
      db.close();
    }
  } catch {
    return 0; // not created or not migrated yet
  }
}

/** Every stored letter is whole: its text, its searchable text and all of its items. */
function partialLetters(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const row = db
      .prepare(
        `SELECT COUNT(*) AS n FROM letters l
         WHERE NOT EXISTS (SELECT 1 FROM letter_texts t WHERE t.letter_id = l.id)
            OR NOT EXISTS (SELECT 1 FROM letter_text_fts f WHERE f.rowid = l.id)
            OR l.item_count <> (SELECT COUNT(*) FROM items i WHERE i.letter_id = l.id)
            OR l.item_count = 0`,
      )
      .get() as { n: number };
    return row.n;
  } finally {
    db.close();
  }
}

test('kill -9 midway, then import again', async () => {
  const db = path.join(dir, 'library.sqlite');
  const child = spawn(process.execPath, [BIN, 'import', path.join(dir, 'letters'), '--db', db, '--create', '--threads', '1'], {
    stdio: 'ignore',
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const deadline = Date.now() + 60_000;
  while (countLetters(db) < 5 && Date.now() < deadline) await sleep(20);
  child.kill('SIGKILL');
  await exited;

  const storedBeforeResume = countLetters(db);
  expect(storedBeforeResume).toBeGreaterThanOrEqual(5);
  expect(storedBeforeResume).toBeLessThan(LETTERS);
  expect(partialLetters(db)).toBe(0);

  const { stdout } = await promisify(execFile)(process.execPath, [BIN, 'import', path.join(dir, 'letters'), '--db', db]);
  expect(stdout).toContain(`imported:   ${LETTERS - storedBeforeResume}`);
  expect(stdout).toContain(`duplicates: ${storedBeforeResume}`);
  expect(countLetters(db)).toBe(LETTERS);
  expect(partialLetters(db)).toBe(0);
});
