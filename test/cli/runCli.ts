/** Runs `imr-review` as a user would: the real bin script in a child process, or runCli in this process with streams of its own. */
import { execFile } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { runCli } from '../../src/main/cli/main.ts';
import { streamIO } from '../../src/main/cli/io.ts';

export const BIN = path.resolve(import.meta.dirname, '../../bin/imr-review.js');
const run = promisify(execFile);

export interface CliResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number;
}

export function cli(...args: string[]): Promise<CliResult> {
  return cliWithEnv({}, ...args);
}

/** The bin script with these variables added to the environment (XDG_CONFIG_HOME moves the app's default library). */
export async function cliWithEnv(env: NodeJS.ProcessEnv, ...args: string[]): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { maxBuffer: 64 * 1024 * 1024, env: { ...process.env, ...env } });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const failed = error as CliResult;
    return { stdout: failed.stdout, stderr: failed.stderr, code: failed.code };
  }
}

/** runCli in this process, its output gathered from two streams: for the many quick cases. */
export async function cliInProcess(...args: string[]): Promise<CliResult> {
  const gather = () => {
    const stream = new PassThrough();
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    const ended = once(stream, 'end');
    return {
      stream,
      text: async () => {
        stream.end();
        await ended;
        return Buffer.concat(chunks).toString('utf8');
      },
    };
  };
  const stdout = gather();
  const stderr = gather();
  const code = await runCli(args, streamIO(stdout.stream, stderr.stream));
  return { stdout: await stdout.text(), stderr: await stderr.text(), code };
}

/** How many letters a library that another process is importing into holds so far; 0 before it is made. */
export function storedLetters(file: string): number {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return db.prepare('SELECT COUNT(*) FROM letters').pluck().get() as number;
    } finally {
      db.close();
    }
  } catch {
    return 0; // not made or not migrated yet
  }
}
