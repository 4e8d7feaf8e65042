/**
 * Each published figure beside the library's own: over the library's letters decided in the
 * figure's years when it has any, else over all its letters, with the verdict whether the
 * published value lies inside the library's 95% interval. Listed by measure, then year.
 */
import { HEADLINE_SELECTIONS, MEASURE_FIGURES, REFERENCE_MEASURES } from '../../shared/insights.ts';
import type { Estimate, ReferenceComparison, ReferenceFigure, ReferenceMeasure, YearSpan } from '../../shared/insights.ts';
import type { ItemCounts, ItemCountsByYear, LetterCounts, LetterCountsByGroup } from '../storage/index.ts';
import { headlineOf } from './headline.ts';
import { REFERENCE_FIGURES } from './referenceFigures.ts';

export function compareWithReferences(
  letters: LetterCountsByGroup,
  items: ItemCountsByYear,
  figures: readonly ReferenceFigure[] = REFERENCE_FIGURES,
): ReferenceComparison[] {
  const overall = headlineOf(letters.all, items.all);
  const ordered = figures.filter(isHeadlineFigure).sort(
    (a, b) => REFERENCE_MEASURES.indexOf(a.measure) - REFERENCE_MEASURES.indexOf(b.measure) || a.years.from - b.years.from,
  );
  return ordered.map((figure) => {
    const years = yearsIn(figure.years, letters);
    const headline = years.length === 0 ? overall : headlineOf(sumLetters(letters, years), sumItems(items, years));
    const period = years.length === 0 ? null : figure.years;
    const library: Estimate = headline[MEASURE_FIGURES[figure.measure]];
    const selection = { ...HEADLINE_SELECTIONS[MEASURE_FIGURES[figure.measure]], ...(period === null ? {} : { decidedIn: decidedIn(period) }) };
    return { figure, period, library, verdict: verdictOf(figure.value, library), selection };
  });
}

/** A figure the library's headline states too (not a share in DWC's taxonomy, which is set beside the library by year). */
function isHeadlineFigure(figure: ReferenceFigure): figure is ReferenceFigure & { readonly measure: ReferenceMeasure } {
  return figure.measure !== 'dwc-share';
}

export function verdictOf(value: number, library: Estimate): ReferenceComparison['verdict'] {
  if (library.interval === null) return 'no-data';
  return value >= library.interval.low && value <= library.interval.high ? 'inside' : 'outside';
}

/** The library's decision years within the span. */
function yearsIn(span: YearSpan, letters: LetterCountsByGroup): string[] {
  return letters.by.year
    .map((group) => group.key)
    .filter((year): year is string => year !== null && Number(year) >= span.from && Number(year) <= span.to);
}

function decidedIn(span: YearSpan): string {
  return span.from === span.to ? String(span.from) : `${span.from}..${span.to}`;
}

function sumLetters(letters: LetterCountsByGroup, years: readonly string[]): LetterCounts {
  return sumOf(letters.by.year.filter((group) => group.key !== null && years.includes(group.key)), [
    'letters', 'lettersWithItems', 'multiItemLetters', 'items', 'upheld', 'overturned', 'itemsSquared',
  ]);
}

function sumItems(items: ItemCountsByYear, years: readonly string[]): ItemCounts {
  return sumOf(items.byYear.filter((group) => group.year !== null && years.includes(group.year)), [
    'items', 'partial', 'partialUpheld', 'partialOverturned', 'drugItems', 'opioidDrugItems',
  ]);
}

function sumOf<K extends string>(rows: readonly Readonly<Record<K, number>>[], keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((key) => [key, rows.reduce((total, row) => total + row[key], 0)])) as Record<K, number>;
}
