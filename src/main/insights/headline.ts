/** The headline figures from the letter and item counts of one set of letters. */
import type { Headline } from '../../shared/insights.ts';
import type { ItemCounts, LetterCounts } from '../storage/index.ts';
import { meanEstimate, proportion } from './intervals.ts';

export function headlineOf(letters: LetterCounts, items: ItemCounts): Headline {
  const decided = letters.upheld + letters.overturned;
  const partialDecided = items.partialUpheld + items.partialOverturned;
  return {
    letters: letters.letters,
    lettersWithoutItems: letters.letters - letters.lettersWithItems,
    items: letters.items,
    undecided: letters.items - decided,
    upheld: proportion(letters.upheld, decided),
    overturned: proportion(letters.overturned, decided),
    itemsPerLetter: meanEstimate(letters.lettersWithItems, letters.items, letters.itemsSquared),
    multiItemLetters: proportion(letters.multiItemLetters, letters.lettersWithItems),
    partial: proportion(items.partial, items.items),
    partialUpheld: proportion(items.partialUpheld, partialDecided),
    drugItems: proportion(items.drugItems, items.items),
    opioidDrugItems: proportion(items.opioidDrugItems, items.drugItems),
  };
}
