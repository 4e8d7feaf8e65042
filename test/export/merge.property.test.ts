/**
 * The merge's promise, as a property: two libraries made from the same letters, each reviewer
 * editing values and verifying, flagging or reopening at random; B exports, A imports. Every
 * disagreement both sides stand behind (a value, or a status: a flag against a verification,
 * two flags with different reasons) is a conflict with both values, nothing else is; nothing A
 * vouched for or decided changes; what only B stood behind is taken.
 */
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { importDataset } from '../../src/main/export/index.ts';
import { itemFieldValue, letterFieldValue } from '../../src/main/export/fieldValues.ts';
import type { ExportedLetter } from '../../src/shared/export.ts';
import type { ItemField, LetterField } from '../../src/shared/library.ts';
import { ITEM_FIELDS, LETTER_FIELDS } from '../../src/shared/library.ts';
import type { Library } from '../../src/main/storage/index.ts';
import { getLetter, InvalidEditError, LetterReadOnlyError, listConflicts, readRecordBySha256 } from '../../src/main/storage/index.ts';
import { flagLetter, reopenLetter, updateItemField, updateLetterField, verifyLetter } from '../review/asReviewer.ts';
import { useTempFolder } from '../storage/helpers.ts';
import { readJsonl } from './readBack.ts';
import { exportJsonl, LETTER, twoReviewers } from './twoReviewers.ts';
import { FLAG_REASONS, ITEM_VALUES, LETTER_VALUES, pick, steps } from '../review/randomEdits.ts';
import type { Step } from '../review/randomEdits.ts';

const temp = useTempFolder();

const LETTERS = [LETTER, { caseNumber: 'CM16-0000950', items: [{ service: 'Cold therapy unit', decision: 'Upheld' as const }] }];

const step = steps(LETTERS.length, 6);

function apply(library: Library, letterIds: readonly number[], { letter, op, a, b }: Step): void {
  const { db } = library;
  const letterId = letterIds[letter] as number;
  try {
    if (op === 0) {
      const field = pick(Object.keys(LETTER_VALUES) as LetterField[], a);
      updateLetterField(db, letterId, field, pick(LETTER_VALUES[field] ?? [], b));
    } else if (op === 1) {
      const items = getLetter(db, letterId)?.items ?? [];
      const field = pick(Object.keys(ITEM_VALUES) as ItemField[], a);
      updateItemField(db, pick(items, b).id, field, pick(ITEM_VALUES[field] ?? [], a + b));
    } else if (op === 2 || op === 5) {
      verifyLetter(db, letterId);
    } else if (op === 3) {
      flagLetter(db, letterId, pick(FLAG_REASONS, a));
    } else {
      reopenLetter(db, letterId);
    }
  } catch (error) {
    // A verified letter refuses edits and flags until it is reopened, as it does for a reviewer.
    if (!(error instanceof LetterReadOnlyError || error instanceof InvalidEditError)) throw error;
  }
}

/** A side's decision on the letter, as the conflict over it is written; null while it is being reviewed. */
function decision(letter: ExportedLetter): string | null {
  if (letter.status === 'verified') return 'verified';
  return letter.status === 'flagged' ? `flagged: ${letter.flagReason}` : null;
}

type Expected = [itemPosition: number | null, field: string, ours: string | null, theirs: string | null];

/** A letter's values after the merge, and the conflicts it must leave, by the rule in the README. */
function expectedMerge(ours: ExportedLetter, theirs: ExportedLetter): { letter: (string | null)[]; items: (string | null)[][]; conflicts: Expected[] } {
  const conflicts: Expected[] = [];
  const merged = (position: number | null, field: string, our: string | null, their: string | null, weVouch: boolean, theyVouch: boolean) => {
    if (our === their || !theyVouch) return our;
    if (weVouch) {
      conflicts.push([position, field, our, their]);
      return our;
    }
    return their;
  };
  const letter = LETTER_FIELDS.map((field) =>
    merged(null, field, letterFieldValue(ours, field), letterFieldValue(theirs, field), ours.status === 'verified' || ours.editedFields.includes(field), theirs.status === 'verified' || theirs.editedFields.includes(field)),
  );
  const items = ours.items.map((ourItem, position) => {
    const theirItem = theirs.items[position];
    if (!theirItem) throw new Error('the items of both sides are the letters', { cause: position });
    return ITEM_FIELDS.map((field) =>
      merged(
        position,
        field,
        itemFieldValue(ourItem, field),
        itemFieldValue(theirItem, field),
        ours.status === 'verified' || ourItem.editedFields.includes(field),
        theirs.status === 'verified' || theirItem.editedFields.includes(field),
      ),
    );
  });
  const ourDecision = decision(ours);
  const theirDecision = decision(theirs);
  if (ourDecision !== null && theirDecision !== null && ourDecision !== theirDecision) conflicts.push([null, 'status', ourDecision, theirDecision]);
  return { letter, items, conflicts };
}

test('every disagreement both sides stand behind is a conflict, and nothing A vouched for or decided changes', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(step, { maxLength: 14 }), fc.array(step, { maxLength: 14 }), async (ourSteps, theirSteps) => {
      const { ours, theirs } = twoReviewers(temp, LETTERS);
      for (const s of ourSteps) apply(ours.library, ours.letterIds, s);
      for (const s of theirSteps) apply(theirs.library, theirs.letterIds, s);
      const file = await exportJsonl(temp, theirs.library);
      const theirRecords = readJsonl(file);
      const before = new Map(theirRecords.map((record) => [record.sha256, readRecordBySha256(ours.library.db, record.sha256, false) as ExportedLetter]));

      const result = await importDataset(ours.library, file);

      const open = listConflicts(ours.library.db);
      let expectedConflicts = 0;
      for (const their of theirRecords) {
        const our = before.get(their.sha256) as ExportedLetter;
        const after = readRecordBySha256(ours.library.db, their.sha256, false) as ExportedLetter;
        const expected = expectedMerge(our, their);
        const letterConflicts = open.filter((conflict) => conflict.sha256 === their.sha256);
        expect(letterConflicts.map((conflict): Expected => [conflict.itemPosition, conflict.field, conflict.ours, conflict.theirs])).toEqual(expected.conflicts);
        expectedConflicts += expected.conflicts.length;
        expect(LETTER_FIELDS.map((field) => letterFieldValue(after, field))).toEqual(expected.letter);
        expect(after.items.map((item) => ITEM_FIELDS.map((field) => itemFieldValue(item, field)))).toEqual(expected.items);

        const ourDecision = decision(our);
        if (ourDecision !== null) {
          expect(decision(after)).toBe(ourDecision);
        } else if (their.status === 'flagged') {
          expect(decision(after)).toBe(decision(their));
        } else if (their.status === 'verified') {
          expect(decision(after)).toBe(letterConflicts.length === 0 ? 'verified' : null);
        } else {
          expect(decision(after)).toBeNull();
        }
      }
      expect(result).toEqual({ created: 0, merged: LETTERS.length, fieldsTaken: expect.any(Number), conflicts: expectedConflicts });
      ours.library.close();
      theirs.library.close();
    }),
    { numRuns: 40 },
  );
  // A bound, not a speed check: forty pairs of libraries exported and merged, seconds each on busy cores.
}, 240_000);
