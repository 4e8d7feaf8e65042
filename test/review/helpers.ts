/** A library with test letters in it, and the actor and revision every review change needs. */
import type { StoredLetter } from '../../src/shared/library.ts';
import type { Actor, Library, LetterRef } from '../../src/main/storage/index.ts';
import { derivableOfParsed, deriveValues } from '../../src/main/letters/derive.ts';
import { getLetter, insertParsedLetter } from '../../src/main/storage/index.ts';
import type { PlainLetter } from '../storage/helpers.ts';
import { buildLetter } from '../storage/helpers.ts';

export const REVIEWER: Actor = { reviewer: 'Test Reviewer', origin: 'review' };

/** Stores test letters as an import would: with the values derived from them. */
export function addLetters(library: Library, letters: readonly PlainLetter[]): number[] {
  return letters.map((plain) => {
    const { source, parsed } = buildLetter(plain);
    return insertParsedLetter(library.db, source, parsed, null, deriveValues(derivableOfParsed(parsed))).letterId;
  });
}

export function letterOf(library: Library, letterId: number): StoredLetter {
  const letter = getLetter(library.db, letterId);
  if (!letter) throw new Error(`no letter ${letterId}`);
  return letter;
}

/** The letter as a reviewer sees it now: what a change made on it names. */
export function refOf(library: Library, letterId: number): LetterRef {
  return { letterId, revision: letterOf(library, letterId).revision };
}

export const THREE_ITEMS: PlainLetter = {
  items: [
    { service: 'Lumbar MRI', decision: 'Upheld', rationale: 'Imaging is not medically necessary.', warnings: ['header-boundary-uncertain'] },
    { service: 'Physical therapy 2x6 for the knee', decision: 'Overturned', rationale: 'The therapy is medically necessary.' },
    { service: 'Norco 10/325mg #120', decision: 'Upheld', rationale: 'Opioids are not medically necessary here.' },
  ],
};
