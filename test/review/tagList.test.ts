/** The tag list as undoable changes: a scope change is applied (or refused when it would strand uses), and undone exactly. */
import { describe, expect, it } from 'vitest';
import { createTagChange, deleteTagChange, setItemTag, undo, updateTagChange } from '../../src/main/review/index.ts';
import { listTags } from '../../src/main/storage/index.ts';
import { useTempFolder } from '../storage/helpers.ts';
import { addLetters, letterOf, REVIEWER, refOf, THREE_ITEMS } from './helpers.ts';

const temp = useTempFolder();

describe('the tag list', () => {
  it('changes a tag\'s scope, refuses one that would strand its uses, and undoes a delete with every use', () => {
    const library = temp.library();
    const [letterId] = addLetters(library, [THREE_ITEMS]) as [number];
    const tagId = createTagChange(library.db, REVIEWER, { name: 'Check', colour: '#112233' }).result;
    updateTagChange(library.db, REVIEWER, tagId, { scope: 'item' });
    expect(listTags(library.db)[0]).toMatchObject({ scope: 'item' });
    const item = letterOf(library, letterId).items[0]!;
    setItemTag(library.db, REVIEWER, refOf(library, letterId), item.id, tagId, true);
    expect(() => updateTagChange(library.db, REVIEWER, tagId, { scope: 'letter' })).toThrow(/is on 1 items/);
    expect(listTags(library.db)[0]).toMatchObject({ scope: 'item', itemCount: 1 });

    const before = letterOf(library, letterId);
    const { result } = deleteTagChange(library.db, REVIEWER, tagId);
    expect(result.uses).toBe(1);
    expect(letterOf(library, letterId).items[0]!.tags).toEqual([]);
    undo(library.db);
    const { revision: _r, ...restored } = letterOf(library, letterId);
    const { revision: _b, ...original } = before;
    expect(restored).toEqual(original);
    expect(listTags(library.db)).toMatchObject([{ id: tagId, name: 'Check', scope: 'item', itemCount: 1 }]);
  });
});
