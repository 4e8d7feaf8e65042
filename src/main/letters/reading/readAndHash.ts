/**
 * A letter file's bytes and their hash, read once for the caller's check (a duplicate, a
 * manifest) and then handed to the worker that reads the letter.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { fileSystemPath } from './fileNames.ts';

export interface HashedFile {
  readonly sha256: string;
  readonly bytes: Uint8Array;
}

/** null when the worker should read the file itself and report why it cannot (not a file, empty, too large, unreadable). */
export async function readAndHash(path: string, maxBytes: number): Promise<HashedFile | null> {
  try {
    const info = await stat(fileSystemPath(path));
    if (!info.isFile() || info.size === 0 || info.size > maxBytes) return null;
    const read = await readFile(fileSystemPath(path));
    // A buffer of its own, so it can be moved to the worker whole.
    const bytes = read.byteOffset === 0 && read.byteLength === read.buffer.byteLength ? read : new Uint8Array(read);
    return { sha256: createHash('sha256').update(bytes).digest('hex'), bytes };
  } catch {
    return null;
  }
}
