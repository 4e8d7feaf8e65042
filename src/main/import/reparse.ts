/**
 * Re-parse: runs the current parser over letters parsed by an older one, but only
 * letters nobody has touched. Human edits, verifications, history and tags stay.
 */
import { PARSER_VERSION, parseLetter } from '../letters/parsing/index.ts';
import type { Library } from '../storage/index.ts';
import { refreshDerived } from '../review/index.ts';
import { getLetterSource, getLibraryStats, inWriteTransaction, listReparseCandidates, replaceParse } from '../storage/index.ts';

export interface ReparseResult {
  readonly reparsed: number;
  /** Letters left as they are: already current, or holding human work. */
  readonly kept: number;
}

export function reparseUntouchedLetters(library: Library, parserVersion = PARSER_VERSION): ReparseResult {
  let reparsed = 0;
  for (const candidate of listReparseCandidates(library.db, parserVersion)) {
    const source = getLetterSource(library.db, candidate.id);
    if (!source) continue;
    const replaced = inWriteTransaction(library.db, () => {
      const done = replaceParse(library.db, candidate.id, parseLetter(source.text));
      if (done) refreshDerived(library.db, candidate.id);
      return done;
    });
    if (replaced) reparsed++;
  }
  return { reparsed, kept: getLibraryStats(library.db).letters - reparsed };
}
