/** "Next letter needing review": queue order and filter, skipping finished letters, wrapping around. */
import { beforeEach, expect, test } from 'vitest';
import { flagLetter, verifyLetter } from '../review/asReviewer.ts';
import { insertParsedLetter } from '../../src/main/storage/letters.ts';
import { nextLetterToReview } from '../../src/main/storage/queue.ts';
import type { Db } from '../../src/main/storage/sql.ts';
import type { Decision } from '../../src/shared/letter.ts';
import { buildLetter, useTempFolder } from './helpers.ts';

const temp = useTempFolder();
let db: Db;
let ids: number[];

// Import order; case numbers out of order so the sorts differ.
const LETTERS: { caseNumber: string; decision: Decision; warnings: number }[] = [
  { caseNumber: 'CM16-0000030', decision: 'Upheld', warnings: 0 },
  { caseNumber: 'CM16-0000010', decision: 'Overturned', warnings: 2 },
  { caseNumber: 'CM16-0000050', decision: 'Upheld', warnings: 1 },
  { caseNumber: 'CM16-0000020', decision: 'Overturned', warnings: 0 },
  { caseNumber: 'CM16-0000040', decision: 'Upheld', warnings: 1 },
];

beforeEach(() => {
  db = temp.library({ reviewer: 'Ana' }).db;
  ids = LETTERS.map((letter, n) => {
    const { source, parsed } = buildLetter({
      caseNumber: letter.caseNumber,
      fileName: `letter-${n}.txt`,
      items: [{ service: `Service ${n}`, decision: letter.decision }],
      warnings: Array.from({ length: letter.warnings }, () => 'header-missing' as const),
    });
    return insertParsedLetter(db, source, parsed, null).letterId;
  });
});

function walk(start: number | null, steps: number, sort: 'import' | 'caseNumber' | 'attention', filter = {}): (number | null)[] {
  const seen: (number | null)[] = [];
  let current = start;
  for (let i = 0; i < steps; i++) {
    current = nextLetterToReview(db, current, filter, sort);
    seen.push(current);
  }
  return seen;
}

test('import order skips verified letters and wraps around', () => {
  verifyLetter(db, ids[1]!);
  expect(walk(null, 5, 'import')).toEqual([ids[0], ids[2], ids[3], ids[4], ids[0]]);
});

test('case number order', () => {
  const byCase = [1, 3, 0, 4, 2].map((i) => ids[i]);
  expect(walk(null, 5, 'caseNumber')).toEqual(byCase);
});

test('attention order: most warnings first, then import order', () => {
  expect(walk(null, 5, 'attention')).toEqual([1, 2, 4, 0, 3].map((i) => ids[i]));
});

test('the filter holds, and a flagged letter is not "needing review" unless the queue shows flagged ones', () => {
  flagLetter(db, ids[3]!, 'unreadable scan');
  // Letter 3 is flagged, so letter 1 is the only Overturned one left: after it, nothing else.
  expect(walk(null, 2, 'import', { decision: 'Overturned' })).toEqual([ids[1], null]);
  expect(walk(ids[0]!, 1, 'import', { status: 'flagged' })).toEqual([ids[3]]);
});

test('nothing left to review gives null', () => {
  for (const id of ids) verifyLetter(db, id);
  expect(nextLetterToReview(db, ids[0]!, {}, 'import')).toBeNull();
});
