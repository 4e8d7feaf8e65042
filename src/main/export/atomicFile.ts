/**
 * Files that appear whole or not at all: written under a temporary name in the target folder
 * (so the rename never crosses file systems), then renamed over the final name.
 */
import { randomBytes } from 'node:crypto';
import { lstat, open, rename, rm, stat } from 'node:fs/promises';
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

/**
 * Renames a set of finished temp files to their final names as one change: files they replace
 * are moved aside first and put back if any rename fails, so the folder holds the old set or
 * the new one, never a mix. Returns each file's size.
 */
export async function commitAll(files: readonly AtomicFile[]): Promise<number[]> {
  for (const file of files) {
    if ((await lstatOrNull(file.finalPath))?.isDirectory()) throw new Error(`Cannot write ${file.finalPath}: it is a folder`);
  }
  const movedAside: { readonly finalPath: string; readonly asidePath: string }[] = [];
  const committed: AtomicFile[] = [];
  try {
    for (const file of files) {
      if ((await lstatOrNull(file.finalPath)) === null) continue;
      const asidePath = `${file.tempPath}.previous`;
      await rename(file.finalPath, asidePath);
      movedAside.push({ finalPath: file.finalPath, asidePath });
    }
    const sizes: number[] = [];
    for (const file of files) {
      sizes.push(await file.commit());
      committed.push(file);
    }
    await Promise.all(movedAside.map(({ asidePath }) => rm(asidePath, { force: true })));
    return sizes;
  } catch (error) {
    for (const file of committed) await rm(file.finalPath, { force: true });
    for (const { finalPath, asidePath } of movedAside) await rename(asidePath, finalPath);
    throw error;
  }
}

async function lstatOrNull(file: string): Promise<Awaited<ReturnType<typeof lstat>> | null> {
  try {
    return await lstat(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
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
