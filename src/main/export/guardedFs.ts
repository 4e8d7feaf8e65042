/**
 * The export's file system calls, each raced against the cancel signal and a deadline: a folder
 * that stops answering (a stalled network share, a path under /proc) ends the export with a
 * reason instead of holding it, its Cancel button and the server's shutdown for ever. A call that
 * lost the race may still be pending in the thread pool; nothing waits for it.
 */
import { constants } from 'node:fs';
import type { Dirent, Stats } from 'node:fs';
import { lstat, mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';

export interface FsGuard {
  readonly signal?: AbortSignal | undefined;
  /** How long one call may take; writes of large buffers get one more second per MB. */
  readonly timeoutMs: number;
}

export const DEFAULT_STEP_TIMEOUT_MS = 60_000;

/** The same deadline without the cancel: clearing up after a cancel must still run. */
export function withoutCancel(guard: FsGuard): FsGuard {
  return { timeoutMs: guard.timeoutMs };
}

/** A file system call did not answer in time. */
export class FileSystemStuckError extends Error {
  override readonly name = 'FileSystemStuckError';
}

/** A file system call failed; the message names the path and the reason in plain words. */
export class ExportFileError extends Error {
  override readonly name = 'ExportFileError';
  readonly code: string | undefined;

  constructor(what: string, error: unknown) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    super(`${what} failed: ${plainReason(code, error)}`, { cause: error });
    this.code = code;
  }
}

const REASONS: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the disk is read-only',
  EACCES: 'permission denied',
  EPERM: 'the operation is not permitted there',
  ENOENT: 'the path does not exist and cannot be made there',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'a folder is in the way',
  EIO: 'the disk reported an input/output error',
  EBUSY: 'the file or folder is in use',
  EXDEV: 'the folder is on another disk',
  ENAMETOOLONG: 'the path is too long',
};

function plainReason(code: string | undefined, error: unknown): string {
  const reason = code === undefined ? undefined : REASONS[code];
  if (reason) return `${reason} (${code})`;
  return error instanceof Error ? error.message : String(error);
}

/** Runs one call under the guard; `what` completes "… did not finish" and "… failed". */
export function guarded<T>(guard: FsGuard, what: string, call: () => Promise<T>, bytes = 0): Promise<T> {
  guard.signal?.throwIfAborted();
  const limitMs = guard.timeoutMs + Math.ceil(bytes / 1_000_000) * 1000;
  return new Promise<T>((resolve, reject) => {
    let done = false;
    const finish = (settle: () => void) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      guard.signal?.removeEventListener('abort', onAbort);
      settle();
    };
    const onAbort = () => finish(() => reject(guard.signal?.reason));
    const timer = setTimeout(
      () => finish(() => reject(new FileSystemStuckError(`${what} did not finish within ${limitMs < 1000 ? `${limitMs} ms` : `${Math.round(limitMs / 1000)} s`}: the disk or folder is not answering`))),
      limitMs,
    );
    guard.signal?.addEventListener('abort', onAbort, { once: true });
    call().then(
      (value) => finish(() => resolve(value)),
      (error: unknown) => finish(() => reject(error instanceof FileSystemStuckError ? error : new ExportFileError(what, error))),
    );
  });
}

export async function statOrNull(guard: FsGuard, file: string): Promise<Stats | null> {
  try {
    return await guarded(guard, `reading ${file}`, () => lstat(file));
  } catch (error) {
    if (error instanceof ExportFileError && error.code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Creates `dir` and its missing parents one level at a time. Node's recursive mkdir loops for
 * ever where a parent exists but refuses children (`mkdir -p /proc/x` never returns).
 */
export async function makeFolder(guard: FsGuard, dir: string): Promise<void> {
  const missing: string[] = [];
  for (let at = path.resolve(dir); ; at = path.dirname(at)) {
    const info = await statOrNull(guard, at);
    if (info?.isSymbolicLink() || info?.isDirectory()) break;
    if (info) throw new ExportFileError(`creating the folder ${dir}`, Object.assign(new Error(`${at} is a file`), { code: 'ENOTDIR' }));
    missing.unshift(at);
    if (path.dirname(at) === at) break;
  }
  for (const folder of missing) await guarded(guard, `creating the folder ${folder}`, () => mkdir(folder));
}

export function listFolder(guard: FsGuard, dir: string): Promise<Dirent[]> {
  return guarded(guard, `listing ${dir}`, () => readdir(dir, { withFileTypes: true }));
}

export function renamePath(guard: FsGuard, from: string, to: string): Promise<void> {
  return guarded(guard, `moving ${from} to ${to}`, () => rename(from, to));
}

export function removePath(guard: FsGuard, target: string): Promise<void> {
  return guarded(guard, `removing ${target}`, () => rm(target, { recursive: true, force: true }));
}

/** A small regular file's text, or null when there is none; a pipe or device is never opened for a blocking read. */
export async function readSmallFile(guard: FsGuard, file: string, maxBytes: number): Promise<string | null> {
  let handle: FileHandle;
  try {
    handle = await guarded(guard, `opening ${file}`, () => open(file, constants.O_RDONLY | constants.O_NONBLOCK));
  } catch (error) {
    if (error instanceof ExportFileError && (error.code === 'ENOENT' || error.code === 'ENXIO')) return null;
    throw error;
  }
  try {
    const info = await guarded(guard, `reading ${file}`, () => handle.stat());
    if (!info.isFile()) return null;
    const buffer = Buffer.alloc(Math.min(info.size, maxBytes));
    const { bytesRead } = await guarded(guard, `reading ${file}`, () => handle.read(buffer, 0, buffer.length, 0));
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** Flushes a folder's entries (new names, renames) to disk; platforms that cannot open a folder skip it. */
export async function syncFolder(guard: FsGuard, dir: string): Promise<void> {
  let handle: FileHandle;
  try {
    handle = await open(dir, 'r');
  } catch {
    return;
  }
  try {
    await guarded(guard, `saving ${dir}`, () => handle.sync()).catch((error: unknown) => {
      if (error instanceof FileSystemStuckError) throw error;
    });
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** A file written through large buffered writes, each guarded; `close` saves it to disk. */
export interface FileSink {
  readonly path: string;
  /** Bytes written so far, buffered ones included. */
  readonly bytes: number;
  /** Text, gathered into large writes. */
  write(text: string): Promise<void>;
  /** Bytes written as they are (after any text gathered before them). */
  writeBytes(bytes: Uint8Array): Promise<void>;
  /** Writes what is buffered, saves the file to disk and closes it. */
  close(): Promise<void>;
  /** Closes without saving, after a failure or a cancel. */
  abandon(): Promise<void>;
}

/**
 * Text is encoded straight into one of two buffers of this size. While one is being written,
 * the next fills, so the disk works alongside the export instead of between its letters.
 */
const BUFFER_BYTES = 1 << 22;
/** UTF-8 takes at most three bytes per UTF-16 code unit. */
const MAX_UTF8_BYTES_PER_UNIT = 3;

export async function openSink(guard: FsGuard, file: string, bufferBytes = BUFFER_BYTES): Promise<FileSink> {
  // 'wx': the file is new, in a folder of the export's own; anything already there is a mistake.
  const handle = await guarded(guard, `creating ${file}`, () => open(file, 'wx'));
  let filling = Buffer.allocUnsafe(bufferBytes);
  let spare = Buffer.allocUnsafe(bufferBytes);
  let filled = 0;
  let accepted = 0;
  /** The write under way, if any; a failure surfaces at the next write, close or abandon. */
  let writing: Promise<void> = Promise.resolve();
  const put = (bytes: Uint8Array) => {
    writing = guarded(guard, `writing ${file}`, () => writeWhole(handle, bytes), bytes.length);
    writing.catch(() => undefined);
  };
  /** Starts writing what has filled and fills the other buffer meanwhile (its own write is over). */
  const swap = async () => {
    await writing;
    if (filled === 0) return;
    put(filling.subarray(0, filled));
    [filling, spare] = [spare, filling];
    filled = 0;
  };
  return {
    path: file,
    get bytes() {
      return accepted;
    },
    async write(text) {
      // A text larger than a buffer goes in pieces that each fit, never split inside a surrogate pair.
      const unitsPerBuffer = Math.floor(bufferBytes / MAX_UTF8_BYTES_PER_UNIT);
      for (let start = 0; start < text.length; ) {
        let end = Math.min(text.length, start + unitsPerBuffer);
        if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end--;
        if ((end - start) * MAX_UTF8_BYTES_PER_UNIT > bufferBytes - filled) await swap();
        const length = filling.write(start === 0 && end === text.length ? text : text.slice(start, end), filled, 'utf8');
        filled += length;
        accepted += length;
        start = end;
      }
    },
    async writeBytes(bytes) {
      await swap();
      await writing;
      put(bytes);
      accepted += bytes.length;
      // The caller may reuse its bytes once this returns.
      await writing;
    },
    async close() {
      try {
        await swap();
        await writing;
        await guarded(guard, `saving ${file}`, () => handle.sync(), accepted);
      } finally {
        await handle.close().catch(() => undefined);
      }
    },
    // FileHandle.close waits for a write under way.
    abandon: () => handle.close().catch(() => undefined),
  };
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

async function writeWhole(handle: FileHandle, buffer: Uint8Array): Promise<void> {
  for (let offset = 0; offset < buffer.length; ) {
    const { bytesWritten } = await handle.write(buffer, offset, buffer.length - offset);
    offset += bytesWritten;
  }
}
