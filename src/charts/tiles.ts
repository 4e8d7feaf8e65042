/** The headline figures as tiles: a value, what it counts, and the items it opens in the queue. */
import { HEADLINE_SELECTIONS } from '../shared/insights.ts';
import type { Headline, InsightSelection } from '../shared/insights.ts';
import { count, decimal, percent, percentInterval } from '../shared/insightsFormat.ts';

export interface Tile {
  readonly label: string;
  readonly value: string;
  readonly detail: string;
  readonly selection: InsightSelection | null;
}

export function headlineTiles(h: Headline): Tile[] {
  const interval = (low: number | undefined, high: number | undefined) =>
    low === undefined || high === undefined ? 'no interval' : `95% CI ${decimal(low)}-${decimal(high)}`;
  return [
    {
      label: 'Items upheld',
      value: percent(h.upheld.value),
      detail: `95% CI ${percentInterval(h.upheld.interval)}; ${count(h.upheld.count)} of ${count(h.upheld.n)} with a decision`,
      selection: HEADLINE_SELECTIONS.upheld,
    },
    {
      label: 'Items per letter',
      value: decimal(h.itemsPerLetter.value),
      detail: `${interval(h.itemsPerLetter.interval?.low, h.itemsPerLetter.interval?.high)}; ${count(h.items)} items in ${count(h.itemsPerLetter.n)} letters`,
      selection: HEADLINE_SELECTIONS.itemsPerLetter,
    },
    {
      label: 'Letters with more than one item',
      value: percent(h.multiItemLetters.value),
      detail: `95% CI ${percentInterval(h.multiItemLetters.interval)}; ${count(h.multiItemLetters.count)} of ${count(h.multiItemLetters.n)}`,
      selection: HEADLINE_SELECTIONS.multiItemLetters,
    },
    {
      label: 'Partial certifications',
      value: percent(h.partial.value),
      detail: `${count(h.partial.count)} items; ${percent(h.partialUpheld.value)} of those decided upheld`,
      selection: HEADLINE_SELECTIONS.partial,
    },
    {
      label: 'Drug items',
      value: percent(h.drugItems.value),
      detail: `95% CI ${percentInterval(h.drugItems.interval)}; ${count(h.drugItems.count)} of ${count(h.drugItems.n)} items`,
      selection: HEADLINE_SELECTIONS.drugItems,
    },
    {
      label: 'Opioids, of the drug items',
      value: percent(h.opioidDrugItems.value),
      detail: `95% CI ${percentInterval(h.opioidDrugItems.interval)}; ${count(h.opioidDrugItems.count)} of ${count(h.opioidDrugItems.n)}`,
      selection: HEADLINE_SELECTIONS.opioidDrugItems,
    },
  ];
}
