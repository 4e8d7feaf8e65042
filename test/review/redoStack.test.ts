/**
 * A change made after an undo ends the redo stack: the abandoned change can never come back
 * over the new one (Ctrl+Shift+Z after a fresh edit offers nothing), whichever way it was made.
 */
import { describe, expect, it } from 'vitest';
import { applyBulk, editItemField, redo, undo, undoState } from '../../src/main/review/index.ts';
import { UndoUnavailableError } from '../../src/main/storage/index.ts';
import type { StoredItem } from '../../src/shared/library.ts';
import { useTempFolder } from '../storage/helpers.ts';
import { addLetters, letterOf, REVIEWER, refOf, THREE_ITEMS } from './helpers.ts';

const temp = useTempFolder();

describe('the redo stack', () => {
  it('is discarded by an edit made after an undo: the abandoned edit cannot be redone over it', () => {
    const library = temp.library();
    const [letterId] = addLetters(library, [THREE_ITEMS]) as [number];
    const item = letterOf(library, letterId).items[0]!;
    editItemField(library.db, REVIEWER, refOf(library, letterId), item.id, 'service', { value: 'Abandoned value' });
    undo(library.db);
    expect(undoState(library.db).redo?.details).toMatchObject({ to: 'Abandoned value' });

    editItemField(library.db, REVIEWER, refOf(library, letterId), item.id, 'service', { value: 'Kept value' });

    expect(undoState(library.db).redo).toBeNull();
    expect(() => redo(library.db)).toThrow(UndoUnavailableError);
    expect(letterOf(library, letterId).items[0]!.service).toBe('Kept value');
    undo(library.db);
    expect(letterOf(library, letterId).items[0]!.service).toBe('Lumbar MRI');
    expect(undoState(library.db).redo?.details).toMatchObject({ to: 'Kept value' });
  });

  it('is discarded by a bulk change made after an undo', () => {
    const library = temp.library();
    const [letterId] = addLetters(library, [THREE_ITEMS]) as [number];
    const [first, second] = letterOf(library, letterId).items as readonly [StoredItem, StoredItem];
    editItemField(library.db, REVIEWER, refOf(library, letterId), first.id, 'service', { value: 'Abandoned value' });
    undo(library.db);

    applyBulk(library.db, REVIEWER, [{ ...refOf(library, letterId), itemIds: [second.id] }], { kind: 'field', field: 'decision', value: 'Upheld' });

    expect(undoState(library.db).redo).toBeNull();
    expect(() => redo(library.db)).toThrow(UndoUnavailableError);
    expect(letterOf(library, letterId).items.map((item) => item.service)).toEqual(['Lumbar MRI', 'Physical therapy 2x6 for the knee', 'Norco 10/325mg #120']);
  });
});
