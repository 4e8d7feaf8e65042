/**
 * A letter's status in a dataset merge: a flag and a verification (or two flags with different
 * reasons) are a conflict, never a silent win; deciding it either way is an undoable change.
 */
import { describe, expect, test } from 'vitest';
import { importDataset, resolveConflict } from '../../src/main/export/index.ts';
import { undo } from '../../src/main/review/index.ts';
import type { StoredLetter } from '../../src/shared/library.ts';
import type { Library } from '../../src/main/storage/index.ts';
import { getLetter, listConflicts } from '../../src/main/storage/index.ts';
import { flagLetter, reopenLetter, TEST_ACTOR, updateItemField, verifyLetter } from '../review/asReviewer.ts';
import { useTempFolder } from '../storage/helpers.ts';
import { exportJsonl, twoReviewers } from './twoReviewers.ts';

const temp = useTempFolder();

const ANA = { ...TEST_ACTOR, reviewer: 'Ana' };
const OUR_REASON = 'The rationale is cut off on page 3';
const THEIR_REASON = 'Item 2 is two services';

/** A letter whose first item the parser was unsure of: verifying answers that warning. */
const WARNED = {
  caseNumber: 'CM16-0000901',
  items: [
    { service: 'MRI lumbar spine', decision: 'Upheld' as const, warnings: ['header-boundary-uncertain' as const] },
    { service: 'Physical therapy x12', decision: 'Overturned' as const },
  ],
};

function letterOf(library: Library, letterId: number): StoredLetter {
  const letter = getLetter(library.db, letterId);
  if (!letter) throw new Error(`no letter ${letterId}`);
  return letter;
}

/** What a status decision changes, and nothing it does not. */
const review = (letter: StoredLetter) => ({
  status: letter.status,
  flagReason: letter.flagReason,
  verifiedBy: letter.verifiedBy,
  verifiedAt: letter.verifiedAt,
  openWarnings: letter.items.flatMap((item) => item.warnings).filter((warning) => !warning.resolved).length,
});

async function merged(ours: Library, theirs: Library) {
  return importDataset(ours, await exportJsonl(temp, theirs));
}

describe('ours flagged, theirs verified', () => {
  async function setUp() {
    const { ours, theirs } = twoReviewers(temp, [WARNED]);
    flagLetter(ours.library.db, ours.letterId, OUR_REASON);
    verifyLetter(theirs.library.db, theirs.letterId);
    const before = review(letterOf(ours.library, ours.letterId));
    const result = await merged(ours.library, theirs.library);
    return { ours, theirs, before, result };
  }

  test('is a conflict over the status; the flag and its reason stay', async () => {
    const { ours, theirs, before, result } = await setUp();
    expect(result).toEqual({ created: 0, merged: 1, fieldsTaken: 0, conflicts: 1 });
    expect(before).toMatchObject({ status: 'flagged', flagReason: OUR_REASON, openWarnings: 1 });
    expect(review(letterOf(ours.library, ours.letterId))).toEqual(before);
    expect(listConflicts(ours.library.db)).toEqual([
      expect.objectContaining({ letterId: ours.letterId, itemPosition: null, field: 'status', ours: `flagged: ${OUR_REASON}`, theirs: 'verified', theirReviewer: 'Ben', resolution: null }),
    ]);
    // The same export again raises nothing new and still does not verify the letter.
    expect(await merged(ours.library, theirs.library)).toEqual({ created: 0, merged: 1, fieldsTaken: 0, conflicts: 0 });
    expect(review(letterOf(ours.library, ours.letterId))).toEqual(before);
  });

  test('taking theirs verifies the letter under their name; undo gives the flag back and the conflict again', async () => {
    const { ours, before } = await setUp();
    const [conflict] = listConflicts(ours.library.db);
    resolveConflict(ours.library.db, ANA, conflict?.id ?? 0, 'theirs');
    const taken = letterOf(ours.library, ours.letterId);
    expect(review(taken)).toMatchObject({ status: 'verified', flagReason: null, verifiedBy: 'Ben', openWarnings: 0 });
    expect(taken.items[0]?.warnings[0]?.resolved?.by).toBe('Ana');
    expect(listConflicts(ours.library.db)).toEqual([]);
    expect(listConflicts(ours.library.db, { state: 'resolved' })[0]).toMatchObject({ field: 'status', resolution: 'theirs', resolvedBy: 'Ana' });

    undo(ours.library.db);
    expect(review(letterOf(ours.library, ours.letterId))).toEqual(before);
    expect(listConflicts(ours.library.db)).toEqual([expect.objectContaining({ id: conflict?.id, field: 'status', resolution: null })]);
  });

  test('keeping ours keeps the flag; undo opens the conflict again', async () => {
    const { ours, before } = await setUp();
    const [conflict] = listConflicts(ours.library.db);
    resolveConflict(ours.library.db, ANA, conflict?.id ?? 0, 'ours');
    expect(review(letterOf(ours.library, ours.letterId))).toEqual(before);
    expect(listConflicts(ours.library.db)).toEqual([]);
    undo(ours.library.db);
    expect(listConflicts(ours.library.db)).toEqual([expect.objectContaining({ id: conflict?.id, resolution: null })]);
  });

  test('a status changed since the conflict was found is not decided over', async () => {
    const { ours } = await setUp();
    const [conflict] = listConflicts(ours.library.db);
    reopenLetter(ours.library.db, ours.letterId);
    expect(() => resolveConflict(ours.library.db, ANA, conflict?.id ?? 0, 'theirs')).toThrow(/status of CM16-0000901 has changed since the conflict was found/);
    expect(letterOf(ours.library, ours.letterId).status).toBe('in_progress');
  });
});

describe('ours verified, theirs flagged', () => {
  async function setUp() {
    const { ours, theirs } = twoReviewers(temp, [WARNED]);
    verifyLetter(ours.library.db, ours.letterId);
    flagLetter(theirs.library.db, theirs.letterId, THEIR_REASON);
    const before = review(letterOf(ours.library, ours.letterId));
    const result = await merged(ours.library, theirs.library);
    return { ours, before, result };
  }

  test('is a conflict over the status; our verification stays and their flag is kept in it', async () => {
    const { ours, before, result } = await setUp();
    expect(result.conflicts).toBe(1);
    expect(before).toMatchObject({ status: 'verified', flagReason: null, verifiedBy: 'Ana', openWarnings: 0 });
    expect(review(letterOf(ours.library, ours.letterId))).toEqual(before);
    expect(listConflicts(ours.library.db)).toEqual([expect.objectContaining({ field: 'status', ours: 'verified', theirs: `flagged: ${THEIR_REASON}` })]);
  });

  test('taking theirs flags the verified letter with their reason, without a reopen first; undo gives the verification back exactly', async () => {
    const { ours, before } = await setUp();
    const [conflict] = listConflicts(ours.library.db);
    resolveConflict(ours.library.db, ANA, conflict?.id ?? 0, 'theirs');
    expect(review(letterOf(ours.library, ours.letterId))).toEqual({ status: 'flagged', flagReason: THEIR_REASON, verifiedBy: null, verifiedAt: null, openWarnings: 0 });

    undo(ours.library.db);
    expect(review(letterOf(ours.library, ours.letterId))).toEqual(before);
    expect(listConflicts(ours.library.db)).toEqual([expect.objectContaining({ id: conflict?.id, resolution: null })]);
  });

  test('keeping ours leaves the letter verified', async () => {
    const { ours, before } = await setUp();
    resolveConflict(ours.library.db, ANA, listConflicts(ours.library.db)[0]?.id ?? 0, 'ours');
    expect(review(letterOf(ours.library, ours.letterId))).toEqual(before);
    expect(listConflicts(ours.library.db)).toEqual([]);
  });
});

describe('statuses that do not disagree', () => {
  test('two flags with different reasons are a conflict; taking theirs changes the reason', async () => {
    const { ours, theirs } = twoReviewers(temp);
    flagLetter(ours.library.db, ours.letterId, OUR_REASON);
    flagLetter(theirs.library.db, theirs.letterId, THEIR_REASON);
    expect((await merged(ours.library, theirs.library)).conflicts).toBe(1);
    const [conflict] = listConflicts(ours.library.db);
    expect(conflict).toMatchObject({ field: 'status', ours: `flagged: ${OUR_REASON}`, theirs: `flagged: ${THEIR_REASON}` });
    expect(letterOf(ours.library, ours.letterId).flagReason).toBe(OUR_REASON);
    resolveConflict(ours.library.db, ANA, conflict?.id ?? 0, 'theirs');
    expect(letterOf(ours.library, ours.letterId)).toMatchObject({ status: 'flagged', flagReason: THEIR_REASON });
  });

  test('the same flag, or both verified, is no conflict', async () => {
    const { ours, theirs } = twoReviewers(temp, [WARNED, { caseNumber: 'CM16-0000902', items: [] }]);
    flagLetter(ours.library.db, ours.letterIds[0] ?? 0, OUR_REASON);
    flagLetter(theirs.library.db, theirs.letterIds[0] ?? 0, OUR_REASON);
    verifyLetter(ours.library.db, ours.letterIds[1] ?? 0);
    verifyLetter(theirs.library.db, theirs.letterIds[1] ?? 0);
    expect((await merged(ours.library, theirs.library)).conflicts).toBe(0);
    expect(letterOf(ours.library, ours.letterIds[1] ?? 0).verifiedBy).toBe('Ana');
  });

  test('a letter we are still reviewing takes their flag, and their verification when nothing is in dispute', async () => {
    const { ours, theirs } = twoReviewers(temp, [WARNED, { caseNumber: 'CM16-0000902', items: [] }, { caseNumber: 'CM16-0000903', items: [{ service: 'Cold therapy unit', decision: 'Upheld' }] }]);
    const [flagged = 0, verified = 0, disputed = 0] = ours.letterIds;
    updateItemField(ours.library.db, ours.itemIds[0] ?? 0, 'rationale', 'Ours.');
    flagLetter(theirs.library.db, theirs.letterIds[0] ?? 0, THEIR_REASON);
    verifyLetter(theirs.library.db, theirs.letterIds[1] ?? 0);
    const disputedItem = letterOf(ours.library, disputed).items[0]?.id ?? 0;
    updateItemField(ours.library.db, disputedItem, 'decision', 'Overturned');
    verifyLetter(theirs.library.db, theirs.letterIds[2] ?? 0);

    expect((await merged(ours.library, theirs.library)).conflicts).toBe(1);
    expect(letterOf(ours.library, flagged)).toMatchObject({ status: 'flagged', flagReason: THEIR_REASON });
    expect(letterOf(ours.library, verified)).toMatchObject({ status: 'verified', verifiedBy: 'Ben' });
    expect(letterOf(ours.library, disputed).status).toBe('in_progress');
    expect(listConflicts(ours.library.db)).toEqual([expect.objectContaining({ letterId: disputed, field: 'decision' })]);
  });

  test('a letter they are still reviewing leaves our flag and our verification alone', async () => {
    const { ours, theirs } = twoReviewers(temp, [WARNED, { caseNumber: 'CM16-0000902', items: [] }]);
    flagLetter(ours.library.db, ours.letterIds[0] ?? 0, OUR_REASON);
    verifyLetter(ours.library.db, ours.letterIds[1] ?? 0);
    updateItemField(theirs.library.db, theirs.itemIds[0] ?? 0, 'rationale', 'Theirs.');
    expect(await merged(ours.library, theirs.library)).toEqual({ created: 0, merged: 2, fieldsTaken: 1, conflicts: 0 });
    expect(letterOf(ours.library, ours.letterIds[0] ?? 0)).toMatchObject({ status: 'flagged', flagReason: OUR_REASON });
    expect(letterOf(ours.library, ours.letterIds[1] ?? 0)).toMatchObject({ status: 'verified', verifiedBy: 'Ana' });
  });
});
