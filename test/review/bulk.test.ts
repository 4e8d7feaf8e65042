import { describe, expect, it } from 'vitest';
import { applyBulk, confirmAndVerify, editItemField, undo } from '../../src/main/review/index.ts';
import { correctionsReport, createTag, listCorrections, previewBulkSelection, StaleRevisionError } from '../../src/main/storage/index.ts';
import { useTempFolder } from '../storage/helpers.ts';
import { addLetters, letterOf, REVIEWER, refOf, THREE_ITEMS } from './helpers.ts';

const temp = useTempFolder();
const ALL = { search: '', searchIn: 'any', filter: {} } as const;

describe('a bulk change across letters', () => {
  it('selects items by a search of their service, leaves verified letters out and counts them', () => {
    const library = temp.library();
    const [a, b, c] = addLetters(library, [THREE_ITEMS, { ...THREE_ITEMS, caseNumber: 'CM16-0000002' }, { ...THREE_ITEMS, caseNumber: 'CM16-0000003' }]) as [number, number, number];
    confirmAndVerify(library.db, REVIEWER, refOf(library, c));
    const preview = previewBulkSelection(library.db, { search: 'lumb*', searchIn: 'service', filter: {} }, 100);
    expect(preview.targets.map((t) => [t.letterId, t.itemNumber])).toEqual([
      [a, 1],
      [b, 1],
    ]);
    expect(preview).toMatchObject({ total: 2, letters: 2, skippedVerified: 1 });
    expect(previewBulkSelection(library.db, { ...ALL, filter: { decision: 'Overturned' } }, 100).total).toBe(2);
  });

  it('is one change group: every letter moves on, lists it in its history, and one undo takes all of it back', () => {
    const library = temp.library();
    const ids = addLetters(library, [THREE_ITEMS, { ...THREE_ITEMS, caseNumber: 'CM16-0000002' }]);
    const tagId = createTag(library.db, { name: 'Imaging', colour: '#2f6fde', scope: 'item' });
    const before = ids.map((id) => letterOf(library, id));
    const targets = previewBulkSelection(library.db, ALL, 100).targets;
    const letters = ids.map((id) => ({ letterId: id, revision: letterOf(library, id).revision, itemIds: targets.filter((t) => t.letterId === id).map((t) => t.itemId) }));

    const outcome = applyBulk(library.db, REVIEWER, letters, { kind: 'field', field: 'decision', value: 'Upheld' });
    expect(outcome.result).toEqual({ itemsChanged: 2, lettersChanged: 2 });
    for (const [i, id] of ids.entries()) {
      const now = letterOf(library, id);
      expect(now.items.map((item) => item.decision)).toEqual(['Upheld', 'Upheld', 'Upheld']);
      expect(now.revision).toBe(before[i]!.revision + 1);
      expect(now.items[1]!.humanEdited).toContain('decision');
    }
    applyBulk(library.db, REVIEWER, ids.map((id) => ({ ...refOf(library, id), itemIds: letterOf(library, id).items.map((item) => item.id) })), { kind: 'tag', tagId, on: true });
    expect(letterOf(library, ids[1]!).items.every((item) => item.tags.length === 1)).toBe(true);

    expect(undo(library.db).details).toMatchObject({ tagName: 'Imaging', count: 6, letterCount: 2 });
    expect(undo(library.db).action).toBe('bulk-edit');
    for (const [i, id] of ids.entries()) {
      const { revision: _now, ...now } = letterOf(library, id);
      const { revision: _then, ...then } = before[i]!;
      expect({ ...now, updatedAt: then.updatedAt }).toEqual(then);
    }
  });

  it('is refused whole when one letter changed since the preview', () => {
    const library = temp.library();
    const ids = addLetters(library, [THREE_ITEMS, { ...THREE_ITEMS, caseNumber: 'CM16-0000002' }]);
    const letters = ids.map((id) => ({ ...refOf(library, id), itemIds: [letterOf(library, id).items[0]!.id] }));
    editItemField(library.db, REVIEWER, refOf(library, ids[1]!), letterOf(library, ids[1]!).items[0]!.id, 'service', { value: 'Changed meanwhile' });
    expect(() => applyBulk(library.db, REVIEWER, letters, { kind: 'status', status: 'confirmed' })).toThrow(StaleRevisionError);
    expect(letterOf(library, ids[0]!).items[0]!.status).toBe('unreviewed');
  });
});

describe('confirm and verify', () => {
  it('confirms the items left and verifies the letter as one undo step', () => {
    const library = temp.library();
    const [id] = addLetters(library, [THREE_ITEMS]) as [number];
    const outcome = confirmAndVerify(library.db, REVIEWER, refOf(library, id));
    expect(outcome.result).toBe(3);
    const letter = letterOf(library, id);
    expect(letter.status).toBe('verified');
    expect(letter.items.map((item) => item.status)).toEqual(['confirmed', 'confirmed', 'confirmed']);
    expect(letter.warningCount).toBe(0);
    undo(library.db);
    expect(letterOf(library, id).items.map((item) => item.status)).toEqual(['unreviewed', 'unreviewed', 'unreviewed']);
    expect(letterOf(library, id).status).toBe('unreviewed');
  });
});

describe('what reviewers corrected', () => {
  it('counts, per field, the values changed from the parser’s on verified letters, and lists them', () => {
    const library = temp.library();
    const [a, b] = addLetters(library, [THREE_ITEMS, { ...THREE_ITEMS, caseNumber: 'CM16-0000002' }]) as [number, number];
    editItemField(library.db, REVIEWER, refOf(library, a), letterOf(library, a).items[2]!.id, 'service', { value: 'Norco 10/325mg #90' });
    editItemField(library.db, REVIEWER, refOf(library, b), letterOf(library, b).items[0]!.id, 'service', { value: 'Not counted: not verified' });
    confirmAndVerify(library.db, REVIEWER, refOf(library, a));
    const report = correctionsReport(library.db);
    expect(report.verifiedLetters).toBe(1);
    expect(report.fields.find((f) => f.field === 'service')).toEqual({ field: 'service', scope: 'item', values: 3, corrected: 1 });
    expect(report.fields.find((f) => f.field === 'caseNumber')).toEqual({ field: 'caseNumber', scope: 'letter', values: 1, corrected: 0 });
    expect(listCorrections(library.db, 'service', 10)).toEqual([
      { letterId: a, letterLabel: 'CM16-0000001', itemNumber: 3, field: 'service', parser: 'Norco 10/325mg #120', reviewer: 'Norco 10/325mg #90' },
    ]);
  });
});
