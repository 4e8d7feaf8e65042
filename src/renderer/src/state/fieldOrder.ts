/** The fields in the order the fields pane shows them (and Tab reaches them): the letter's, then each item's. */
import type { StoredLetter } from '../../../shared/library.ts';
import type { FieldTarget } from '../fields.ts';
import { LETTER_FIELD_ORDER, MAIN_ITEM_FIELDS, PARTIAL_ITEM_FIELDS } from '../fields.ts';

export function fieldOrder(letter: StoredLetter): FieldTarget[] {
  const targets: FieldTarget[] = LETTER_FIELD_ORDER.map((field) => ({ kind: 'letter', field }));
  for (const item of letter.items) {
    targets.push({ kind: 'item', itemId: item.id, field: 'decision' });
    for (const field of MAIN_ITEM_FIELDS) targets.push({ kind: 'item', itemId: item.id, field });
    for (const field of PARTIAL_ITEM_FIELDS) if (item[field] !== null) targets.push({ kind: 'item', itemId: item.id, field });
  }
  return targets;
}

/** The item the focus is in, or the first item. */
export function focusedItemIndex(letter: StoredLetter, focused: FieldTarget | null): number {
  if (focused?.kind !== 'item') return letter.items.length > 0 ? 0 : -1;
  return letter.items.findIndex((item) => item.id === focused.itemId);
}
