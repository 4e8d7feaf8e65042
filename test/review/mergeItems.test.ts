/**
 * Merging two items keeps the letter's order whichever item the reviewer keeps, and the item
 * kept carries the tags of both.
 */
import { describe, expect, it } from 'vitest';
import { mergeItems, setItemTag } from '../../src/main/review/index.ts';
import { createTag } from '../../src/main/storage/index.ts';
import type { StoredItem } from '../../src/shared/library.ts';
import { slice, useTempFolder } from '../storage/helpers.ts';
import { addLetters, letterOf, REVIEWER, refOf, THREE_ITEMS } from './helpers.ts';

const temp = useTempFolder();

describe('merging two items', () => {
  it('joins their values in the order the letter prints them when the later item is the one kept', () => {
    const library = temp.library();
    const [letterId] = addLetters(library, [THREE_ITEMS]) as [number];
    const [first, second] = letterOf(library, letterId).items as readonly [StoredItem, StoredItem];

    mergeItems(library.db, REVIEWER, refOf(library, letterId), second.id, first.id);

    const merged = letterOf(library, letterId);
    expect(merged.items.map((item) => item.id)).toEqual([second.id, merged.items[1]!.id]);
    const kept = merged.items[0]!;
    expect(kept.service).toBe('Lumbar MRI Physical therapy 2x6 for the knee');
    expect(kept.rationale).toBe('Imaging is not medically necessary. The therapy is medically necessary.');
    expect(kept.spans['service']!.map((span) => slice(merged.text, span))).toEqual(['Lumbar MRI', 'Physical therapy 2x6 for the knee']);
  });

  it("gives the item kept the other item's tags", () => {
    const library = temp.library();
    const [letterId] = addLetters(library, [THREE_ITEMS]) as [number];
    const [first, second] = letterOf(library, letterId).items as readonly [StoredItem, StoredItem];
    const imaging = createTag(library.db, { name: 'Imaging', colour: '#2f6fde', scope: 'item' });
    const therapy = createTag(library.db, { name: 'Therapy', colour: '#2fde6f', scope: 'item' });
    setItemTag(library.db, REVIEWER, refOf(library, letterId), first.id, imaging, true);
    setItemTag(library.db, REVIEWER, refOf(library, letterId), second.id, therapy, true);

    mergeItems(library.db, REVIEWER, refOf(library, letterId), first.id, second.id);

    expect(letterOf(library, letterId).items[0]!.tags.map((tag) => tag.name).sort()).toEqual(['Imaging', 'Therapy']);
  });
});
