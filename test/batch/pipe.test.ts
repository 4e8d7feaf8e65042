/**
 * `imr-review extract --files-from` as the filter an engine pipes paths through (Spark's
 * RDD.pipe, Dask, Ray): the real bin script, real pipes. Exactly one JSON line per input record,
 * in input order, error lines included; nothing else on stdout; a reader that goes away ends it
 * quietly; NUL-separated records carry a path with a newline in it.
 */
import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ExtractionFailure, ExtractionRecord } from '../../src/shared/extraction.ts';
import { generateLetter, writeBadFile, writeFixtureFolder, writeLetterText } from '../fixtures/index.ts';
import { BIN } from '../cli/runCli.ts';

const run = promisify(execFile);
type Line = ExtractionRecord & Partial<ExtractionFailure>;

let dir: string;
let letters: string[];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'imr-batch-pipe-'));
  const folder = path.join(dir, 'letters');
  const entries = await writeFixtureFolder(folder, { count: 24, seed: 3100, pdfShare: 0.5 });
  letters = entries.filter((entry) => !entry.bad).map((entry) => path.join(folder, entry.file));
  mkdirSync(path.join(dir, 'a folder'));
  await writeBadFile('corrupt-pdf', path.join(dir, 'broken.pdf'));
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The bin script with `input` on its standard input; stdout and stderr whole. */
function piped(input: string | Buffer, ...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
    child.stdin.end(input);
  });
}

function lines(stdout: string): Line[] {
  expect(stdout.endsWith('\n')).toBe(true);
  return stdout.slice(0, -1).split('\n').map((line) => JSON.parse(line) as Line);
}

describe('extract --files-from: one line per path, in order', () => {
  test('letters, a missing file, a folder, a broken PDF and a blank record each get their line, in the order given', async () => {
    const missing = path.join(dir, 'no such letter.pdf');
    const list = [letters[3], missing, letters[0], path.join(dir, 'a folder'), path.join(dir, 'broken.pdf'), '', ...letters.slice(5, 12)] as string[];
    const listFile = path.join(dir, 'list.txt');
    writeFileSync(listFile, `${list.join('\n')}\n`);
    const { code, stdout, stderr } = await piped('', 'extract', '--files-from', listFile, '--threads', '2');
    expect([code, stderr]).toEqual([0, '']);
    const read = lines(stdout);
    expect(read.map((line) => line.file)).toEqual(list);
    expect(read.map((line) => line.error?.code ?? 'ok')).toEqual(['ok', 'not-found', 'ok', 'unreadable', 'corrupt-pdf', 'not-found', ...Array(7).fill('ok')]);
    for (const [index, line] of read.entries()) {
      if (line.error) continue;
      expect(line.sha256, list[index]).toBe(createHash('sha256').update(readFileSync(list[index] as string)).digest('hex'));
      expect(line.items.length).toBeGreaterThan(0);
    }
  });

  test('standard input, as --files-from - or the single path -, gives the same lines as the list file; CRLF lists too', async () => {
    const list = letters.slice(0, 8);
    const fromFlag = await piped(`${list.join('\n')}\n`, 'extract', '--files-from', '-');
    const fromDash = await piped(`${list.join('\r\n')}`, 'extract', '-');
    expect(fromFlag.code).toBe(0);
    expect(fromDash.code).toBe(0);
    expect(lines(fromDash.stdout)).toEqual(lines(fromFlag.stdout));
    expect(lines(fromFlag.stdout).map((line) => line.file)).toEqual(list);
  });

  test('NUL-separated records (-0) carry a path with a newline in it whole', async () => {
    const odd = path.join(dir, 'line one\nline two.txt');
    const letter = generateLetter(3199, { itemCount: 2 });
    await writeLetterText(letter, odd, { style: 'plain', encoding: 'utf-8' });
    const list = [letters[1], odd, letters[2]] as string[];
    const { code, stdout } = await piped(Buffer.from(`${list.join('\0')}\0`), 'extract', '--files-from', '-', '--null');
    expect(code).toBe(0);
    const read = lines(stdout);
    expect(read.map((line) => line.file)).toEqual(list);
    expect(read[1]?.caseNumber).toBe(letter.truth.caseNumber);
  });

  test('a reader that goes away after one line ends the run quietly: exit 0, nothing on stderr', async () => {
    const list = Array.from({ length: 20 }, (_, index) => letters[index % letters.length]).join('\n');
    const script = `printf '%s\\n' "$LIST" | "$0" "$@" extract - 2>"$STDERR_FILE" | head -1; echo "status=\${PIPESTATUS[1]}"`;
    const stderrFile = path.join(dir, 'closed.stderr');
    const { stdout } = await run('bash', ['-c', script, process.execPath, BIN], { env: { ...process.env, LIST: list, STDERR_FILE: stderrFile } });
    const [first, status] = stdout.trim().split('\n');
    expect((JSON.parse(first ?? '') as Line).file).toBe(letters[0]);
    expect(status).toBe('status=0');
    expect(readFileSync(stderrFile, 'utf8')).toBe('');
  });

  test('usage errors: paths and --files-from together, --null without a list, - among other paths', async () => {
    expect((await piped('', 'extract', letters[0] as string, '--files-from', '-')).code).toBe(2);
    expect((await piped('', 'extract', letters[0] as string, '--null')).code).toBe(2);
    expect((await piped('', 'extract', '-', letters[0] as string)).code).toBe(2);
    const missingList = await piped('', 'extract', '--files-from', path.join(dir, 'no-list.txt'));
    expect(missingList.code).toBe(1);
    expect(missingList.stderr).toContain('no-list.txt: no such file');
  });
});
