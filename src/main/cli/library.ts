/**
 * Opens the library a CLI command works on: `--db <file>`, or the app's default. A file that is
 * not a sound library, and a disk that fails under it, end the command with one line and exit 1.
 */
import path from 'node:path';
import { defaultLibraryPath } from '../appData.ts';
import { FolderError, makeFolderSync } from '../folders.ts';
import type { Library } from '../storage/index.ts';
import { LibraryOpenError, openLibrary, storageFailure } from '../storage/index.ts';
import type { CliIO } from './io.ts';

export async function withLibrary(
  dbOption: string | undefined,
  io: CliIO,
  work: (library: Library) => Promise<number> | number,
  options: { reviewer?: string } = {},
): Promise<number> {
  const file = path.resolve(dbOption ?? defaultLibraryPath());
  let library: Library;
  try {
    makeFolderSync(path.dirname(file));
    // The app's own default file may be made a library even when empty; a file named with --db only when it does not exist.
    library = openLibrary(file, { ...(options.reviewer === undefined ? {} : { reviewer: options.reviewer }), create: dbOption === undefined });
  } catch (error) {
    if (error instanceof LibraryOpenError || error instanceof FolderError) {
      io.err(error.message);
      return 1;
    }
    const reason = storageFailure(error, file);
    if (reason === null) throw error;
    io.err(`Cannot open letter library ${file}: ${reason}`);
    return 1;
  }
  try {
    return await work(library);
  } catch (error) {
    // A full disk or an I/O error is the machine's state, not a bug: one line, and the library is as its last transaction left it.
    const reason = storageFailure(error, file);
    if (reason === null) throw error;
    io.err(`Stopped: ${reason}. Nothing was half written.`);
    return 1;
  } finally {
    library.close();
  }
}
