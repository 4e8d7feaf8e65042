/**
 * The headline decision figures of an export, for its dataset card: worked out in SQL over
 * the same letters the export writes, from the letters' item and decision counts.
 */
import type { Estimate, Proportion } from '../../shared/insights.ts';
import { count, describeMean, describeProportion } from '../../shared/insightsFormat.ts';
import { letterTotals } from '../storage/index.ts';
import type { Db, LetterCounts, QueueFilter } from '../storage/index.ts';
import { meanEstimate, proportion } from './intervals.ts';

export interface DecisionFigures {
  readonly letters: number;
  readonly items: number;
  readonly upheld: Proportion;
  readonly overturned: Proportion;
  readonly itemsPerLetter: Estimate;
  readonly multiItemLetters: Proportion;
}

export function decisionFigures(db: Db, filter: QueueFilter): DecisionFigures {
  return figuresOfCounts(letterTotals(db, filter));
}

/** The figures of letters counted elsewhere (a batch counts its letters as it writes them). */
export function figuresOfCounts(all: LetterCounts): DecisionFigures {
  const decided = all.upheld + all.overturned;
  return {
    letters: all.letters,
    items: all.items,
    upheld: proportion(all.upheld, decided),
    overturned: proportion(all.overturned, decided),
    itemsPerLetter: meanEstimate(all.lettersWithItems, all.items, all.itemsSquared),
    multiItemLetters: proportion(all.multiItemLetters, all.lettersWithItems),
  };
}

/** The figures as Markdown list lines, with what each counts. */
export function decisionFiguresMarkdown(figures: DecisionFigures): string[] {
  return [
    `- items upheld, of the ${count(figures.upheld.n)} with a decision: ${describeProportion(figures.upheld)}`,
    `- items overturned: ${describeProportion(figures.overturned)}`,
    `- items per letter, over the letters with at least one item: ${describeMean(figures.itemsPerLetter, 'letters')}`,
    `- letters with more than one item: ${describeProportion(figures.multiItemLetters)}`,
  ];
}
