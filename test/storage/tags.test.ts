import { describe, expect, it } from 'vitest';
import { InvalidEditError, NotFoundError } from '../../src/main/storage/errors.ts';
import { getLetter, insertParsedLetter } from '../../src/main/storage/letters.ts';
import {
  createTag,
  deleteTag,
  listTags,
  mergeTags,
  tagItem,
  tagLetter,
  untagLetter,
  updateTag,
} from '../../src/main/storage/tags.ts';
import type { Db } from '../../src/main/storage/sql.ts';
import { buildLetter, useTempFolder } from './helpers.ts';

const temp = useTempFolder();

function libraryWithLetters(count: number): { db: Db; letterIds: number[]; itemIds: number[] } {
  const { db } = temp.library({ reviewer: 'Dana Reyes' });
  const letterIds: number[] = [];
  for (let n = 0; n < count; n++) {
    const { source, parsed } = buildLetter({
      caseNumber: `CM16-000000${n}`,
      items: [{ service: `Service ${n}`, decision: 'Upheld' }],
    });
    letterIds.push(insertParsedLetter(db, source, parsed, null).letterId);
  }
  const itemIds = letterIds.map((id) => getLetter(db, id)?.items[0]?.id ?? 0);
  return { db, letterIds, itemIds };
}

function counts(db: Db): Record<string, [number, number]> {
  return Object.fromEntries(listTags(db).map((tag) => [tag.name, [tag.letterCount, tag.itemCount]]));
}

describe('tags', () => {
  it('are created, renamed, recoloured and given hotkeys, with unique names and hotkeys', () => {
    const { db } = libraryWithLetters(0);
    const urgentId = createTag(db, { name: 'Urgent', colour: '#FF0000', hotkey: '1', scope: 'letter' });
    createTag(db, { name: 'Unclear', colour: '#00ff00' });
    expect(() => createTag(db, { name: 'urgent', colour: '#000000' })).toThrow(/already exists/);
    expect(() => createTag(db, { name: 'Other', colour: '#000000', hotkey: '1' })).toThrow(/already used by tag "Urgent"/);
    expect(() => createTag(db, { name: 'Bad', colour: 'red' })).toThrow(InvalidEditError);

    updateTag(db, urgentId, { name: 'Priority', colour: '#0000FF', hotkey: 'p' });
    updateTag(db, urgentId, { colour: '#123456' });
    const priority = listTags(db).find((tag) => tag.id === urgentId);
    expect(priority).toMatchObject({ name: 'Priority', colour: '#123456', hotkey: 'p', scope: 'letter' });
    expect(() => updateTag(db, urgentId, { name: 'unclear' })).toThrow(InvalidEditError);
    updateTag(db, urgentId, { hotkey: null });
    expect(listTags(db).find((tag) => tag.id === urgentId)?.hotkey).toBeNull();
  });

  it('apply to letters and items within their scope, with use counts', () => {
    const { db, letterIds, itemIds } = libraryWithLetters(3);
    const letterOnly = createTag(db, { name: 'Letter tag', colour: '#111111', scope: 'letter' });
    const itemOnly = createTag(db, { name: 'Item tag', colour: '#222222', scope: 'item' });
    for (const letterId of letterIds) tagLetter(db, letterId, letterOnly);
    tagLetter(db, letterIds[0] ?? 0, letterOnly);
    tagItem(db, itemIds[1] ?? 0, itemOnly);
    expect(() => tagLetter(db, letterIds[0] ?? 0, itemOnly)).toThrow(/for items, not letters/);
    expect(() => tagItem(db, itemIds[0] ?? 0, letterOnly)).toThrow(InvalidEditError);
    expect(() => tagLetter(db, 999, letterOnly)).toThrow(NotFoundError);

    untagLetter(db, letterIds[2] ?? 0, letterOnly);
    expect(counts(db)).toEqual({ 'Item tag': [0, 1], 'Letter tag': [2, 0] });
    expect(getLetter(db, letterIds[1] ?? 0)?.items[0]?.tags.map((tag) => tag.name)).toEqual(['Item tag']);
    expect(getLetter(db, letterIds[0] ?? 0)?.tags.map((tag) => tag.name)).toEqual(['Letter tag']);
  });

  it('merge into one tag without double-counting shared uses, widening the scope', () => {
    const { db, letterIds, itemIds } = libraryWithLetters(3);
    const [a = 0, b = 0, c = 0] = letterIds;
    const keep = createTag(db, { name: 'Needs review', colour: '#111111', scope: 'letter' });
    const gone = createTag(db, { name: 'Check again', colour: '#222222', scope: 'both' });
    tagLetter(db, a, keep);
    tagLetter(db, b, keep);
    tagLetter(db, b, gone);
    tagLetter(db, c, gone);
    tagItem(db, itemIds[0] ?? 0, gone);

    mergeTags(db, gone, keep);
    expect(counts(db)).toEqual({ 'Needs review': [3, 1] });
    expect(listTags(db)[0]?.scope).toBe('both');
    expect(() => mergeTags(db, keep, keep)).toThrow(InvalidEditError);
    expect(() => mergeTags(db, gone, keep)).toThrow(NotFoundError);
  });

  it('deleted take their uses with them, not the letters', () => {
    const { db, letterIds, itemIds } = libraryWithLetters(2);
    const tagId = createTag(db, { name: 'Temp', colour: '#333333' });
    tagLetter(db, letterIds[0] ?? 0, tagId);
    tagItem(db, itemIds[1] ?? 0, tagId);
    deleteTag(db, tagId);
    expect(listTags(db)).toEqual([]);
    expect(db.prepare('SELECT (SELECT COUNT(*) FROM letter_tags) + (SELECT COUNT(*) FROM item_tags) AS n').get()).toEqual({
      n: 0,
    });
    expect(db.prepare('SELECT COUNT(*) AS n FROM letters').get()).toEqual({ n: 2 });
    expect(() => deleteTag(db, tagId)).toThrow(NotFoundError);
  });
});
