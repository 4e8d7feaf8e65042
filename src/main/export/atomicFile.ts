/**
 * Files that appear whole or not at all: written under a temporary name in the target folder
 * (so the rename never crosses file systems), then renamed over the final name.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, rm, stat } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';

export interface AtomicFile {
  readonly finalPath: string;
  readonly tempPath: string;
  /** Renames the finished temp file to its final name; returns its size. */
  commit(): Promise<number>;
  /** Removes the temp file, if it is there. */
  discard(): Promise<void>;
}

export function atomicFile(finalPath: string): AtomicFile {
  const tempPath = path.join(
    path.dirname(finalPath),
    `.${path.basename(finalPath)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`,
  );
  return {
    finalPath,
    tempPath,
    async commit() {
      const { size } = await stat(tempPath);
      await rename(tempPath, finalPath);
      return size;
    },
    discard: () => rm(tempPath, { force: true }),
  };
}

/** Text appended in large buffered writes, so a million small rows cost a few hundred system calls. */
export interface TextSink {
  write(text: string): Promise<void>;
  close(): Promise<void>;
}

const FLUSH_CHARS = 1 << 22;

export async function openTextSink(file: string): Promise<TextSink> {
  const handle: FileHandle = await open(file, 'w');
  let pending: string[] = [];
  let pendingChars = 0;
  const flush = async () => {
    if (pendingChars === 0) return;
    const text = pending.join('');
    pending = [];
    pendingChars = 0;
    await handle.write(text, null, 'utf8');
  };
  return {
    async write(text) {
      pending.push(text);
      pendingChars += text.length;
      if (pendingChars >= FLUSH_CHARS) await flush();
    },
    async close() {
      try {
        await flush();
      } finally {
        await handle.close();
      }
    },
  };
}
