/**
 * Where CLI commands write. The bin script gives the process's streams; tests give streams of
 * their own and run commands in-process.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface CliIO {
  /** One line on stdout; dropped once stdout is closed (see stdoutClosed). */
  out(line: string): void;
  /** One line on stderr. */
  err(line: string): void;
  /** Resolves when stdout can take more, so a long stream into a slow reader does not pile up in memory. */
  drained(): Promise<void>;
  /** Resolves once everything written to stdout has gone to the system or failed (then stdoutClosed says why). */
  flushed(): Promise<void>;
  /**
   * Aborted when stdout can take nothing more: its reader has gone (`| head -1`: reason code EPIPE)
   * or its disk failed. Streaming commands stop their work then.
   */
  readonly stdoutClosed: AbortSignal;
  /** stderr when it is a terminal, for progress bars; null in logs and pipes, which get no progress. */
  readonly terminal: NodeJS.WriteStream | null;
}

/** True for the error a write gets when the reader of its pipe has gone: not a failure, just the end. */
export function isClosedPipe(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'EPIPE';
}

export function streamIO(stdout: Writable, stderr: Writable): CliIO {
  const closed = new AbortController();
  const close = (error: unknown) => {
    if (!closed.signal.aborted) closed.abort(error);
  };
  // A closed pipe is reported as an 'error' event, or thrown by a synchronous write (a file on a full disk).
  stdout.on('error', close);
  stderr.on('error', () => undefined);
  const terminal = (stderr as Partial<NodeJS.WriteStream>).isTTY === true ? (stderr as NodeJS.WriteStream) : null;
  let written = false;
  return {
    out: (line) => {
      if (closed.signal.aborted) return;
      written = true;
      try {
        stdout.write(`${line}\n`);
      } catch (error) {
        close(error);
      }
    },
    err: (line) => {
      try {
        stderr.write(`${line}\n`);
      } catch {
        // Nowhere is left to tell.
      }
    },
    drained: () =>
      !stdout.writableNeedDrain || closed.signal.aborted
        ? Promise.resolve()
        : new Promise((resolve) => {
            const done = () => {
              stdout.off('drain', done);
              closed.signal.removeEventListener('abort', done);
              resolve();
            };
            stdout.on('drain', done);
            closed.signal.addEventListener('abort', done);
          }),
    // An empty write's callback runs after every earlier write; their error event follows on the next tick.
    flushed: () => (written && !closed.signal.aborted ? new Promise((resolve) => stdout.write('', () => setImmediate(resolve))) : Promise.resolve()),
    stdoutClosed: closed.signal,
    terminal,
  };
}

export const processIO = (): CliIO => streamIO(process.stdout, process.stderr);

/** Ctrl+C as an AbortSignal for long commands, so they stop cleanly and keep what is done. A second Ctrl+C kills as usual. */
export function interruptSignal(): { readonly signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const cancel = () => controller.abort();
  process.once('SIGINT', cancel);
  return { signal: controller.signal, dispose: () => process.off('SIGINT', cancel) };
}

/** The file name that means standard input, as for most Unix tools. */
export const STDIN = '-';

/**
 * Runs `work` on `file`, or for `-` on a copy of standard input in a private temporary folder
 * (removed after): the commands that read a file twice (check, then merge) read standard input once.
 */
export async function withStdinAsFile<T>(file: string, work: (readable: string) => Promise<T>): Promise<T> {
  if (file !== STDIN) return work(file);
  const folder = await mkdtemp(path.join(os.tmpdir(), 'imr-review-stdin-'));
  try {
    const copy = path.join(folder, 'standard-input.jsonl');
    await pipeline(process.stdin, createWriteStream(copy));
    return await work(copy);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
