/**
 * The command line's conventions for a new user: a path that is not there is a usage error (2)
 * and nothing is done; --quiet prints nothing but errors; `-` reads the dataset from standard
 * input; an empty export says why and how to get letters into it. Through the real bin script.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeFixtureFolder } from '../fixtures/index.ts';
import { BIN, cli, storedLetters } from './runCli.ts';

let dir: string;
let letters: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'imr-cli-conventions-'));
  letters = path.join(dir, 'letters');
  await writeFixtureFolder(letters, { count: 3, seed: 5300, pdfShare: 0 });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The bin script with `input` on its standard input. */
function cliWithInput(input: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [BIN, ...args], (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }));
    child.stdin?.end(input);
  });
}

describe('a path that does not exist', () => {
  test('import: exit 2, said in one line, nothing imported and no library made; with --strict the same', async () => {
    const db = path.join(dir, 'missing-path.sqlite');
    const missing = path.join(dir, 'no-such-folder');
    for (const strict of [[], ['--strict']]) {
      expect(await cli('import', letters, missing, '--db', db, '--create', ...strict)).toEqual({ code: 2, stdout: '', stderr: `${missing}: no such file or folder\n` });
    }
    expect((await cli('stats', '--db', db)).code).toBe(1);
  });
});

describe('--quiet, --db before the command, - for standard input, an empty export', () => {
  test('a quiet import prints nothing; the empty export says why; --all exports; its JSONL read back from standard input', async () => {
    const db = path.join(dir, 'quiet.sqlite');
    expect(await cli('--db', db, 'import', letters, '--create', '--quiet')).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(storedLetters(db)).toBe(3);

    const empty = await cli('export', '--db', db, '--format', 'csv', '--out', path.join(dir, 'empty'));
    expect(empty.code).toBe(0);
    expect(empty.stderr).toBe(
      'No letters exported: only verified letters are exported, and none of the 3 letters is verified yet. ' +
        'Verify letters in the app (npm start, then File → Open Database…), or pass --all to export every letter with its review status.\n',
    );
    expect(empty.stdout).toMatch(/^Exported 0 letters, 0 items from /);

    const out = path.join(dir, 'all');
    expect(await cli('export', '--db', db, '--format', 'jsonl', '--out', out, '--all', '--quiet')).toEqual({ code: 0, stdout: '', stderr: '' });

    const other = path.join(dir, 'other.sqlite');
    expect((await cli('init', '--db', other)).code).toBe(0);
    const merged = await cliWithInput(readFileSync(path.join(out, 'letters.jsonl'), 'utf8'), 'import-dataset', '-', '--db', other, '--json');
    expect(merged.code).toBe(0);
    expect(JSON.parse(merged.stdout)).toMatchObject({ file: '-', created: 3, merged: 0 });
    expect(storedLetters(other)).toBe(3);
  });

  test('an export of an empty library says to import letters first', async () => {
    const db = path.join(dir, 'empty.sqlite');
    expect((await cli('init', '--db', db)).code).toBe(0);
    const result = await cli('export', '--db', db, '--format', 'jsonl', '--out', '-');
    expect(result).toEqual({ code: 0, stdout: '', stderr: `No letters exported: ${db} holds none. Import letters first: \`imr-review import <folder> --db ${JSON.stringify(db)}\`.\nExported 0 letters, 0 items from ${db} to stdout\n` });
  });
});
