/**
 * Opens the library a CLI command works on: `--db <file>`, or the app's default. A library is
 * never made by accident: the file must exist unless the command was asked to create it (`init`,
 * `import --create`). Commands that only read open it read-only and write nothing to it. A file
 * that is not a sound library, and a disk that fails under it, end the command with one line.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { defaultLibraryPath } from '../appData.ts';
import { FolderError, makeFolderSync } from '../folders.ts';
import type { Library } from '../storage/index.ts';
import { LibraryOpenError, openLibraryReadOnly, storageFailure } from '../storage/index.ts';
import { PROGRAM } from './command.ts';
import { EXIT } from './exitCodes.ts';
import type { CliIO } from './io.ts';

export type LibraryAccess =
  | { readonly mode: 'read' }
  /** `create`: make the library (and its folders) when the file does not exist. */
  | { readonly mode: 'write'; readonly create?: boolean; readonly reviewer?: string };

export function libraryFile(dbOption: string | undefined): string {
  return path.resolve(dbOption ?? defaultLibraryPath());
}

/** False only when nothing is there: an unreadable path is left to the open to explain. */
export function pathExists(file: string): boolean {
  try {
    statSync(file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code !== 'ENOENT' && code !== 'ENOTDIR';
  }
}

export async function withLibrary(
  dbOption: string | undefined,
  access: LibraryAccess,
  io: CliIO,
  work: (library: Library) => Promise<number> | number,
): Promise<number> {
  const file = libraryFile(dbOption);
  const create = access.mode === 'write' && access.create === true;
  if (!create && !pathExists(file)) {
    io.err(noLibraryMessage(file, dbOption));
    return EXIT.failed;
  }
  // The review services (with the parser and the vocabulary) load only for a command that writes.
  const { openToWrite } = access.mode === 'write' ? await import('./openToWrite.ts') : { openToWrite: null };
  const library = openOrExplain(file, io, () => {
    if (openToWrite === null || access.mode === 'read') return openLibraryReadOnly(file);
    if (create) makeFolderSync(path.dirname(file));
    return openToWrite(file, { create, ...(access.reviewer === undefined ? {} : { reviewer: access.reviewer }) });
  });
  if (library === null) return EXIT.failed;
  try {
    return await work(library);
  } catch (error) {
    // A full disk or an I/O error is the machine's state, not a bug: one line, and the library is as its last transaction left it.
    const reason = storageFailure(error, file);
    if (reason === null) throw error;
    io.err(`Stopped: ${reason}. Nothing was half written.`);
    return EXIT.failed;
  } finally {
    library.close();
  }
}

/** The opened library, or null once the reason it cannot be opened is printed. */
export function openOrExplain(file: string, io: CliIO, open: () => Library): Library | null {
  try {
    return open();
  } catch (error) {
    if (error instanceof LibraryOpenError || error instanceof FolderError) {
      io.err(error.message);
      return null;
    }
    const reason = storageFailure(error, file);
    if (reason === null) throw error;
    io.err(`Cannot open letter library ${file}: ${reason}`);
    return null;
  }
}

function noLibraryMessage(file: string, dbOption: string | undefined): string {
  const where = dbOption === undefined ? `the app's library, ${file} (name another with --db)` : file;
  const db = dbOption === undefined ? '' : ` --db ${JSON.stringify(file)}`;
  return `No library at ${where}: make one with \`${PROGRAM} init${db}\`, or import letters into a new one with \`${PROGRAM} import <letters>${db} --create\`.`;
}
