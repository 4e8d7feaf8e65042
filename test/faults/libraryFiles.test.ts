/**
 * Fault injection: library files damaged in each way a user or an attacker hands one over. The
 * command line refuses each with exit code 1 and one line, `npm run serve` with exit code 2 and
 * the same line, the library server with `cannot-open` while the library open before stays
 * open; and the file is byte-identical after, with no backup or stamp beside it. An import
 * killed with SIGKILL leaves a run the next open marks interrupted, with the letters it stored.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../src/main/storage/migrations/index.ts';
import { listImportRuns, openLibrary } from '../../src/main/storage/index.ts';
import { BIN, cli, storedLetters } from '../cli/runCli.ts';
import { writeFixtureFolder } from '../fixtures/index.ts';
import { startServerFixture } from '../server/fixture.ts';
import { libraryOf } from './libraries.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PAGE_SIZE = 4096;
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'imr-fault-library-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A closed library of a few letters, at the latest schema. */
function goodLibrary(name: string): string {
  return libraryOf(path.join(dir, name), 30);
}

const DAMAGED: Record<string, { make: (file: string) => void; reason: string }> = {
  'a zero-byte file': {
    make: (file) => writeFileSync(file, ''),
    reason: 'the file is empty (0 bytes), not a library; name a file that does not exist yet to make a new library',
  },
  'a SQLite file with no tables': {
    make: (file) => {
      const db = new Database(file);
      db.exec('VACUUM');
      db.close();
    },
    reason: 'it is a SQLite database with no tables, not a library; name a file that does not exist yet to make a new library',
  },
  'a text file': {
    make: (file) => writeFileSync(file, 'Case Number: CM16-0213037\nnot a library\n'),
    reason: 'the file is not a SQLite database',
  },
  'a current library with one damaged data page': {
    make: (file) => {
      writeFileSync(file, readFileSync(goodLibrary('source.sqlite')));
      const bytes = readFileSync(file);
      bytes.fill(0xa5, bytes.length - PAGE_SIZE);
      writeFileSync(file, bytes);
    },
    reason: 'the file is damaged (',
  },
  'a library from a newer app': {
    make: (file) => {
      writeFileSync(file, readFileSync(goodLibrary('newer-source.sqlite')));
      const db = new Database(file);
      db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
      db.close();
    },
    reason: `it was written by a newer version of the app (schema ${LATEST_SCHEMA_VERSION + 1}; this version reads up to ${LATEST_SCHEMA_VERSION})`,
  },
  "another program's database": {
    make: (file) => {
      const db = new Database(file);
      db.exec("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Ann')");
      db.close();
    },
    reason: 'it is a SQLite database of another program',
  },
  'a folder': {
    make: (file) => mkdirSync(file),
    reason: 'it is a folder, not a library file',
  },
};

/** The file's bytes (a folder: its listing), and what lies beside it. */
function snapshot(file: string): { bytes: string; beside: string[] } {
  const bytes = statSync(file).isDirectory() ? readdirSync(file).join() : readFileSync(file).toString('base64');
  const beside = readdirSync(path.dirname(file)).filter((name) => name.startsWith(path.basename(file)) && !/-(wal|shm)$/.test(name));
  return { bytes, beside };
}

for (const [kind, { make, reason }] of Object.entries(DAMAGED)) {
  test(`${kind} is refused in one line by the command line, serve and the server, and left as it was`, async () => {
    const folder = path.join(dir, kind.replace(/\W+/g, '-'));
    mkdirSync(folder);
    const file = path.join(folder, 'library.sqlite');
    make(file);
    const before = snapshot(file);
    const message = `Cannot open letter library ${file}: ${reason}`;

    const stats = await cli('stats', '--db', file);
    expect(stats.code).toBe(1);
    expect(stats.stdout).toBe('');
    expect(stats.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(stats.stderr.startsWith(message)).toBe(true);
    const imported = await cli('import', path.join(folder, 'none'), '--db', file);
    expect([imported.code, imported.stderr.startsWith(message)]).toEqual([1, true]);

    const serve = await promisify(execFile)(process.execPath, [path.join(ROOT, 'src/main/transport/bridge/serve.ts'), '--db', file], { cwd: ROOT }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(serve.code).toBe(2);
    expect(serve.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(serve.stderr.startsWith(message)).toBe(true);

    const server = await startServerFixture();
    try {
      const opened = await server.client.open({ file });
      expect(opened).toMatchObject({ ok: false, error: { code: 'cannot-open' } });
      expect(opened.ok ? '' : opened.error.message.startsWith(message)).toBe(true);
      expect((await server.call('getAppInfo')).libraryFile).toBe(server.info.libraryFile);
    } finally {
      await server.dispose();
    }
    expect(snapshot(file)).toEqual(before);
  });
}

test('an import killed with SIGKILL leaves a run the next open marks interrupted, counting the letters it stored', async () => {
  const letters = path.join(dir, 'letters');
  await writeFixtureFolder(letters, { count: 30, seed: 7700, pdfShare: 1 });
  const file = path.join(dir, 'killed.sqlite');
  const child = spawn(process.execPath, [BIN, 'import', letters, '--db', file, '--create', '--threads', '1'], { stdio: 'ignore' });
  const exited = new Promise((resolve) => child.once('exit', resolve));

  for (const deadline = Date.now() + 60_000; storedLetters(file) < 3 && Date.now() < deadline; ) await sleep(20);
  child.kill('SIGKILL');
  await exited;

  const library = openLibrary(file);
  const letterCount = library.db.prepare('SELECT COUNT(*) FROM letters').pluck().get() as number;
  const [run] = listImportRuns(library.db);
  expect(run).toMatchObject({ status: 'interrupted', imported: letterCount, finishedAt: expect.any(String) });
  expect(letterCount).toBeGreaterThanOrEqual(3);
  library.close();
});
