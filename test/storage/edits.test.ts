import { describe, expect, it } from 'vitest';
import {
  InvalidEditError,
  LetterReadOnlyError,
  ReviewerNotSetError,
} from '../../src/main/storage/errors.ts';
import { listLetterHistory } from '../../src/main/storage/history.ts';
import { setDecision, setItemStatus, updateItemField } from '../../src/main/storage/itemEdits.ts';
import { addItem, deleteItem, mergeItems, reorderItems, splitItem } from '../../src/main/storage/itemStructure.ts';
import { flagLetter, reopenLetter, updateLetterField, verifyLetter } from '../../src/main/storage/letterEdits.ts';
import { getLetter, insertParsedLetter } from '../../src/main/storage/letters.ts';
import { addNote, deleteNote } from '../../src/main/storage/notes.ts';
import { openLibrary } from '../../src/main/storage/library.ts';
import { getReviewer, setReviewer } from '../../src/main/storage/reviewer.ts';
import type { Db } from '../../src/main/storage/sql.ts';
import { createTag, tagItem } from '../../src/main/storage/tags.ts';
import { buildLetter, slice, useTempFolder } from './helpers.ts';

const temp = useTempFolder();

function libraryWithLetter(reviewer: string | null = 'Dana Reyes'): { db: Db; letterId: number; itemIds: number[] } {
  const { db } = temp.library(reviewer === null ? {} : { reviewer });
  const { source, parsed } = buildLetter({
    items: [
      { service: 'MRI lumbar spine', decision: 'Upheld', warnings: ['guideline-missing'] },
      { service: 'Acupuncture x6', decision: 'Overturned' },
      { service: 'Cold therapy unit', decision: null, warnings: ['decision-missing'] },
    ],
  });
  const { letterId } = insertParsedLetter(db, source, parsed, null);
  const itemIds = getLetter(db, letterId)?.items.map((item) => item.id) ?? [];
  return { db, letterId, itemIds };
}

function items(db: Db, letterId: number) {
  return getLetter(db, letterId)?.items ?? [];
}

describe('reviewer identity', () => {
  it('is required before any edit and kept in the library file', () => {
    const { db, itemIds } = libraryWithLetter(null);
    expect(getReviewer(db)).toBeNull();
    expect(() => updateItemField(db, itemIds[0] ?? 0, 'service', 'MRI')).toThrow(ReviewerNotSetError);
    expect(() => setReviewer(db, '   ')).toThrow(InvalidEditError);
    setReviewer(db, '  Dana Reyes ');
    db.close();

    const reopened = openLibrary(db.name);
    expect(getReviewer(reopened.db)).toBe('Dana Reyes');
    reopened.close();
  });
});

describe('item field edits', () => {
  it('records old and new value, marks the field human-edited, moves the span, stamps the reviewer', () => {
    const { db, letterId, itemIds } = libraryWithLetter();
    const [mriId = 0] = itemIds;
    const text = getLetter(db, letterId)?.text ?? '';
    const newSpan: [number, number] = [text.indexOf('MRI'), text.indexOf('MRI') + 3];

    expect(updateItemField(db, mriId, 'service', 'MRI', { span: newSpan })).toBe(true);

    const mri = items(db, letterId)[0];
    expect(mri?.service).toBe('MRI');
    expect(mri?.humanEdited).toEqual(['service']);
    expect(slice(text, mri?.spans.service)).toBe('MRI');
    const history = listLetterHistory(db, letterId);
    expect(history.map(({ field, oldValue, newValue, reviewer, entityId }) => ({ field, oldValue, newValue, reviewer, entityId })))
      .toEqual([
        { field: 'service', oldValue: 'MRI lumbar spine', newValue: 'MRI', reviewer: 'Dana Reyes', entityId: mriId },
        {
          field: 'service.span',
          oldValue: JSON.stringify([newSpan[0], newSpan[0] + 'MRI lumbar spine'.length]),
          newValue: JSON.stringify(newSpan),
          reviewer: 'Dana Reyes',
          entityId: mriId,
        },
      ]);
    expect(getLetter(db, letterId)?.status).toBe('in_progress');
  });

  it('treats an unchanged value as no edit', () => {
    const { db, letterId, itemIds } = libraryWithLetter();
    expect(updateItemField(db, itemIds[0] ?? 0, 'service', 'MRI lumbar spine')).toBe(false);
    expect(listLetterHistory(db, letterId)).toEqual([]);
    expect(items(db, letterId)[0]?.humanEdited).toEqual([]);
  });

  it('updates decision counts and refuses decisions that are not Upheld or Overturned', () => {
    const { db, letterId, itemIds } = libraryWithLetter();
    setDecision(db, itemIds[2] ?? 0, 'Overturned');
    const letter = getLetter(db, letterId);
    expect([letter?.upheldCount, letter?.overturnedCount]).toEqual([1, 2]);
    expect(() => updateItemField(db, itemIds[0] ?? 0, 'decision', 'Modified')).toThrow(InvalidEditError);
    expect(() => updateItemField(db, itemIds[0] ?? 0, 'position' as never, '3')).toThrow(InvalidEditError);
  });

  it('records item review status changes', () => {
    const { db, letterId, itemIds } = libraryWithLetter();
    setItemStatus(db, itemIds[1] ?? 0, 'confirmed');
    expect(items(db, letterId)[1]?.status).toBe('confirmed');
    expect(listLetterHistory(db, letterId).map((h) => [h.action, h.oldValue, h.newValue])).toEqual([
      ['set-item-status', 'unreviewed', 'confirmed'],
    ]);
  });

  it('corrects letter fields with history', () => {
    const { db, letterId } = libraryWithLetter();
    updateLetterField(db, letterId, 'caseNumber', 'CM16-0000002');
    expect(() => updateLetterField(db, letterId, 'format', 'F9')).toThrow(InvalidEditError);
    const letter = getLetter(db, letterId);
    expect(letter?.caseNumber).toBe('CM16-0000002');
    expect(letter?.humanEdited).toEqual(['caseNumber']);
    expect(listLetterHistory(db, letterId).map((h) => [h.entityType, h.field, h.oldValue, h.newValue])).toEqual([
      ['letter', 'caseNumber', 'CM16-0000001', 'CM16-0000002'],
    ]);
  });
});

describe('item list edits', () => {
  it('adds an item where asked, marked as the reviewer’s', () => {
    const { db, letterId, itemIds } = libraryWithLetter();
    const addedId = addItem(db, letterId, { values: { service: 'Home health aide', decision: 'Upheld' } }, 1);
    const after = items(db, letterId);
    expect(after.map((item) => item.id)).toEqual([itemIds[0], addedId, itemIds[1], itemIds[2]]);
    expect(after.map((item) => item.position)).toEqual([0, 1, 2, 3]);
    expect(after[1]?.addedByReviewer).toBe(true);
    expect(after[1]?.humanEdited).toEqual(['service', 'decision']);
    expect(getLetter(db, letterId)?.itemCount).toBe(4);
    expect(() => addItem(db, letterId, {}, 9)).toThrow(InvalidEditError);
  });

  it('deletes an item, keeping a copy in history and closing the gap', () => {
    const { db, letterId, itemIds } = libraryWithLetter();
    deleteItem(db, itemIds[0] ?? 0);
    const after = items(db, letterId);
    expect(after.map((item) => [item.id, item.position])).toEqual([
      [itemIds[1], 0],
      [itemIds[2], 1],
    ]);
    const [entry] = listLetterHistory(db, letterId);
    expect(entry?.action).toBe('delete-item');
    expect(JSON.parse(entry?.oldValue ?? '{}').service).toBe('MRI lumbar spine');
    const letter = getLetter(db, letterId);
    expect([letter?.itemCount, letter?.upheldCount, letter?.warningCount]).toEqual([2, 0, 1]);
  });

  it('reorders items and rejects orders that are not a permutation', () => {
    const { db, letterId, itemIds } = libraryWithLetter();
    const [a = 0, b = 0, c = 0] = itemIds;
    reorderItems(db, letterId, [c, a, b]);
    expect(items(db, letterId).map((item) => item.id)).toEqual([c, a, b]);
    expect(() => reorderItems(db, letterId, [a, b])).toThrow(InvalidEditError);
    expect(() => reorderItems(db, letterId, [a, a, b])).toThrow(InvalidEditError);
    expect(listLetterHistory(db, letterId).map((h) => [h.action, h.oldValue, h.newValue])).toEqual([
      ['reorder-items', JSON.stringify([a, b, c]), JSON.stringify([c, a, b])],
    ]);
  });

  it('splits an item into two, the second right after the first', () => {
    const { db, letterId, itemIds } = libraryWithLetter();
    const [mriId = 0] = itemIds;
    const secondId = splitItem(db, mriId, {
      first: { values: { rationale: 'Imaging is not indicated.' } },
      second: { values: { service: 'X-ray lumbar spine', decision: 'Upheld', rationale: 'Not indicated either.' } },
    });
    const after = items(db, letterId);
    expect(after.map((item) => item.id)).toEqual([mriId, secondId, itemIds[1], itemIds[2]]);
    expect(after[0]?.rationale).toBe('Imaging is not indicated.');
    expect(after[0]?.humanEdited).toEqual(['rationale']);
    expect(after[1]?.service).toBe('X-ray lumbar spine');
    expect(getLetter(db, letterId)?.upheldCount).toBe(2);
    expect(listLetterHistory(db, letterId).map((h) => h.action)).toEqual(['edit-field', 'split-item']);
  });

  it('merges two items, joining their text and moving tags and warnings', () => {
    const { db, letterId, itemIds } = libraryWithLetter();
    const [, acupunctureId = 0, coldId = 0] = itemIds;
    const tagId = createTag(db, { name: 'Check', colour: '#ff0000' });
    tagItem(db, coldId, tagId);
    mergeItems(db, acupunctureId, coldId);
    const after = items(db, letterId);
    expect(after.map((item) => item.id)).toEqual([itemIds[0], acupunctureId]);
    const merged = after[1];
    expect(merged?.service).toBe('Acupuncture x6 Cold therapy unit');
    expect(merged?.decision).toBe('Overturned');
    expect(merged?.tags.map((tag) => tag.name)).toEqual(['Check']);
    expect(merged?.warnings.map((w) => w.code)).toEqual(['decision-missing']);
    expect(merged?.humanEdited).toContain('service');
    expect(() => mergeItems(db, acupunctureId, acupunctureId)).toThrow(InvalidEditError);
  });
});

describe('letter status', () => {
  it('makes a verified letter read-only until it is reopened', () => {
    const { db, letterId, itemIds } = libraryWithLetter();
    const [mriId = 0] = itemIds;
    verifyLetter(db, letterId);
    const verified = getLetter(db, letterId);
    expect(verified?.status).toBe('verified');
    expect(verified?.verifiedBy).toBe('Dana Reyes');
    expect(verified?.verifiedAt).toMatch(/^\d{4}-\d\d-\d\dT/);

    expect(() => updateItemField(db, mriId, 'service', 'MRI')).toThrow(LetterReadOnlyError);
    expect(() => setDecision(db, mriId, 'Overturned')).toThrow(LetterReadOnlyError);
    expect(() => deleteItem(db, mriId)).toThrow(LetterReadOnlyError);
    expect(() => addItem(db, letterId)).toThrow(LetterReadOnlyError);
    expect(() => updateLetterField(db, letterId, 'caseNumber', 'x')).toThrow(LetterReadOnlyError);
    expect(() => flagLetter(db, letterId, 'typo')).toThrow(LetterReadOnlyError);
    expect(items(db, letterId)[0]?.service).toBe('MRI lumbar spine');

    reopenLetter(db, letterId);
    expect(getLetter(db, letterId)?.verifiedBy).toBeNull();
    expect(updateItemField(db, mriId, 'service', 'MRI')).toBe(true);
    expect(listLetterHistory(db, letterId).map((h) => [h.field, h.oldValue, h.newValue])).toEqual([
      ['status', 'unreviewed', 'verified'],
      ['status', 'verified', 'in_progress'],
      ['service', 'MRI lumbar spine', 'MRI'],
    ]);
  });

  it('flags with a reason and clears the flag on verification', () => {
    const { db, letterId } = libraryWithLetter();
    expect(() => flagLetter(db, letterId, ' ')).toThrow(InvalidEditError);
    flagLetter(db, letterId, 'Page 3 missing');
    expect(getLetter(db, letterId)?.flagReason).toBe('Page 3 missing');
    verifyLetter(db, letterId);
    const letter = getLetter(db, letterId);
    expect([letter?.status, letter?.flagReason]).toEqual(['verified', null]);
  });
});

describe('notes', () => {
  it('are signed by the reviewer and can be added to verified letters', () => {
    const { db, letterId } = libraryWithLetter();
    verifyLetter(db, letterId);
    const noteId = addNote(db, letterId, ' Second look: dates differ from the PDF. ');
    addNote(db, letterId, 'Checked.');
    expect(getLetter(db, letterId)?.notes.map(({ body, author }) => [body, author])).toEqual([
      ['Second look: dates differ from the PDF.', 'Dana Reyes'],
      ['Checked.', 'Dana Reyes'],
    ]);
    deleteNote(db, noteId);
    expect(getLetter(db, letterId)?.notes.map((note) => note.body)).toEqual(['Checked.']);
    expect(() => addNote(db, letterId, '')).toThrow(InvalidEditError);
  });
});
