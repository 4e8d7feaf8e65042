/**
 * The insights' charts and tables, drawn with Observable Plot into any DOM document: the app's
 * page, or linkedom's for the report. Pure beyond the document it is given: no Node, no app code.
 */
import type { Insights } from '../shared/insights.ts';
import { breakdownChart } from './breakdownChart.ts';
import type { ChartSpec } from './chart.ts';
import { comparisonChart } from './comparisonChart.ts';
import { decisionsChart } from './decisionsChart.ts';
import { dwcYearChart } from './dwcChart.ts';
import { breakdownTable, comparisonTable, dwcShareTable, headlineTable, mtusPeriodTable } from './tables.ts';
import type { InsightTable } from './tables.ts';

export type { ChartBar, ChartSpec, DrawnChart } from './chart.ts';
export { BAR_ATTRIBUTE } from './dom.ts';
export type { ChartDocument, ChartElement } from './dom.ts';
export { shownRows, tableCsv } from './tables.ts';
export { headlineTiles } from './tiles.ts';
export type { Tile } from './tiles.ts';
export type { InsightTable, TableCell, TableRow } from './tables.ts';

/** One part of the insights: its charts, and the table of their figures. */
export interface InsightSection {
  readonly id: string;
  readonly title: string;
  readonly note: string;
  readonly charts: readonly ChartSpec[];
  readonly table: InsightTable;
}

/** "Verified letters" or "All letters", and whether the queue's filter narrows them. */
export function scopeLabel(insights: Insights): string {
  const scope = insights.query.scope === 'verified' ? 'Verified letters' : 'All letters';
  return Object.keys(insights.query.filter).length > 0 ? `${scope} in the queue's filter` : scope;
}

export function insightSections(insights: Insights): InsightSection[] {
  const scope = scopeLabel(insights);
  const shares = insights.comparisons.filter((c) => c.figure.measure !== 'items-per-letter');
  const perLetter = insights.comparisons.filter((c) => c.figure.measure === 'items-per-letter');
  return [
    {
      id: 'decisions',
      title: 'Decisions',
      note: 'Every decision item of the letters. Shares are of the items with a decision; items per letter and the letters with more than one item count the letters with at least one item.',
      charts: [decisionsChart(insights.headline, scope)],
      table: headlineTable(insights.headline),
    },
    {
      id: 'published',
      title: 'Beside the published figures',
      note: "Each published figure on DWC's IMR program beside the same figure of this library: over its letters decided in the figure's year where it has any, else over all its letters. Sources count letters and items in their own ways.",
      charts: [
        comparisonChart(shares, { id: 'published-shares', title: 'Beside the published figures: shares', axis: 'share', share: true }, scope),
        comparisonChart(perLetter, { id: 'published-items-per-letter', title: 'Beside the published figures: items per letter', axis: 'items per letter', share: false }, scope),
      ],
      table: comparisonTable(insights.comparisons),
    },
    {
      id: 'dwc',
      title: "In DWC's taxonomy, by year",
      note:
        "The library's items in DWC's Request Categories (a share of the year's items) and its Pharmaceuticals items in DWC's drug classes (a share of those), year by year, beside the shares DWC published (treatment requests decided, by report year) and CWCI published (decision items, by letter date).",
      charts: [
        comparisonChart(insights.dwcShares.flatMap((row) => row.published), { id: 'dwc-published', title: "In DWC's taxonomy: beside DWC's and CWCI's shares", axis: 'share', share: true, dwcNames: true }, scope),
        ...insights.dwcShares.length === 0 ? [] : [dwcYearChart(insights.dwcShares, scope)],
      ],
      table: dwcShareTable(insights.dwcShares),
    },
    ...insights.breakdowns.map((breakdown) => ({
      id: breakdown.id,
      title: breakdown.title,
      note: breakdown.note,
      charts: [breakdownChart(breakdown, scope)],
      table: breakdownTable(breakdown),
    })),
    {
      id: 'mtus',
      title: 'MTUS in force',
      note: "When each part of the MTUS was in force, which the rule checks test each MTUS citation against: the ACOEM chapters adopted by reference from 1 December 2017 chapter by chapter through the 2019, 2020 and 2021 updates.",
      charts: [],
      table: mtusPeriodTable(insights.mtusPeriods),
    },
  ];
}
