/**
 * The library's items in DWC's taxonomy, year by year, beside the shares DWC and CWCI published
 * in it: each Request Category's share of the year's items, and each drug class's share of its
 * Pharmaceuticals items (an item with two classes counts under each), with every published
 * figure for that category or class and year.
 */
import { DWC_REQUEST_CATEGORIES } from '../../shared/dwcTaxonomy.ts';
import type { Facet } from '../../shared/derived.ts';
import type { DwcShare, DwcShareKey, ReferenceFigure } from '../../shared/insights.ts';
import type { FacetCounts, ItemCountsByYear } from '../storage/index.ts';
import { verdictOf } from './comparisons.ts';
import { proportion } from './intervals.ts';
import { REFERENCE_FIGURES } from './referenceFigures.ts';

/** The facets counted per year for these shares. */
export const DWC_YEAR_FACETS: readonly Facet[] = ['dwc-category', 'dwc-drug-class'];

const FACET_OF: Record<DwcShareKey['group'], Facet> = { category: 'dwc-category', 'drug-class': 'dwc-drug-class' };

export function dwcSharesOf(
  facetsByYear: readonly { readonly year: string; readonly facets: readonly FacetCounts[] }[],
  items: ItemCountsByYear,
  figures: readonly ReferenceFigure[] = REFERENCE_FIGURES,
): DwcShare[] {
  return facetsByYear.flatMap(({ year, facets }) => {
    const yearItems = items.byYear.find((group) => group.year === year)?.items ?? 0;
    const countOf = (key: DwcShareKey) => facets.find((row) => row.facet === FACET_OF[key.group] && row.value === key.id)?.items ?? 0;
    const pharmaceuticals = countOf({ group: 'category', id: 'pharmaceuticals' });
    const publishedFor = (key: DwcShareKey) =>
      figures.filter((figure) => figure.dwc?.group === key.group && figure.dwc.id === key.id && Number(year) >= figure.years.from && Number(year) <= figure.years.to);
    const share = (key: DwcShareKey): DwcShare => {
      const library = proportion(countOf(key), key.group === 'category' ? yearItems : pharmaceuticals);
      const selection = { decidedIn: year, item: { facets: [{ facet: FACET_OF[key.group], values: [key.id] }] } };
      const period = { from: Number(year), to: Number(year) };
      const published = publishedFor(key).map((figure) => ({ figure, period, library, verdict: verdictOf(figure.value, library), selection }));
      return { year: Number(year), key, library, published, selection };
    };
    const categories = DWC_REQUEST_CATEGORIES.map((term): DwcShareKey => ({ group: 'category', id: term.id }));
    const classes = facets
      .filter((row) => row.facet === 'dwc-drug-class')
      .sort((a, b) => b.items - a.items || a.value.localeCompare(b.value))
      .map((row): DwcShareKey => ({ group: 'drug-class', id: row.value }));
    const published = figures.flatMap((figure) => (figure.dwc?.group === 'drug-class' ? [figure.dwc] : []));
    const unseenClasses = published.filter((key, index) => !classes.some((seen) => seen.id === key.id) && published.findIndex((other) => other.id === key.id) === index);
    return [...categories, ...classes, ...unseenClasses]
      .map(share)
      .filter((row) => row.library.count > 0 || row.published.length > 0);
  });
}
