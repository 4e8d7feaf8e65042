/**
 * The undo guarantee, tested as a property: any sequence of review changes, undone step by
 * step, gives back every letter exactly as it was (through getLetter and through a JSONL
 * export of it), redone gives back the end state, and a restart of the library changes neither;
 * the counts the insights keep per letter and per status stay true to the items throughout.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Span } from '../../src/shared/letter.ts';
import { ITEM_FIELDS, LETTER_FIELDS } from '../../src/shared/library.ts';
import type { StoredLetter } from '../../src/shared/library.ts';
import { exportDataset } from '../../src/main/export/exportDataset.ts';
import * as review from '../../src/main/review/index.ts';
import type { Library } from '../../src/main/storage/index.ts';
import { ChangeConflictError, createTag, InvalidEditError, LetterReadOnlyError, listTags, NotFoundError, openLibrary, undoCandidate } from '../../src/main/storage/index.ts';
import { useTempFolder } from '../storage/helpers.ts';
import { recountedInsightRows, storedInsightRows } from '../storage/insightRecount.ts';
import { testSize } from '../testSize.ts';
import { addLetters, letterOf, REVIEWER, refOf, THREE_ITEMS } from './helpers.ts';

const temp = useTempFolder();

const PARTIAL_LETTER = {
  caseNumber: 'CM16-0000002',
  items: [
    ...THREE_ITEMS.items,
    {
      service: 'Gabapentin 600mg #90 was the original request. The Claims Administrator authorized #60. The remaining IMR eligible portion of the original request, #30 is',
      decision: 'Upheld' as const,
      partial: { originalRequest: 'Gabapentin 600mg #90', authorizedByClaimsAdministrator: '#60', imrEligiblePortion: '#30' },
    },
  ],
};

/** One step of a random session: which letter, what to do, and numbers that pick its arguments. */
interface Step {
  readonly letter: number;
  readonly op: number;
  readonly a: number;
  readonly b: number;
  readonly c: number;
}

const step: fc.Arbitrary<Step> = fc.record({
  letter: fc.nat(1),
  op: fc.nat(17),
  a: fc.nat(1000),
  b: fc.nat(1000),
  c: fc.nat(1000),
});

function apply(library: Library, letterIds: readonly number[], { letter: which, op, a, b, c }: Step, tagIds: readonly number[]): void {
  const { db } = library;
  const letterId = letterIds[which] as number;
  const letter = letterOf(library, letterId);
  const ref = refOf(library, letterId);
  const item = letter.items.length > 0 ? letter.items[a % letter.items.length] : undefined;
  const tagId = tagIds[b % tagIds.length] as number;
  const selection = spanIn(letter, b, c);
  const value = [null, 'Reviewer text', 'Upheld', letter.text.slice(selection[0], selection[1]).trim() || 'x'][c % 4] as string | null;
  switch (op) {
    case 0:
      if (item) review.editItemField(db, REVIEWER, ref, item.id, ITEM_FIELDS[b % ITEM_FIELDS.length]!, c % 3 === 0 ? { selection } : { value });
      return;
    case 1:
      review.editLetterField(db, REVIEWER, ref, LETTER_FIELDS[(b % (LETTER_FIELDS.length - 1)) + 1]!, c % 3 === 0 ? { selection } : { value });
      return;
    case 2:
      if (item) review.setDecision(db, REVIEWER, ref, item.id, [null, 'Upheld', 'Overturned'][b % 3] as 'Upheld' | null);
      return;
    case 3:
      review.addItem(db, REVIEWER, ref, { position: b % (letter.items.length + 1), ...(c % 2 ? { values: { service: 'Added service' } } : {}) });
      return;
    case 4:
      if (item) review.deleteItem(db, REVIEWER, ref, item.id);
      return;
    case 5: {
      const extent = item?.spans['item']?.[0];
      if (item && extent && extent[1] - extent[0] > 2) {
        const start = extent[0] + 1 + (b % (extent[1] - extent[0] - 1));
        review.splitItem(db, REVIEWER, ref, item.id, [start, Math.min(extent[1], start + 1 + (c % 40))]);
      }
      return;
    }
    case 6: {
      const next = letter.items[(a % Math.max(1, letter.items.length)) + 1];
      if (item && next) review.mergeItems(db, REVIEWER, ref, item.id, next.id);
      return;
    }
    case 7: {
      const order = letter.items.map((i) => i.id);
      const at = a % Math.max(1, order.length - 1);
      if (order.length > 1) [order[at], order[at + 1]] = [order[at + 1]!, order[at]!];
      review.reorderItems(db, REVIEWER, ref, order);
      return;
    }
    case 8:
      review.setLetterTag(db, REVIEWER, ref, tagId, c % 2 === 0);
      return;
    case 9:
      if (item) review.setItemTag(db, REVIEWER, ref, item.id, tagId, c % 2 === 0);
      return;
    case 10:
      review.addNote(db, REVIEWER, ref, `Note ${c}`);
      return;
    case 11: {
      const note = letter.notes[a % Math.max(1, letter.notes.length)];
      if (note) review.deleteNote(db, REVIEWER, ref, note.id);
      return;
    }
    case 12:
      review.verifyLetter(db, REVIEWER, ref);
      return;
    case 13:
      review.flagLetter(db, REVIEWER, ref, `Reason ${c % 3}`);
      return;
    case 14:
      review.reopenLetter(db, REVIEWER, ref);
      return;
    case 15:
      if (item) review.setItemStatus(db, REVIEWER, ref, item.id, (['unreviewed', 'confirmed', 'flagged'] as const)[b % 3]!);
      return;
    case 16:
      review.updateTagChange(db, REVIEWER, tagId, c % 2 ? { colour: `#00${String(c % 100).padStart(2, '0')}00` } : { hotkey: String(c % 10) });
      return;
    default:
      review.mergeTagsChange(db, REVIEWER, tagId, tagIds[(b + 1) % tagIds.length] as number);
  }
}

function spanIn(letter: StoredLetter, b: number, c: number): Span {
  const start = b % Math.max(1, letter.text.length - 1);
  return [start, Math.min(letter.text.length, start + 1 + (c % 60))];
}

/** Errors a reviewer can meet (refusals); anything else is a bug. */
function isRefusal(error: unknown): boolean {
  return [InvalidEditError, LetterReadOnlyError, NotFoundError].some((type) => error instanceof type);
}

interface Snapshot {
  readonly letters: readonly Omit<StoredLetter, 'revision'>[];
  readonly tags: unknown;
  readonly jsonl: string;
}

async function snapshot(library: Library, letterIds: readonly number[], outDir: string): Promise<Snapshot> {
  const letters = letterIds.map((id) => {
    const { revision: _revision, ...rest } = letterOf(library, id);
    return rest;
  });
  await exportDataset(library.file, { format: 'jsonl', outDir, scope: 'all', withSpans: true });
  return { letters, tags: listTags(library.db), jsonl: readFileSync(join(outDir, 'letters.jsonl'), 'utf8') };
}

function stepsDone(library: Library): number {
  return (library.db.prepare("SELECT COUNT(*) AS n FROM change_groups WHERE origin = 'review' AND state = 'done'").get() as { n: number }).n;
}

/** Random sessions undone and redone: 50 in CI, 300 with IMR_TEST_SIZE=large, or IMR_UNDO_RUNS of them. */
const UNDO_RUNS = testSize('IMR_UNDO_RUNS', { ci: 50, large: 300 });
/** A bound on the whole run, not a speed check: a session takes 0.2 s on an idle machine and 1.8 s on two cores at a load of 17. */
const UNDO_LIMIT_MS = 60_000 + UNDO_RUNS * 5_000;

describe('undo and redo on the server', () => {
  it('undoing every change of a random session restores the letters exactly; redoing restores the end; a restart changes neither', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 24 }), fc.boolean(), async (steps, restart) => {
        const folder = temp.folder();
        const file = join(folder, 'library.imrlib');
        let library = openLibrary(file);
        const letterIds = addLetters(library, [THREE_ITEMS, PARTIAL_LETTER]);
        const tagIds = [
          createTag(library.db, { name: 'Letter tag', colour: '#112233', scope: 'letter' }),
          createTag(library.db, { name: 'Item tag', colour: '#223344', scope: 'item' }),
          createTag(library.db, { name: 'Any tag', colour: '#334455', scope: 'both' }),
        ];
        const start = await snapshot(library, letterIds, join(folder, 'start'));
        for (const s of steps) {
          try {
            apply(library, letterIds, s, tagIds);
          } catch (error) {
            if (!isRefusal(error)) throw error;
          }
        }
        // The insights' kept counts stay what the items say, after the changes, their undo and their redo.
        const countsHold = () => expect(storedInsightRows(library.db)).toEqual(recountedInsightRows(library.db));
        countsHold();
        const end = await snapshot(library, letterIds, join(folder, 'end'));
        const done = stepsDone(library);
        if (restart) {
          const offered = undoCandidate(library.db);
          library.close();
          library = openLibrary(file);
          expect(undoCandidate(library.db)).toEqual(offered);
        }
        for (let i = 0; i < done; i++) review.undo(library.db);
        expect(() => review.undo(library.db)).toThrow(/nothing to undo/);
        expect(await snapshot(library, letterIds, join(folder, 'undone'))).toEqual(start);
        countsHold();
        for (let i = 0; i < done; i++) review.redo(library.db);
        expect(await snapshot(library, letterIds, join(folder, 'redone'))).toEqual(end);
        countsHold();
        library.close();
      }),
      { numRuns: UNDO_RUNS },
    );
  }, UNDO_LIMIT_MS);

  it('refuses to undo over a change made outside the undo stack', () => {
    const library = temp.library();
    const [letterId] = addLetters(library, [THREE_ITEMS]) as [number];
    const item = letterOf(library, letterId).items[0]!;
    review.editItemField(library.db, REVIEWER, refOf(library, letterId), item.id, 'service', { value: 'Lumbar MRI scan' });
    library.db.prepare("UPDATE items SET service = 'Changed by another program' WHERE id = ?").run(item.id);
    expect(() => review.undo(library.db)).toThrow(ChangeConflictError);
    expect(letterOf(library, letterId).items[0]!.service).toBe('Changed by another program');
  });
});
