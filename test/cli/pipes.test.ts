/**
 * imr-review in real shell pipelines: a reader that goes away (`| head -1`, `| true`) ends the
 * command quietly (exit 0, nothing on stderr), and a streaming command (extract, export to
 * stdout) stops its work. An output on a full disk is a failure (exit 1) said in one line.
 * Progress shows on a terminal only, never in a pipe.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ExportedLetter } from '../../src/shared/export.ts';
import type { ExtractionRecord } from '../../src/shared/extraction.ts';
import { writeFixtureFolder } from '../fixtures/index.ts';
import { libraryOf } from '../faults/libraries.ts';
import { BIN, cli } from './runCli.ts';

const run = promisify(execFile);
/** Access times are set back to this, so a file read since shows a later one. */
const LONG_AGO = new Date('2001-01-01T00:00:00Z');
const READS_RECORDED = readsRecorded();
let dir: string;
let letters: string;
/** 600 letters, a few MB of JSONL: far more than a pipe holds. */
let big: string;
let runs = 0;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'imr-cli-pipes-'));
  letters = path.join(dir, 'letters');
  await writeFixtureFolder(letters, { count: 60, seed: 6100, pdfShare: 0 });
  // Letters only: extract reports a truth file beside them on stderr as skipped.
  for (const name of readdirSync(letters).filter((file) => file.endsWith('.json'))) rmSync(path.join(letters, name));
  big = libraryOf(path.join(dir, 'big.sqlite'), 600);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Piped {
  /** The exit status of imr-review, the left side of the pipe. */
  readonly status: number;
  readonly stderr: string;
  /** What the reader printed. */
  readonly read: string;
}

/** `imr-review <args> 2>stderr | <reader>` in bash, with imr-review's own exit status. */
async function piped(reader: 'head -1' | 'true', ...args: string[]): Promise<Piped> {
  const stderrFile = path.join(dir, `stderr-${++runs}`);
  const readFile = path.join(dir, `read-${runs}`);
  const script = `"$0" "$@" 2>"$STDERR_FILE" | ${reader} >"$READ_FILE"; echo "\${PIPESTATUS[0]}"`;
  const { stdout } = await run('bash', ['-c', script, process.execPath, BIN, ...args], { env: { ...process.env, STDERR_FILE: stderrFile, READ_FILE: readFile } });
  return { status: Number(stdout.trim()), stderr: readFileSync(stderrFile, 'utf8'), read: readFileSync(readFile, 'utf8') };
}

describe('a reader that goes away', () => {
  test('extract | head -1: one whole record read, exit 0, nothing on stderr', async () => {
    const result = await piped('head -1', 'extract', letters);
    expect([result.status, result.stderr]).toEqual([0, '']);
    const record = JSON.parse(result.read) as ExtractionRecord;
    const first = path.join(letters, readdirSync(letters).sort()[0] ?? '');
    expect(record.file).toBe(first);
    expect(record.sha256).toBe(createHash('sha256').update(readFileSync(first)).digest('hex'));
    expect(record.items.length).toBeGreaterThan(0);
  });

  test.skipIf(!READS_RECORDED)(`extract | head -1 stops reading letters once the reader has gone${READS_RECORDED ? '' : ' (skipped: this file system does not record reads)'}`, async () => {
    const files = readdirSync(letters).filter((name) => name.endsWith('.txt')).map((name) => path.join(letters, name));
    expect(files).toHaveLength(60);
    for (const file of files) utimesSync(file, LONG_AGO, statSync(file).mtime);
    expect((await piped('head -1', 'extract', letters)).status).toBe(0);
    // The pipe holds a few records, so a few letters are read ahead of the reader; not the other fifty.
    const read = files.filter((file) => statSync(file).atime > LONG_AGO).length;
    expect(read).toBeGreaterThanOrEqual(1);
    expect(read).toBeLessThan(30);
  });

  test('export --format jsonl --out - | head -1: one whole record, exit 0, and no summary: the export stopped instead of going on to the end', async () => {
    const result = await piped('head -1', 'export', '--db', big, '--format', 'jsonl', '--out', '-', '--all');
    expect([result.status, result.stderr]).toEqual([0, '']);
    expect((JSON.parse(result.read) as ExportedLetter).sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  test('export --out - to the end: the JSONL records alone on stdout, the same bytes as letters.jsonl, the summary on stderr', async () => {
    const folder = path.join(dir, 'big-jsonl');
    expect((await cli('export', '--db', big, '--format', 'jsonl', '--out', folder, '--all')).code).toBe(0);
    const result = await cli('export', '--db', big, '--format', 'jsonl', '--out', '-', '--all');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(readFileSync(path.join(folder, 'letters.jsonl'), 'utf8'));
    expect(result.stderr).toBe(`Exported 600 letters, 1800 items from ${big} to stdout\n`);
    const verifiedOnly = await cli('export', '--db', big, '--format', 'jsonl', '--out', '-');
    expect(verifiedOnly.stdout).toBe('');
    expect(verifiedOnly.stderr).toMatch(new RegExp(`^No letters exported: only verified letters are exported, .*\nExported 0 letters, 0 items from ${big} to stdout\n$`));
  });

  test('report --out - | head -1: the first line read, exit 0, nothing on stderr; to the end: the report file\'s bytes on stdout, the summary on stderr', async () => {
    const db = path.join(dir, 'report.sqlite');
    expect((await cli('import', letters, '--db', db, '--create')).code).toBe(0);
    const result = await piped('head -1', 'report', '--db', db, '--out', '-', '--all');
    expect(result).toEqual({ status: 0, stderr: '', read: '<!doctype html>\n' });

    const folder = path.join(dir, 'report');
    expect((await cli('report', '--db', db, '--out', folder, '--all')).code).toBe(0);
    const whole = await cli('report', '--db', db, '--out', '-', '--all');
    const written = (html: string) => html.replace(/Written [^ ]+ by/, 'Written (when) by');
    expect(whole.code).toBe(0);
    expect(whole.stdout.length).toBeGreaterThan(65536);
    expect(written(whole.stdout)).toBe(written(readFileSync(path.join(folder, 'imr-insights.html'), 'utf8')));
    const { items } = JSON.parse((await cli('stats', '--db', db, '--json')).stdout) as { items: number };
    expect(whole.stderr).toBe(`Wrote the report to stdout: all letters, 60 letters, ${items} items\n`);
  });

  test('import, import-dataset, a folder export, stats, reparse, report, agreement and search into a reader that reads a line or none: exit 0, nothing on stderr, the work done', async () => {
    const db = path.join(dir, 'piped.sqlite');
    const imported = await piped('head -1', 'import', letters, '--db', db, '--create');
    expect(imported).toEqual({ status: 0, stderr: '', read: expect.stringMatching(/^Import finished into .* in [\d.]+ s\n$/) });
    expect(await piped('true', 'import', letters, '--db', db)).toEqual({ status: 0, stderr: '', read: '' });

    const exported = path.join(dir, 'piped-export');
    expect(await piped('true', 'export', '--db', big, '--format', 'jsonl', '--out', exported, '--all')).toEqual({ status: 0, stderr: '', read: '' });
    expect(readdirSync(exported).sort()).toEqual(['.imr-export.json', 'README.md', 'letters.jsonl']);

    const merged = path.join(dir, 'merged.sqlite');
    expect((await cli('init', '--db', merged)).code).toBe(0);
    expect(await piped('true', 'import-dataset', path.join(exported, 'letters.jsonl'), '--db', merged)).toEqual({ status: 0, stderr: '', read: '' });
    const reader = new Database(merged, { readonly: true });
    expect(reader.prepare('SELECT COUNT(*) FROM letters').pluck().get()).toBe(600);
    reader.close();

    expect(await piped('true', 'stats', '--db', db)).toEqual({ status: 0, stderr: '', read: '' });
    expect(await piped('true', 'reparse', '--db', db)).toEqual({ status: 0, stderr: '', read: '' });
    expect(await piped('true', 'report', '--db', db, '--out', path.join(dir, 'piped-report'))).toEqual({ status: 0, stderr: '', read: '' });
    expect(readdirSync(path.join(dir, 'piped-report'))).toEqual(['imr-insights.html']);
    expect(await piped('true', 'agreement', '--db', db, '--other', db)).toEqual({ status: 0, stderr: '', read: '' });
    expect(await piped('head -1', 'search', '--db', big, 'lumbar')).toMatchObject({ status: 0, stderr: '' });
  });
});

describe('an output that cannot be written', () => {
  const hasFull = existsSync('/dev/full');
  test.skipIf(!hasFull)(`> /dev/full (a full disk): one line on stderr and exit 1, whatever the command${hasFull ? '' : ' (skipped: no /dev/full)'}`, async () => {
    const toFullDisk = async (...args: string[]) => {
      const script = '"$0" "$@" >/dev/full; echo "status $?" >&2';
      const { stderr } = await run('bash', ['-c', script, process.execPath, BIN, ...args]);
      return stderr;
    };
    const message = 'imr-review: the output could not be written: ENOSPC: no space left on device, write\n';
    expect(await toFullDisk('stats', '--db', big)).toBe(`${message}status 1\n`);
    expect(await toFullDisk('--help')).toBe(`${message}status 1\n`);
    expect(await toFullDisk('extract', letters)).toBe(`${message}status 1\n`);
    // A usage error keeps its own code.
    expect(await toFullDisk('stats', '--bogus')).toBe("error: unknown option '--bogus'\nusage: imr-review stats [--db <file>] [--json]\nstatus 2\n");
  });
});

describe('progress', () => {
  const hasScript = existsSync('/usr/bin/script');
  test.skipIf(!hasScript)(`shows on a terminal (a pseudo-terminal from script), and not in a pipe${hasScript ? '' : ' (skipped: no script command)'}`, async () => {
    const db = path.join(dir, 'terminal.sqlite');
    const command = [process.execPath, BIN, 'import', letters, '--db', db, '--create'].map((word) => `'${word}'`).join(' ');
    const { stdout } = await run('script', ['-qec', command, '/dev/null']);
    expect(stdout).toMatch(/importing \[[█░]+\] 60\/60/);
    expect(stdout).toContain('imported:   60');

    const plain = await cli('import', letters, '--db', db);
    expect(plain.stderr).toBe('');
    expect(plain.stdout).not.toContain('importing [');
  });
});

/** Whether reading a file moves its access time here (relatime moves one older than a day; noatime never does). */
function readsRecorded(): boolean {
  const probe = path.join(mkdtempSync(path.join(tmpdir(), 'imr-atime-')), 'probe.txt');
  writeFileSync(probe, 'probe');
  utimesSync(probe, LONG_AGO, new Date());
  readFileSync(probe);
  const recorded = statSync(probe).atime > LONG_AGO;
  rmSync(path.dirname(probe), { recursive: true, force: true });
  return recorded;
}
