import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../src/main/storage/errors.ts';
import { addItem, addNote, flagLetter, reopenLetter, setItemStatus, updateItemField } from '../review/asReviewer.ts';
import { getLetter, insertParsedLetter } from '../../src/main/storage/letters.ts';
import { listReparseCandidates, replaceParse } from '../../src/main/storage/reparse.ts';
import { searchLetters } from '../../src/main/storage/search.ts';
import type { Db } from '../../src/main/storage/sql.ts';
import { createTag, tagItem, tagLetter } from '../../src/main/storage/tags.ts';
import { buildLetter, useTempFolder } from './helpers.ts';
import type { BuiltLetter } from './helpers.ts';

const temp = useTempFolder();

function version1(n: number): BuiltLetter {
  return buildLetter({
    caseNumber: `CM16-000000${n}`,
    parserVersion: '1.0.0',
    items: [{ service: `Physical therapy ${n}`, decision: null, warnings: ['decision-missing'] }],
  });
}

/** What parser 2.0.0 makes of the same text: it now finds the decision. */
function version2(letter: BuiltLetter): BuiltLetter['parsed'] {
  const [item] = letter.parsed.items;
  if (!item?.service) throw new Error('test letter has no item');
  const decisionStart = item.service.span[1] + 2;
  return {
    ...letter.parsed,
    parserVersion: '2.0.0',
    items: [{ ...item, decision: { value: 'Upheld', span: [decisionStart, decisionStart + 6] }, warnings: [] }],
  };
}

function libraryWith(count: number): { db: Db; letters: BuiltLetter[]; ids: number[] } {
  const { db } = temp.library({ reviewer: 'Dana Reyes' });
  const letters = Array.from({ length: count }, (_, n) => version1(n));
  const ids = letters.map((letter) => insertParsedLetter(db, letter.source, letter.parsed, null).letterId);
  return { db, letters, ids };
}

describe('replaceParse', () => {
  it('replaces the parse of an untouched letter and keeps its letter tags and notes', () => {
    const { db, letters, ids } = libraryWith(1);
    const [letterId = 0] = ids;
    const tagId = createTag(db, { name: 'Batch 3', colour: '#00aa00', scope: 'letter' });
    tagLetter(db, letterId, tagId);
    addNote(db, letterId, 'Imported from the March batch.');

    expect(replaceParse(db, letterId, version2(letters[0] as BuiltLetter))).toBe(true);
    const letter = getLetter(db, letterId);
    expect(letter?.parserVersion).toBe('2.0.0');
    expect(letter?.items.map((item) => item.decision)).toEqual(['Upheld']);
    expect([letter?.upheldCount, letter?.warningCount]).toEqual([1, 0]);
    expect(letter?.tags.map((tag) => tag.name)).toEqual(['Batch 3']);
    expect(letter?.notes).toHaveLength(1);
    expect(searchLetters(db, 'therapy').map((hit) => hit.letterId)).toEqual([letterId]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM items').get()).toEqual({ n: 1 });
  });

  it('refuses letters holding human work and leaves them exactly as they were', () => {
    const { db, letters, ids } = libraryWith(6);
    const itemOf = (index: number): number => getLetter(db, ids[index] ?? 0)?.items[0]?.id ?? 0;
    const tagId = createTag(db, { name: 'Odd', colour: '#aa0000', scope: 'item' });

    updateItemField(db, itemOf(1), 'decision', 'Overturned');
    addItem(db, ids[2] ?? 0, { values: { service: 'Missed item' } });
    tagItem(db, itemOf(3), tagId);
    flagLetter(db, ids[4] ?? 0, 'Check dates');
    reopenLetter(db, ids[4] ?? 0);
    setItemStatus(db, itemOf(5), 'confirmed');

    expect(listReparseCandidates(db, '2.0.0').map((candidate) => candidate.id)).toEqual([ids[0]]);
    for (const index of [1, 2, 3, 4, 5]) {
      const before = getLetter(db, ids[index] ?? 0);
      expect(replaceParse(db, ids[index] ?? 0, version2(letters[index] as BuiltLetter)), `letter ${index}`).toBe(false);
      expect(getLetter(db, ids[index] ?? 0)).toEqual(before);
    }
    expect(getLetter(db, ids[1] ?? 0)?.items[0]?.decision).toBe('Overturned');
    expect(() => replaceParse(db, 999, version2(letters[0] as BuiltLetter))).toThrow(NotFoundError);
  });
});

describe('listReparseCandidates', () => {
  it('lists untouched letters from other parser versions, in import order', () => {
    const { db, letters, ids } = libraryWith(3);
    replaceParse(db, ids[1] ?? 0, version2(letters[1] as BuiltLetter));
    expect(listReparseCandidates(db, '2.0.0')).toEqual([
      { id: ids[0], sha256: letters[0]?.source.sha256, filePath: '/letters/CM16-0000000.txt', parserVersion: '1.0.0' },
      { id: ids[2], sha256: letters[2]?.source.sha256, filePath: '/letters/CM16-0000002.txt', parserVersion: '1.0.0' },
    ]);
    expect(listReparseCandidates(db, '1.0.0').map((candidate) => candidate.id)).toEqual([ids[1]]);
  });
});
