/** The server keeps the insights of a query until the library changes, by its own hand or another connection's. */
import { expect, it } from 'vitest';
import { cachedInsights } from '../../src/main/insights/index.ts';
import { openLibrary } from '../../src/main/storage/index.ts';
import { setDecision, verifyLetter } from '../review/asReviewer.ts';
import { letterOf } from '../review/helpers.ts';
import { useTempFolder } from '../storage/helpers.ts';
import { addHandWorkedLetters } from './library.ts';

const temp = useTempFolder();
const ALL = { scope: 'all', filter: {} } as const;

it('answers a query again from the cache, and works it out anew after a change here or elsewhere', () => {
  const library = temp.library({ reviewer: 'Test Reviewer' });
  const ids = addHandWorkedLetters(library);
  const first = cachedInsights(library.db, ALL);
  expect(cachedInsights(library.db, ALL)).toBe(first);
  expect(cachedInsights(library.db, { scope: 'verified', filter: {} }).headline.letters).toBe(3);

  // D's undecided cyclobenzaprine is upheld now: 6 of 9 decided.
  setDecision(library.db, letterOf(library, ids.D).items[0]!.id, 'Upheld');
  const afterEdit = cachedInsights(library.db, ALL);
  expect(afterEdit).not.toBe(first);
  expect([afterEdit.headline.upheld.count, afterEdit.headline.upheld.n]).toEqual([6, 9]);

  // Another connection (the command line, say) verifies letter E.
  const other = openLibrary(library.file, { reviewer: 'Someone Else' });
  try {
    verifyLetter(other.db, ids.E);
  } finally {
    other.close();
  }
  expect(cachedInsights(library.db, { scope: 'verified', filter: {} }).headline.letters).toBe(4);
});
