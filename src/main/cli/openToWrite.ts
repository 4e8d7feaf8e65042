import type { Library, OpenLibraryOptions } from '../storage/index.ts';
import { openLibrary } from '../storage/index.ts';
import { bringDerivedUpToDate, derivedBacklog } from '../review/index.ts';

/**
 * Opens a library to write to it. One without letters has no derived values to work out, so it
 * is recorded as holding this version's: the letters imported next get theirs at import, and a
 * command that only reads (report) then takes them as current.
 */
export function openToWrite(file: string, options: OpenLibraryOptions): Library {
  const library = openLibrary(file, options);
  try {
    if (derivedBacklog(library.db)?.total === 0) bringDerivedUpToDate(library.db);
  } catch (error) {
    library.close();
    throw error;
  }
  return library;
}
