/** The order Tab walks through fields: the letter's, then each item's. */
import type { StoredLetter } from '../../../shared/library.ts';
import type { FieldTarget } from '../fields.ts';
import { LETTER_FIELD_ORDER, MAIN_ITEM_FIELDS, PARTIAL_ITEM_FIELDS, sameTarget } from '../fields.ts';

export function fieldOrder(letter: StoredLetter): FieldTarget[] {
  const targets: FieldTarget[] = LETTER_FIELD_ORDER.map((field) => ({ kind: 'letter', field }));
  for (const item of letter.items) {
    targets.push({ kind: 'item', itemId: item.id, field: 'decision' });
    for (const field of MAIN_ITEM_FIELDS) targets.push({ kind: 'item', itemId: item.id, field });
    for (const field of PARTIAL_ITEM_FIELDS) if (item[field] !== null) targets.push({ kind: 'item', itemId: item.id, field });
  }
  return targets;
}

export function stepField(letter: StoredLetter, from: FieldTarget | null, step: 1 | -1): FieldTarget | null {
  const order = fieldOrder(letter);
  if (order.length === 0) return null;
  const index = order.findIndex((target) => sameTarget(target, from));
  if (index < 0) return order[step === 1 ? 0 : order.length - 1]!;
  return order[(index + step + order.length) % order.length]!;
}

/** The item the focus is in, or the first item. */
export function focusedItemIndex(letter: StoredLetter, focused: FieldTarget | null): number {
  if (focused?.kind !== 'item') return letter.items.length > 0 ? 0 : -1;
  return letter.items.findIndex((item) => item.id === focused.itemId);
}
