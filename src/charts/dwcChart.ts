/**
 * The library's items in DWC's Request Categories, year by year: one row per year and category,
 * the library's share as a bar with its 95% interval, and a diamond where DWC or CWCI published
 * the share of that category for that year, labelled with its source.
 */
import * as Plot from '@observablehq/plot';
import type { DwcShare } from '../shared/insights.ts';
import { dwcShareLabel, SAMPLE_CAVEAT } from '../shared/insights.ts';
import { count, percent } from '../shared/insightsFormat.ts';
import { labelWidth } from './breakdownChart.ts';
import type { ChartBar, ChartSpec } from './chart.ts';
import { tagBars } from './chart.ts';
import { plotIn } from './dom.ts';
import { frameChart } from './frame.ts';
import { COLOURS, FONT, FONT_SIZE } from './palette.ts';

const ROW_HEIGHT = 22;

interface Row {
  readonly share: DwcShare;
  readonly key: string;
  readonly bar: number;
}

export function dwcYearChart(shares: readonly DwcShare[], scopeLabel: string): ChartSpec {
  const categories = shares.filter((share) => share.key.group === 'category');
  return {
    id: 'dwc-years',
    title: "The library's items by DWC Request Category, by year",
    draw(document, width, titled = true) {
      const bars: ChartBar[] = [];
      const rows: Row[] = categories.map((share) => {
        bars.push({ label: `${labelOf(share)}: ${percent(share.library.value)} of ${count(share.library.n)} items${publishedText(share)}`, selection: share.selection });
        return { share, key: `${share.year}|${share.key.id}`, bar: bars.length - 1 };
      });
      const labels = new Map(rows.map((row) => [row.key, labelOf(row.share)]));
      const published = rows.flatMap((row) => row.share.published.map((comparison) => ({ row, comparison })));
      const withInterval = rows.filter((row) => row.share.library.interval !== null);
      const marginLeft = Math.min(300, Math.round(width * 0.3));
      const plot = plotIn(document, {
        width,
        height: rows.length * ROW_HEIGHT + 48,
        marginLeft,
        marginRight: 230,
        marginTop: 8,
        marginBottom: 40,
        style: { fontSize: `${FONT_SIZE}px`, fontFamily: FONT, color: COLOURS.text, background: 'transparent' },
        x: { domain: [0, 1], tickFormat: '%', grid: true, label: "share of the year's items" },
        y: { domain: rows.map((row) => row.key), label: null, padding: 0.2 },
        marks: [
          Plot.axisY({ tickFormat: (key: string) => labels.get(key) ?? key, lineWidth: labelWidth(marginLeft), textOverflow: 'ellipsis-middle', tickSize: 0 }),
          Plot.barX(rows, {
            y: 'key',
            x1: 0,
            x2: (row: Row) => row.share.library.value ?? 0,
            fill: COLOURS.libraryInterval,
            insetTop: 4,
            insetBottom: 4,
            title: (row: Row) => bars[row.bar]?.label ?? '',
            ...tagBars(bars, (row: Row) => row.bar, rows),
          }),
          Plot.ruleY(withInterval, { y: 'key', x1: (row: Row) => row.share.library.interval!.low, x2: (row: Row) => row.share.library.interval!.high, stroke: COLOURS.text, strokeWidth: 1.5 }),
          Plot.dot(published, {
            y: (d: (typeof published)[number]) => d.row.key,
            x: (d: (typeof published)[number]) => d.comparison.figure.value,
            symbol: 'diamond2',
            r: 6,
            fill: (d: (typeof published)[number]) => (d.comparison.verdict === 'outside' ? COLOURS.referenceOutside : COLOURS.referenceInside),
            stroke: 'white',
          }),
          Plot.text(rows, {
            y: 'key',
            frameAnchor: 'right',
            dx: 10,
            textAnchor: 'start',
            text: (row: Row) => `${percent(row.share.library.value)} of ${count(row.share.library.n)}${publishedShort(row.share)}`,
            fill: COLOURS.text,
          }),
        ],
      });
      const svg = frameChart(document, plot, titled, {
        title: "The library's items by DWC Request Category, by year",
        subtitle: `${scopeLabel}: each year's items in DWC's Request Categories, beside the shares DWC published (treatment requests, by report year) and CWCI published (decision items, by letter date)`,
        legend: [
          { label: 'This library', colour: COLOURS.libraryInterval, shape: 'box' },
          { label: '95% interval', colour: COLOURS.text, shape: 'line' },
          { label: 'Published by DWC or CWCI', colour: COLOURS.referenceInside, shape: 'diamond' },
        ],
        caption: SAMPLE_CAVEAT,
      });
      return { svg, bars };
    },
  };
}

function labelOf(share: DwcShare): string {
  return `${share.year} · ${dwcShareLabel(share.key).replace(/ items$/, '')}`;
}

/** "· CWCI 46.0%, 47.3%": the published values beside the bar, by publisher. */
function publishedShort(share: DwcShare): string {
  const byPublisher = new Map<string, string[]>();
  for (const comparison of share.published) byPublisher.set(comparison.figure.source.short, [...(byPublisher.get(comparison.figure.source.short) ?? []), percent(comparison.figure.value)]);
  return [...byPublisher].map(([publisher, values]) => ` · ${publisher.split(',')[0]} ${values.join(', ')}`).join('');
}

function publishedText(share: DwcShare): string {
  return share.published.map((c) => `; published by ${c.figure.source.publisher} (${c.figure.source.title}, counting ${c.figure.source.counts}): ${c.figure.printed}`).join('');
}
