/** Opens the library a CLI command works on: `--db <file>`, or the app's default. */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { defaultLibraryPath } from '../appData.ts';
import type { Library } from '../storage/index.ts';
import { LibraryOpenError, openLibrary } from '../storage/index.ts';
import type { CliIO } from './io.ts';

export async function withLibrary(
  dbOption: string | undefined,
  io: CliIO,
  work: (library: Library) => Promise<number> | number,
  options: { reviewer?: string } = {},
): Promise<number> {
  const file = path.resolve(dbOption ?? defaultLibraryPath());
  mkdirSync(path.dirname(file), { recursive: true });
  let library: Library;
  try {
    // The app's own default file may be made a library even when empty; a file named with --db only when it does not exist.
    library = openLibrary(file, { ...(options.reviewer === undefined ? {} : { reviewer: options.reviewer }), create: dbOption === undefined });
  } catch (error) {
    if (error instanceof LibraryOpenError) {
      io.err(error.message);
      return 1;
    }
    throw error;
  }
  try {
    return await work(library);
  } finally {
    library.close();
  }
}
