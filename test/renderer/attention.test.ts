import { describe, expect, it } from 'vitest';
import { setItemStatus } from '../../src/main/review/index.ts';
import { stepAttention, valuesNeedingAttention } from '../../src/renderer/src/attention.ts';
import { addLetters, letterOf, REVIEWER, refOf, THREE_ITEMS } from '../review/helpers.ts';
import { useTempFolder } from '../storage/helpers.ts';

const temp = useTempFolder();

describe('values needing attention', () => {
  it('lists open warnings (at their field, else the item’s decision) and unconfirmed items at their decision, each place once, in order', () => {
    const library = temp.library();
    const [id] = addLetters(library, [THREE_ITEMS]) as [number];
    const [first, second, third] = letterOf(library, id).items;
    setItemStatus(library.db, REVIEWER, refOf(library, id), second!.id, 'confirmed');
    // Item 1's warning names no field: it is shown, and asked about, at the item's decision.
    expect(valuesNeedingAttention(letterOf(library, id)).map((a) => [a.target, a.reason])).toEqual([
      [{ kind: 'item', itemId: first!.id, field: 'decision' }, 'test warning header-boundary-uncertain'],
      [{ kind: 'item', itemId: third!.id, field: 'decision' }, 'not confirmed yet'],
    ]);
  });

  it('steps forward and back from the focused field, wrapping around, and is empty on a verified letter', () => {
    const library = temp.library();
    const [id] = addLetters(library, [{ items: THREE_ITEMS.items.map(({ warnings: _w, ...item }) => item) }]) as [number];
    const letter = letterOf(library, id);
    const [a, b, c] = letter.items.map((item) => ({ kind: 'item' as const, itemId: item.id, field: 'decision' as const }));
    expect(stepAttention(letter, null, 1)?.target).toEqual(a);
    expect(stepAttention(letter, a!, 1)?.target).toEqual(b);
    expect(stepAttention(letter, c!, 1)?.target).toEqual(a);
    expect(stepAttention(letter, a!, -1)?.target).toEqual(c);
    expect(valuesNeedingAttention({ ...letter, status: 'verified' })).toEqual([]);
  });
});
