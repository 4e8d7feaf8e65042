/**
 * Every figure of the insights against counts worked out by hand on the library described in
 * ./library.ts (real SQLite file, letters stored as an import stores them).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Breakdown, BreakdownId, GroupRow, Insights } from '../../src/shared/insights.ts';
import { computeInsights, meanEstimate, proportion, wilsonInterval } from '../../src/main/insights/index.ts';
import type { Library } from '../../src/main/storage/index.ts';
import { useTempFolder } from '../storage/helpers.ts';
import { addHandWorkedLetters } from './library.ts';

const temp = useTempFolder();
let library: Library;

beforeEach(() => {
  library = temp.library({ reviewer: 'Test Reviewer' });
  addHandWorkedLetters(library);
});

const insightsOf = (scope: 'all' | 'verified', filter = {}) => computeInsights(library.db, { scope, filter });

function breakdown(insights: Insights, id: BreakdownId): Breakdown {
  const found = insights.breakdowns.find((b) => b.id === id);
  if (!found) throw new Error(`no breakdown ${id}`);
  return found;
}

/** A breakdown's rows as [key, items, letters, upheld, overturned], in the order shown. */
function rowsOf(insights: Insights, id: BreakdownId): [string | null, number, number, number, number][] {
  return breakdown(insights, id).rows.map((row: GroupRow) => [row.key, row.items, row.letters, row.upheld, row.overturned]);
}

describe('the headline figures', () => {
  it('over every letter: 6 letters, 9 items, 5 of 8 decided upheld, 9 items in 5 letters', () => {
    const { headline } = insightsOf('all');
    expect(headline.letters).toBe(6);
    expect(headline.lettersWithoutItems).toBe(1);
    expect(headline.items).toBe(9);
    expect(headline.undecided).toBe(1);
    expect(headline.upheld).toEqual(proportion(5, 8));
    expect(headline.overturned).toEqual(proportion(3, 8));
    // Items per letter 2, 3, 1, 2, 1: sum 9, squares 19, mean 1.8, s² = (19 - 5·1.8²)/4 = 0.7.
    expect(headline.itemsPerLetter).toEqual(meanEstimate(5, 9, 19));
    expect(headline.itemsPerLetter.value).toBeCloseTo(1.8, 10);
    expect(headline.itemsPerLetter.interval!.low).toBeCloseTo(1.8 - 1.959964 * Math.sqrt(0.7 / 5), 5);
    expect(headline.multiItemLetters).toEqual(proportion(3, 5));
    expect(headline.partial).toEqual(proportion(1, 9));
    expect(headline.partialUpheld).toEqual(proportion(1, 1));
    // Drug items: the three Norco, gabapentin, cyclobenzaprine; opioids: the three Norco.
    expect(headline.drugItems).toEqual(proportion(5, 9));
    expect(headline.opioidDrugItems).toEqual(proportion(3, 5));
    expect(headline.upheld.interval).toEqual(wilsonInterval(5, 8));
  });

  it('over the verified letters A, B and C: 6 items, 4 of 6 upheld, items per letter 2', () => {
    const { headline, letterFilter } = insightsOf('verified');
    expect(letterFilter).toEqual({ status: 'verified' });
    expect(headline.letters).toBe(3);
    expect(headline.items).toBe(6);
    expect(headline.upheld).toEqual(proportion(4, 6));
    // 2, 3, 1: mean 2, s² = (14 - 12)/2 = 1, half-width 1.959964·√(1/3) = 1.13159.
    expect(headline.itemsPerLetter.value).toBe(2);
    expect(headline.itemsPerLetter.interval!.high).toBeCloseTo(3.13159, 4);
    expect(headline.drugItems).toEqual(proportion(2, 6));
    expect(headline.opioidDrugItems).toEqual(proportion(1, 2));
    expect(headline.partial).toEqual(proportion(1, 6));
  });

  it("over the queue's filter: the letters with an Overturned item (A, C, D)", () => {
    const { headline } = insightsOf('all', { decision: 'Overturned' });
    expect([headline.letters, headline.items, headline.upheld.count, headline.overturned.count, headline.undecided]).toEqual([3, 5, 1, 3, 1]);
  });

  it('has no letters when the filter and the scope exclude each other', () => {
    const insights = insightsOf('verified', { status: 'unreviewed' });
    expect(insights.letterFilter).toBeNull();
    expect(insights.headline.letters).toBe(0);
    expect(insights.headline.upheld).toEqual(proportion(0, 0));
    expect(insights.breakdowns.every((b) => b.rows.length === 0)).toBe(true);
  });
});

describe('the breakdowns', () => {
  it('by service category, most items first, each item once', () => {
    expect(rowsOf(insightsOf('all'), 'category')).toEqual([
      ['prescription-drug', 5, 4, 3, 1],
      ['acupuncture', 1, 1, 0, 1],
      ['chiropractic', 1, 1, 1, 0],
      ['imaging', 1, 1, 1, 0],
      ['physical-therapy', 1, 1, 0, 1],
    ]);
    const drugs = breakdown(insightsOf('all'), 'category').rows[0]!;
    expect(drugs.label).toBe('Prescription drug');
    expect(drugs.upheldShare).toEqual(proportion(3, 4));
  });

  it('by drug class, opioids first', () => {
    expect(rowsOf(insightsOf('all'), 'drug-class')).toEqual([
      ['opioid', 3, 3, 2, 1],
      ['anticonvulsant', 1, 1, 1, 0],
      ['muscle-relaxant', 1, 1, 0, 0],
    ]);
  });

  it("by MAXIMUS's guideline source, MTUS part and chapter", () => {
    const insights = insightsOf('all');
    expect(rowsOf(insights, 'guideline-source')).toEqual([
      ['mtus', 7, 5, 3, 3],
      ['odg', 2, 1, 2, 0],
    ]);
    expect(rowsOf(insights, 'mtus-part')).toEqual([
      ['chronic-pain', 4, 3, 2, 1],
      ['acoem-2004', 1, 1, 1, 0],
      ['acupuncture', 1, 1, 0, 1],
      ['postsurgical', 1, 1, 0, 1],
    ]);
    expect(rowsOf(insights, 'guideline-topic')).toEqual([
      ['chronic-pain', 4, 3, 2, 1],
      ['low-back', 2, 1, 2, 0],
      ['acupuncture', 1, 1, 0, 1],
      ['pain', 1, 1, 1, 0],
      ['postsurgical', 1, 1, 0, 1],
    ]);
  });

  it('by reviewer specialty, with the letter that prints none', () => {
    expect(rowsOf(insightsOf('all'), 'reviewer-specialty')).toEqual([
      ['Pain Medicine', 5, 2, 3, 1],
      ['Orthopaedic Surgery', 3, 3, 1, 2],
      [null, 1, 1, 1, 0],
    ]);
    expect(breakdown(insightsOf('all'), 'reviewer-specialty').rows[2]!.label).toBe('(not printed)');
  });

  it('by month of decision, in time order, the undated last', () => {
    const months = breakdown(insightsOf('all'), 'decision-month').rows;
    expect(months.map((row) => [row.key, row.label, row.items, row.letters, row.upheld, row.overturned])).toEqual([
      ['2016-12', 'Dec 2016', 2, 2, 1, 1],
      ['2017-01', 'Jan 2017', 5, 3, 4, 1],
      [null, '(no readable date)', 2, 1, 0, 1],
    ]);
    expect(insightsOf('all').years).toEqual({ from: 2016, to: 2017 });
  });

  it('by whether the Claims Administrator cited evidence', () => {
    expect(rowsOf(insightsOf('all'), 'ca-evidence')).toEqual([
      ['cited', 4, 3, 2, 2],
      ['none-cited', 4, 4, 3, 1],
      ['missing', 1, 1, 0, 0],
    ]);
  });
});

describe('beside the published figures', () => {
  const comparison = (insights: Insights, id: string) => insights.comparisons.find((c) => c.figure.id === id)!;

  it("uses the library's letters of the figure's year where it has any", () => {
    // 2016: letters A and F; A's items: 1 upheld of 2 decided. Wilson 1 of 2 is 0.0945-0.9055.
    const upheld2016 = comparison(insightsOf('all'), 'upheld-2016-cwci');
    expect(upheld2016.period).toEqual({ from: 2016, to: 2016 });
    expect(upheld2016.library).toEqual(proportion(1, 2));
    expect(upheld2016.verdict).toBe('outside');
    expect(upheld2016.selection).toEqual({ item: { decision: 'Upheld' }, decidedIn: '2016' });
    // 2016-2017: A, B, C, E, F; drug items Norco (A), gabapentin (B), Norco (E); two opioids. 0.3 is inside 0.208-0.939.
    const opioids = comparison(insightsOf('all'), 'opioids-2016-2017');
    expect(opioids.library).toEqual(proportion(2, 3));
    expect(opioids.verdict).toBe('inside');
    expect(opioids.selection.decidedIn).toBe('2016..2017');
  });

  it('uses every letter where the library has none of that year, and says which is outside', () => {
    const insights = insightsOf('all');
    const upheld2015 = comparison(insights, 'upheld-2015-cwci');
    expect(upheld2015.period).toBeNull();
    expect(upheld2015.library).toEqual(proportion(5, 8));
    // 5 of 8: Wilson 0.306-0.863, so CWCI's 88.6% lies outside.
    expect(upheld2015.verdict).toBe('outside');
    const items2015 = comparison(insights, 'items-2015-cwci');
    expect(items2015.library).toEqual(meanEstimate(5, 9, 19));
    expect(items2015.verdict).toBe('inside');
    expect(comparison(insights, 'multi-2015-cwci').library).toEqual(proportion(3, 5));
  });

  it('has no verdict without letters', () => {
    expect(insightsOf('verified', { status: 'flagged' }).comparisons.every((c) => c.verdict === 'no-data')).toBe(true);
  });

  it('lists the figures by measure, then year, each with its source', () => {
    const measures = insightsOf('all').comparisons.map((c) => c.figure.measure);
    expect(measures.indexOf('overturned-share')).toBeGreaterThan(measures.lastIndexOf('upheld-share'));
    for (const { figure } of insightsOf('all').comparisons) {
      expect(figure.source.publisher.length).toBeGreaterThan(0);
      expect(figure.source.title.length).toBeGreaterThan(0);
    }
  });

  it("in DWC's taxonomy by decision year, beside the shares DWC and CWCI published for that year", () => {
    const shares = insightsOf('all').dwcShares;
    const row = (year: number, id: string) => shares.find((share) => share.year === year && share.key.id === id);
    // 2016: A's Norco and physical therapy (F has no items); 2017: B's three items, C's acupuncture, E's Norco.
    expect([row(2016, 'pharmaceuticals')?.library.count, row(2016, 'pharmaceuticals')?.library.n]).toEqual([1, 2]);
    expect([row(2016, 'rehabilitation')?.library.count, row(2017, 'rehabilitation')?.library.count, row(2017, 'rehabilitation')?.library.n]).toEqual([1, 2, 5]);
    expect([row(2017, 'diagnostic-testing')?.library.count, row(2017, 'pharmaceuticals')?.library.count]).toEqual([1, 2]);
    // A drug class is a share of the year's Pharmaceuticals items.
    expect([row(2017, 'opioids')?.library.count, row(2017, 'opioids')?.library.n, row(2017, 'anti-epilepsy-drugs')?.library.count]).toEqual([1, 2, 1]);
    expect(row(2016, 'pharmaceuticals')?.published.map((c) => [c.figure.id, c.figure.source.short, c.figure.source.counts])).toEqual([
      ['drugs-2016-dwc', 'DWC', 'treatment requests decided, by report year'],
    ]);
    expect(row(2017, 'pharmaceuticals')?.published.map((c) => c.figure.id)).toEqual(['drugs-2017-cwci', 'drugs-2017-cwci-later']);
    expect(row(2017, 'opioids')?.published.map((c) => [c.figure.id, c.verdict])).toEqual([['opioids-2016-2017', 'inside']]);
    expect(row(2017, 'opioids')?.selection).toEqual({ decidedIn: '2017', item: { facets: [{ facet: 'dwc-drug-class', values: ['opioids'] }] } });
    // Years the letters do not cover are not shown, nor categories with neither items nor a published figure.
    expect(shares.some((share) => share.year === 2024 || (share.year === 2016 && share.key.id === 'surgery'))).toBe(false);
  });
});
