/**
 * Libraries are never made by accident: a missing --db (or app library) is refused in one line by
 * every command that takes one, and neither the file nor its folders appear; only init and
 * import --create make one. The commands that only read leave a library exactly as it was.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { getReviewer, openLibrary } from '../../src/main/storage/index.ts';
import { migrate } from '../../src/main/storage/migrate.ts';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../src/main/storage/migrations/index.ts';
import { writeFixtureFolder } from '../fixtures/index.ts';
import { cli, cliWithEnv } from './runCli.ts';

let dir: string;
let letters: string;
let library: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'imr-cli-libraries-'));
  letters = path.join(dir, 'letters');
  await writeFixtureFolder(letters, { count: 3, seed: 4400, pdfShare: 0 });
  library = path.join(dir, 'library.sqlite');
  expect((await cli('import', letters, '--db', library, '--create')).code).toBe(0);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every command that takes a library, pointed at `db` (undefined: the app's default). */
function libraryCommands(db: string | undefined, out: string): string[][] {
  const at = db === undefined ? [] : ['--db', db];
  return [
    ['import', letters, ...at],
    ['import-dataset', path.join(dir, 'letters.jsonl'), ...at],
    ['stats', ...at],
    ['stats', ...at, '--json'],
    ['report', ...at, '--out', out],
    ['report', ...at, '--format', 'md', '--out', '-'],
    ['search', ...at, 'MRI'],
    ['reparse', ...at],
    ['export', ...at, '--format', 'csv', '--out', out],
    ['export', ...at, '--format', 'jsonl', '--out', '-'],
    ['agreement', ...at, '--other', library],
    ...(db === undefined ? [] : [['agreement', '--db', library, '--other', db]]),
  ];
}

/** The folder's files and their bytes, but for SQLite's own shared memory and empty log beside a library it read. */
function folderState(folder: string): Record<string, string> {
  const state: Record<string, string> = {};
  for (const name of readdirSync(folder).sort()) {
    const file = path.join(folder, name);
    if (name.endsWith('.sqlite-shm') || (name.endsWith('.sqlite-wal') && statSync(file).size === 0) || statSync(file).isDirectory()) continue;
    state[name] = readFileSync(file).toString('base64');
  }
  return state;
}

describe('a library that does not exist', () => {
  test('is refused in one line by every command that takes --db, and neither it nor its folders are made', async () => {
    const missingFolder = path.join(dir, 'typo');
    const missing = path.join(missingFolder, 'deeper', 'library.sqlite');
    const out = path.join(dir, 'typo-export');
    const message =
      `No library at ${missing}: make one with \`imr-review init --db "${missing}"\`, ` +
      `or import letters into a new one with \`imr-review import <letters> --db "${missing}" --create\`.\n`;
    for (const args of libraryCommands(missing, out)) {
      const result = await cli(...args);
      expect({ args, ...result }).toEqual({ args, code: 1, stdout: '', stderr: message });
      expect(existsSync(missingFolder), args.join(' ')).toBe(false);
      expect(existsSync(out), args.join(' ')).toBe(false);
    }
  });

  test("the app's own library too: when it is missing, nothing is made in the app's folder", async () => {
    const config = path.join(dir, 'config');
    const appLibrary = path.join(config, 'IMR Review Workstation', 'library.sqlite');
    const message =
      `No library at the app's library, ${appLibrary} (name another with --db): make one with \`imr-review init\`, ` +
      'or import letters into a new one with `imr-review import <letters> --create`.\n';
    for (const args of libraryCommands(undefined, path.join(dir, 'default-export'))) {
      const result = await cliWithEnv({ XDG_CONFIG_HOME: config }, ...args);
      expect({ args, ...result }).toEqual({ args, code: 1, stdout: '', stderr: message });
      expect(existsSync(config), args.join(' ')).toBe(false);
    }
  });
});

describe('making a library', () => {
  test('init makes one, its folders and its reviewer; it never overwrites a file, not even an empty one', async () => {
    const file = path.join(dir, 'made', 'by', 'init.sqlite');
    const made = await cli('init', '--db', file, '--reviewer', 'Ana Lopez');
    expect(made).toEqual({ code: 0, stdout: `Made a new library ${file} for reviewer Ana Lopez\n`, stderr: '' });
    const opened = openLibrary(file);
    expect([getReviewer(opened.db), opened.db.pragma('user_version', { simple: true }), opened.db.prepare('SELECT COUNT(*) FROM letters').pluck().get()]).toEqual(['Ana Lopez', LATEST_SCHEMA_VERSION, 0]);
    opened.close();

    const before = folderState(path.dirname(file));
    const again = await cli('init', '--db', file);
    expect(again).toEqual({ code: 1, stdout: '', stderr: `${file} already exists; init makes new libraries only, and leaves that file as it is.\n` });
    expect(folderState(path.dirname(file))).toEqual(before);

    const empty = path.join(dir, 'empty.sqlite');
    writeFileSync(empty, '');
    expect((await cli('init', '--db', empty)).code).toBe(1);
    expect(statSync(empty).size).toBe(0);
  });

  test("init without --db makes the app's library, in the app's folder", async () => {
    const config = path.join(dir, 'config-init');
    const result = await cliWithEnv({ XDG_CONFIG_HOME: config }, 'init');
    const appLibrary = path.join(config, 'IMR Review Workstation', 'library.sqlite');
    expect(result).toEqual({ code: 0, stdout: `Made a new library ${appLibrary}\n`, stderr: '' });
    expect(JSON.parse((await cliWithEnv({ XDG_CONFIG_HOME: config }, 'stats', '--json')).stdout)).toMatchObject({ letters: 0 });
  });

  test('import --create makes the library and its folders, then imports into it', async () => {
    const file = path.join(dir, 'new', 'nested', 'library.sqlite');
    const result = await cli('import', letters, '--db', file, '--create', '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ library: file, status: 'completed', imported: 3, failed: 0 });
    // --create on a library that exists just opens it.
    const again = JSON.parse((await cli('import', letters, '--db', file, '--create', '--json')).stdout) as { imported: number; duplicates: number };
    expect([again.imported, again.duplicates]).toEqual([0, 3]);
  });
});

describe('the commands that only read', () => {
  test('stats, report, search, export and agreement leave the library and its folder exactly as they were', async () => {
    const folder = path.join(dir, 'read-only');
    const file = path.join(folder, 'library.sqlite');
    expect((await cli('import', letters, '--db', file, '--create')).code).toBe(0);
    // A run whose process was killed: any open that writes would mark it interrupted.
    const raw = new Database(file);
    raw.exec("INSERT INTO import_runs (source, started_at, status, pid) VALUES ('killed', '2026-01-01', 'running', 4194400)");
    raw.close();
    const before = folderState(folder);
    expect(Object.keys(before)).toEqual(['library.sqlite']);
    const out = path.join(dir, 'exports', 'csv');
    const reportFolder = path.join(dir, 'reports');
    for (const args of [
      ['stats', '--db', file],
      ['report', '--db', file, '--out', reportFolder, '--all'],
      ['report', '--db', file, '--format', 'json', '--out', '-'],
      ['search', '--db', file, 'medically'],
      ['export', '--db', file, '--format', 'csv', '--out', out, '--all'],
      ['export', '--db', file, '--format', 'xlsx', '--out', path.join(dir, 'exports', 'xlsx'), '--all'],
      ['export', '--db', file, '--format', 'jsonl', '--out', '-', '--all'],
      ['agreement', '--db', file, '--other', file],
    ]) {
      expect((await cli(...args)).code, args.join(' ')).toBe(0);
      expect(folderState(folder), args.join(' ')).toEqual(before);
    }
    expect(readdirSync(out)).toContain('items.csv');
    expect(readdirSync(path.join(dir, 'exports', 'xlsx'))).toContain('dataset.xlsx');
    expect(readdirSync(reportFolder)).toEqual(['imr-insights.html']);
    const reader = new Database(file, { readonly: true });
    expect(reader.prepare("SELECT status FROM import_runs WHERE source = 'killed'").pluck().get()).toBe('running');
    reader.close();
  });

  test('a library of an older schema is refused by them in one line, left byte-identical, and opened by a command that writes', async () => {
    const folder = path.join(dir, 'old');
    mkdirSync(folder);
    const file = path.join(folder, 'library.sqlite');
    const raw = new Database(file);
    migrate(raw, MIGRATIONS, 1);
    raw.close();
    const before = folderState(folder);
    for (const args of [['stats', '--db', file], ['report', '--db', file, '--out', '-'], ['search', '--db', file, 'MRI'], ['export', '--db', file, '--format', 'jsonl', '--out', '-']]) {
      const result = await cli(...args);
      expect(result).toEqual({
        code: 1,
        stdout: '',
        stderr:
          `Cannot open letter library ${file}: it was written by an older version of the app (schema 1; this version uses ${LATEST_SCHEMA_VERSION}) ` +
          'and is opened read-only here; open it once with a command that writes (import, reparse) or with the app to bring it up to date\n',
      });
      expect(folderState(folder)).toEqual(before);
    }
    expect((await cli('reparse', '--db', file)).code).toBe(0);
    expect(existsSync(`${file}.v1.bak`)).toBe(true);
    expect(JSON.parse((await cli('stats', '--db', file, '--json')).stdout)).toMatchObject({ letters: 0 });
  });

  test("a library whose rule checks and vocabulary are an older version's: report refuses it in one line and leaves it byte-identical; reparse works them out", async () => {
    const folder = path.join(dir, 'older-derived');
    const file = path.join(folder, 'library.sqlite');
    expect((await cli('import', letters, '--db', file, '--create')).code).toBe(0);
    const raw = new Database(file);
    raw.prepare("UPDATE settings SET value = ? WHERE key = 'derived_version'").run(JSON.stringify('checks-1+vocabulary-0.9.0'));
    raw.close();
    const before = folderState(folder);
    const out = path.join(dir, 'older-derived-report');
    expect(await cli('report', '--db', file, '--out', out)).toEqual({
      code: 1,
      stdout: '',
      stderr:
        `${file}: the rule checks and vocabulary of 3 letters are an older version's, and report only reads the library; ` +
        `work them out with \`imr-review reparse --db "${file}"\` (or by opening the library in the app), then report again.\n`,
    });
    expect(folderState(folder)).toEqual(before);
    expect(existsSync(out)).toBe(false);

    const reparsed = await cli('reparse', '--db', file, '--json');
    expect(JSON.parse(reparsed.stdout)).toEqual({ library: file, reparsed: 0, kept: 3, derivedUpdated: 3 });
    expect(JSON.parse((await cli('reparse', '--db', file, '--json')).stdout)).toMatchObject({ derivedUpdated: 0 });
    const reported = await cli('report', '--db', file, '--out', out, '--all', '--json');
    expect(JSON.parse(reported.stdout)).toMatchObject({ file: path.join(out, 'imr-insights.html'), scope: 'all', letters: 3 });
  });
});
