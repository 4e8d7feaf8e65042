/**
 * Published figures beside the library's own, as a forest plot: one row per published figure,
 * the library's 95% interval as a band with its estimate, and the published value as a
 * diamond, drawn in another colour and marked "outside" when it lies outside the interval.
 */
import * as Plot from '@observablehq/plot';
import type { ReferenceComparison } from '../shared/insights.ts';
import { dwcShareLabel, figureMeasureLabel, SAMPLE_CAVEAT } from '../shared/insights.ts';
import { count } from '../shared/insightsFormat.ts';
import type { ChartBar, ChartSpec } from './chart.ts';
import { tagBars } from './chart.ts';
import { labelWidth } from './breakdownChart.ts';
import { plotIn } from './dom.ts';
import { frameChart } from './frame.ts';
import { COLOURS, FONT, FONT_SIZE } from './palette.ts';

const ROW_HEIGHT = 24;

export interface ForestOptions {
  readonly id: string;
  readonly title: string;
  readonly axis: string;
  /** Shares run 0..100%; other measures get a domain from their values. */
  readonly share: boolean;
  /** Name each figure by the DWC category or drug class it states ("Pharmaceuticals items"), for the section in DWC's taxonomy. */
  readonly dwcNames?: boolean;
}

interface Row {
  readonly comparison: ReferenceComparison;
  readonly bar: number;
}

export function comparisonLabel(comparison: ReferenceComparison): string {
  const { figure } = comparison;
  const years = figure.years.from === figure.years.to ? String(figure.years.from) : `${figure.years.from}-${figure.years.to}`;
  return `${figureMeasureLabel(figure)}, ${years} (${figure.source.short})`;
}

/** "Pharmaceuticals, 2016 (DWC)"; a figure over years beside one of them says which: "Opioids (of drugs), 2016-17 (summaries) in 2016". */
function dwcComparisonLabel(comparison: ReferenceComparison): string {
  const { figure, period } = comparison;
  const name = figure.dwc ? dwcShareLabel(figure.dwc).replace(/ items$/, '').replace(', of Pharmaceuticals', ' (of drugs)') : figureMeasureLabel(figure);
  const years = figure.years.from === figure.years.to ? String(figure.years.from) : `${figure.years.from}-${String(figure.years.to).slice(2)}`;
  const beside = period !== null && (period.from !== figure.years.from || period.to !== figure.years.to) ? ` in ${period.from}` : '';
  return `${name}, ${years} (${figure.source.short})${beside}`;
}

export function periodLabel(comparison: ReferenceComparison): string {
  const { period } = comparison;
  if (period === null) return 'all letters';
  return period.from === period.to ? `letters decided in ${period.from}` : `letters decided ${period.from}-${period.to}`;
}

export function comparisonChart(comparisons: readonly ReferenceComparison[], options: ForestOptions, scopeLabel: string): ChartSpec {
  return {
    id: options.id,
    title: options.title,
    draw(document, width, titled = true) {
      const format = options.share ? (v: number) => `${(100 * v).toFixed(1)}%` : (v: number) => v.toFixed(2);
      const bars: ChartBar[] = [];
      const rows: Row[] = comparisons.map((comparison) => {
        bars.push({ label: `${libraryFigure(comparison, format)}; ${publishedFigure(comparison)}`, selection: comparison.selection });
        return { comparison, bar: bars.length - 1 };
      });
      const withInterval = rows.filter((row) => row.comparison.library.interval !== null);
      const values = comparisons.flatMap((c) => [c.figure.value, c.library.interval?.low ?? c.figure.value, c.library.interval?.high ?? c.figure.value]);
      const domain: [number, number] = options.share ? [0, 1] : [Math.max(0, Math.floor(Math.min(...values, 1))), Math.ceil(Math.max(...values, 2))];
      // A figure over two years is set beside each of them: one row per figure and library period.
      const key = (row: Row) => `${row.comparison.figure.id}@${row.comparison.period?.from ?? 'all'}`;
      const labels = new Map(rows.map((row) => [key(row), options.dwcNames ? dwcComparisonLabel(row.comparison) : comparisonLabel(row.comparison)]));
      const marginLeft = Math.min(330, Math.round(width * 0.36));
      const plot = plotIn(document, {
        width,
        height: rows.length * ROW_HEIGHT + 48,
        marginLeft,
        marginRight: 220,
        marginTop: 8,
        marginBottom: 40,
        style: { fontSize: `${FONT_SIZE}px`, fontFamily: FONT, color: COLOURS.text, background: 'transparent' },
        x: { domain, tickFormat: options.share ? '%' : undefined, grid: true, label: options.axis },
        y: { domain: rows.map(key), label: null, padding: 0.2 },
        marks: [
          Plot.axisY({ tickFormat: (id: string) => labels.get(id) ?? id, lineWidth: labelWidth(marginLeft), textOverflow: 'ellipsis-middle', tickSize: 0 }),
          Plot.barX(withInterval, {
            y: key,
            x1: (row: Row) => row.comparison.library.interval!.low,
            x2: (row: Row) => row.comparison.library.interval!.high,
            fill: COLOURS.libraryInterval,
            insetTop: 5,
            insetBottom: 5,
            title: (row: Row) => libraryFigure(row.comparison, format),
            ...tagBars(bars, (row: Row) => row.bar, withInterval),
          }),
          Plot.tickX(withInterval, { y: key, x: (row: Row) => row.comparison.library.value, stroke: COLOURS.library, strokeWidth: 3, insetTop: 3, insetBottom: 3 }),
          Plot.dot(rows, {
            y: key,
            x: (row: Row) => row.comparison.figure.value,
            symbol: 'diamond2',
            r: 6,
            fill: (row: Row) => (row.comparison.verdict === 'outside' ? COLOURS.referenceOutside : COLOURS.referenceInside),
            stroke: 'white',
            title: (row: Row) => publishedFigure(row.comparison),
          }),
          ...(['inside', 'outside', 'no-data'] as const).map((verdict) =>
            Plot.text(
              rows.filter((row) => row.comparison.verdict === verdict),
              {
                y: key,
                frameAnchor: 'right',
                dx: 10,
                textAnchor: 'start',
                text: (row: Row) => `${format(row.comparison.figure.value)} ${VERDICT_WORDS[verdict]} · ${againstLabel(row.comparison)}`,
                fill: verdict === 'outside' ? COLOURS.referenceOutside : COLOURS.text,
                fontWeight: verdict === 'outside' ? 600 : 400,
              },
            ),
          ),
        ],
      });
      const svg = frameChart(document, plot, titled, {
        title: options.title,
        subtitle: `${scopeLabel}: each figure beside the library's letters decided in its year (at the right), else all years`,
        legend: [
          { label: "This library's 95% interval", colour: COLOURS.libraryInterval, shape: 'box' },
          { label: 'Published, inside it', colour: COLOURS.referenceInside, shape: 'diamond' },
          { label: 'Published, outside it', colour: COLOURS.referenceOutside, shape: 'diamond' },
        ],
        caption: SAMPLE_CAVEAT,
      });
      return { svg, bars };
    },
  };
}

/** The library's figure with its interval: a bar's tooltip, and the start of its name. */
function libraryFigure(comparison: ReferenceComparison, format: (value: number) => string): string {
  const { library } = comparison;
  const value = library.value === null ? 'no figure' : format(library.value);
  const interval = library.interval === null ? '' : ` (95% CI ${format(library.interval.low)}-${format(library.interval.high)}; n ${count(library.n)})`;
  return `This library, ${periodLabel(comparison)}: ${figureMeasureLabel(comparison.figure)} ${value}${interval}`;
}

/** The published figure, where it was published, and whether it lies outside the library's interval. */
function publishedFigure(comparison: ReferenceComparison): string {
  const { figure } = comparison;
  return `Published by ${figure.source.publisher}, ${figure.source.title} (counting ${figure.source.counts}): ${figure.printed}${comparison.verdict === 'outside' ? ", outside this library's interval" : ''}`;
}

/** Which of the library's letters a row sets the figure against, in a word or two. */
function againstLabel(comparison: ReferenceComparison): string {
  const { period } = comparison;
  if (period === null) return 'all years';
  return period.from === period.to ? `${period.from}` : `${period.from}-${period.to}`;
}

const VERDICT_WORDS = { inside: 'inside', outside: 'outside', 'no-data': 'no data' } as const;
