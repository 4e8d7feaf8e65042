/** Reading an item as a change finds it: it must belong to the letter the change names. */
import type { ChangeDetails } from '../../shared/library.ts';
import type { Db, ItemState } from '../storage/index.ts';
import { InvalidEditError, letterLabel, readItemState } from '../storage/index.ts';

/** The item, refused unless it is one of the letter's: no change may reach another letter. */
export function itemOfLetter(db: Db, letterId: number, itemId: number): ItemState {
  const item = readItemState(db, itemId);
  if (item.letterId !== letterId) throw new InvalidEditError(`Item ${itemId} is not an item of ${letterLabel(db, letterId)}`);
  return item;
}

/** How the history names an item: its id, its place and its service when the change was made. */
export function itemDetails(item: ItemState): ChangeDetails {
  return { itemId: item.id, itemNumber: item.position + 1, itemService: item.values.service };
}
