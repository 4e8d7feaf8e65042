/** The library file chosen with "Open database…" or "New database…", reopened at the next start. */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';

export function readLastLibrary(file: string): string | null {
  try {
    const { libraryFile } = JSON.parse(readFileSync(file, 'utf8')) as { libraryFile?: unknown };
    return typeof libraryFile === 'string' && libraryFile.length > 0 ? libraryFile : null;
  } catch {
    return null;
  }
}

export function writeLastLibrary(file: string, libraryFile: string): void {
  const temp = `${file}.tmp`;
  writeFileSync(temp, JSON.stringify({ libraryFile }));
  renameSync(temp, file);
}
