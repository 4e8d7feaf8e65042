/**
 * A bar opens the queue on exactly the letters holding its items: each selection, as a queue
 * filter, against the letters of ./library.ts worked out by hand, and every group's letters
 * against the queue's count.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { InsightSelection } from '../../src/shared/insights.ts';
import { HEADLINE_SELECTIONS, queueFilterFor, withDecision } from '../../src/shared/insights.ts';
import { computeInsights } from '../../src/main/insights/index.ts';
import type { QueueFilter } from '../../src/shared/api.ts';
import type { Library } from '../../src/main/storage/index.ts';
import { countQueue, queryQueue } from '../../src/main/storage/index.ts';
import { useTempFolder } from '../storage/helpers.ts';
import type { LetterName } from './library.ts';
import { addHandWorkedLetters } from './library.ts';

const temp = useTempFolder();
let library: Library;
let ids: Record<LetterName, number>;

beforeEach(() => {
  library = temp.library({ reviewer: 'Test Reviewer' });
  ids = addHandWorkedLetters(library);
});

/** The letters the queue shows for a filter, by name, in import order. */
function lettersOf(filter: QueueFilter): string[] {
  const names = Object.fromEntries(Object.entries(ids).map(([name, id]) => [id, name]));
  return queryQueue(library.db, { ...filter, sort: 'import', offset: 0, limit: 100 }).map((row) => names[row.id]!);
}

const ALL: QueueFilter = {};
const VERIFIED: QueueFilter = { status: 'verified' };
const category = (value: string): InsightSelection => ({ item: { facets: [{ facet: 'category', values: [value] }] } });

describe('a selection as a queue filter', () => {
  it('opens the letters holding the items of one decision', () => {
    expect(lettersOf(queueFilterFor(ALL, HEADLINE_SELECTIONS.upheld!))).toEqual(['A', 'B', 'E']);
    expect(lettersOf(queueFilterFor(ALL, HEADLINE_SELECTIONS.overturned!))).toEqual(['A', 'C', 'D']);
    expect(lettersOf(queueFilterFor(ALL, HEADLINE_SELECTIONS.undecided!))).toEqual(['D']);
  });

  it('holds a facet value and a decision on the same item', () => {
    // Letter A has an upheld item and a drug item, but its drug item is the upheld one; D's drug items are undecided and overturned.
    expect(lettersOf(queueFilterFor(ALL, withDecision(category('prescription-drug'), 'Overturned')))).toEqual(['D']);
    expect(lettersOf(queueFilterFor(ALL, withDecision(category('prescription-drug'), 'Upheld')))).toEqual(['A', 'B', 'E']);
    expect(lettersOf(queueFilterFor(ALL, withDecision(category('physical-therapy'), 'Upheld')))).toEqual([]);
    expect(lettersOf(queueFilterFor(ALL, withDecision(category('prescription-drug'), 'none')))).toEqual(['D']);
  });

  it('holds two facets on the same item: drug items naming an opioid', () => {
    expect(lettersOf(queueFilterFor(ALL, HEADLINE_SELECTIONS.opioidDrugItems!))).toEqual(['A', 'D', 'E']);
    expect(lettersOf(queueFilterFor(ALL, withDecision(HEADLINE_SELECTIONS.opioidDrugItems!, 'Overturned')))).toEqual(['D']);
  });

  it('opens partial certifications, item counts, specialties and decision periods', () => {
    expect(lettersOf(queueFilterFor(ALL, HEADLINE_SELECTIONS.partial!))).toEqual(['B']);
    expect(lettersOf(queueFilterFor(ALL, withDecision(HEADLINE_SELECTIONS.partial!, 'Overturned')))).toEqual([]);
    expect(lettersOf(queueFilterFor(ALL, HEADLINE_SELECTIONS.multiItemLetters!))).toEqual(['A', 'B', 'D']);
    expect(lettersOf(queueFilterFor(ALL, HEADLINE_SELECTIONS.itemsPerLetter!))).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(lettersOf(queueFilterFor(ALL, { reviewerSpecialty: 'Orthopaedic Surgery' }))).toEqual(['A', 'C', 'F']);
    expect(lettersOf(queueFilterFor(ALL, { reviewerSpecialty: null }))).toEqual(['E']);
    expect(lettersOf(queueFilterFor(ALL, { decidedIn: '2017-01' }))).toEqual(['B', 'C', 'E']);
    expect(lettersOf(queueFilterFor(ALL, withDecision({ decidedIn: '2017-01' }, 'Overturned')))).toEqual(['C']);
    expect(lettersOf(queueFilterFor(ALL, { decidedIn: '2016' }))).toEqual(['A', 'F']);
    expect(lettersOf(queueFilterFor(ALL, { decidedIn: '2016..2017' }))).toEqual(['A', 'B', 'C', 'E', 'F']);
    expect(lettersOf(queueFilterFor(ALL, { decidedIn: 'unknown' }))).toEqual(['D']);
  });

  it("narrows the letters the insights were over, and adds to the filter's own item criteria", () => {
    expect(lettersOf(queueFilterFor(VERIFIED, withDecision(category('prescription-drug'), 'Upheld')))).toEqual(['A', 'B']);
    // Over the letters with an opioid item (A, D, E), the overturned items: A's therapy and D's Norco.
    const opioidLetters = queueFilterFor(ALL, { item: { facets: [{ facet: 'drug-class', values: ['opioid'] }] } });
    const overturned = queueFilterFor(opioidLetters, HEADLINE_SELECTIONS.overturned!);
    expect(overturned.items).toHaveLength(2);
    expect(lettersOf(overturned)).toEqual(['A', 'D']);
    expect(lettersOf(queueFilterFor(opioidLetters, withDecision(category('physical-therapy'), 'Overturned')))).toEqual(['A']);
  });

  it('gives every group of every breakdown its letters, and every published figure the letters it counts', () => {
    for (const scope of ['all', 'verified'] as const) {
      const insights = computeInsights(library.db, { scope, filter: {} });
      for (const breakdown of insights.breakdowns) {
        for (const row of breakdown.rows) {
          expect(countQueue(library.db, queueFilterFor(insights.letterFilter!, row.selection)), `${scope} ${breakdown.id} ${row.key}`).toBe(row.letters);
        }
      }
    }
    const insights = computeInsights(library.db, { scope: 'all', filter: {} });
    const upheld2016 = insights.comparisons.find((c) => c.figure.id === 'upheld-2016-cwci')!;
    expect(lettersOf(queueFilterFor(ALL, upheld2016.selection))).toEqual(['A']);
  });
});
