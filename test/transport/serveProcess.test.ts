/**
 * `npm run serve` as a process: its own --help, no library made for a --db that names nothing
 * (unless --create), and an end when its parent ends without passing a signal on (npm's shell
 * killed). Needs the built renderer (`npm run build`), as serve does.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';
import { processIsAlive } from '../../src/main/processes.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SERVE = path.join(ROOT, 'src/main/transport/bridge/serve.ts');
const BUILT = existsSync(path.join(ROOT, 'out/renderer/index.html'));
if (!BUILT) console.warn('serveProcess.test.ts: serving skipped, no built renderer in out/renderer (npm run build makes it)');
const dir = mkdtempSync(path.join(tmpdir(), 'imr-serve-process-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const serve = (...args: string[]) =>
  promisify(execFile)(process.execPath, [SERVE, ...args], { cwd: ROOT }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );

describe('serve', () => {
  test('--help prints its usage and options and exits 0', async () => {
    const help = await serve('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^usage: npm run serve -- \[--db <file>\] \[--create\] \[--port N\] \[--reviewer NAME\]\n/);
    expect(help.stdout).toContain('  --create ');
    expect(await serve('-h')).toEqual(help);
  });

  test.skipIf(!BUILT)('a --db that names nothing is refused in one line (2) and nothing is made, unless --create', async () => {
    const file = path.join(dir, 'typo', 'library.sqlite');
    expect(await serve('--db', file)).toEqual({ code: 2, stdout: '', stderr: `No library at ${file}: name an existing library, or add --create to make one there.\n` });
    expect(existsSync(path.dirname(file))).toBe(false);
  });

  test.skipIf(!BUILT)('with --create it makes the library and serves it; it ends when the shell that started it is killed', async () => {
    const file = path.join(dir, 'made', 'library.sqlite');
    // `; true` keeps the shell from handing its process over to node, as npm's shell does with `&&`.
    const shell = spawn('/bin/sh', ['-c', `"${process.execPath}" "${SERVE}" --db "${file}" --create; true`], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    shell.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    while (!output.includes('Open http://127.0.0.1:')) await sleep(100);
    expect(output).toContain(`serving ${file}\n`);
    const { stdout: children } = await promisify(execFile)('pgrep', ['-P', String(shell.pid)]);
    const server = Number(children.trim());
    shell.kill('SIGKILL');
    for (let waited = 0; processIsAlive(server) && waited < 10_000; waited += 100) await sleep(100);
    expect(processIsAlive(server)).toBe(false);
    expect(existsSync(file)).toBe(true);
  });
});
