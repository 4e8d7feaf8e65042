/**
 * Creates a folder and its missing parents one level at a time. Node's own recursive mkdir loops
 * for ever where a parent exists but refuses children (`mkdir -p /proc/x` never returns), which
 * would hang the command line or the server before it could say anything.
 */
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** The folder could not be made; the message says which and why, in one line. */
export class FolderError extends Error {
  override readonly name = 'FolderError';
}

export function makeFolderSync(dir: string): void {
  const missing: string[] = [];
  for (let at = path.resolve(dir); ; at = path.dirname(at)) {
    const info = statSync(at, { throwIfNoEntry: false });
    if (info?.isDirectory()) break;
    if (info) throw new FolderError(`Cannot create the folder ${dir}: ${at} is a file`);
    missing.unshift(at);
    if (path.dirname(at) === at) break;
  }
  for (const folder of missing) {
    try {
      mkdirSync(folder);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') continue;
      throw new FolderError(`Cannot create the folder ${folder}: ${code === 'ENOENT' ? 'no folder can be made there' : (error as Error).message}`, { cause: error });
    }
  }
}
