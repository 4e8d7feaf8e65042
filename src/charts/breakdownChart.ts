/**
 * One breakdown as bars of the share upheld and overturned per group, each group's bar the
 * items with a decision (so bars compare shares, and the 95% interval of the share upheld
 * sits on the boundary), with the share and the count beside it. Groups run down the chart;
 * months run across it, in time order.
 */
import * as Plot from '@observablehq/plot';
import type { Breakdown, GroupRow } from '../shared/insights.ts';
import { withDecision } from '../shared/insights.ts';
import { monthLabel } from '../shared/insightLabels.ts';
import { count, percent, percentInterval } from '../shared/insightsFormat.ts';
import type { ChartBar, ChartSpec } from './chart.ts';
import { tagBars } from './chart.ts';
import { plotIn } from './dom.ts';
import type { ChartDocument } from './dom.ts';
import { frameChart } from './frame.ts';
import { COLOURS, FONT, FONT_SIZE } from './palette.ts';

/** Bars drawn at most; the table lists every group. */
const MAX_BARS = 15;
const BAR_HEIGHT = 26;

interface Segment {
  readonly key: string;
  readonly decision: 'Upheld' | 'Overturned';
  readonly from: number;
  readonly to: number;
  readonly bar: number;
}

export function breakdownChart(breakdown: Breakdown, scopeLabel: string): ChartSpec {
  const across = breakdown.id === 'decision-month';
  const rows = across ? breakdown.rows : breakdown.rows.slice(0, MAX_BARS);
  const shown = rows.length < breakdown.rows.length ? `the ${rows.length} largest of ${breakdown.rows.length} groups` : `${rows.length} group${rows.length === 1 ? '' : 's'}`;
  return {
    id: breakdown.id,
    title: breakdown.title,
    draw(document, width, titled = true) {
      const bars: ChartBar[] = [];
      const segments = rows.flatMap((row) => segmentsOf(row, bars));
      const plot = (across ? columns : barsDown)(rows, segments, bars, width, document);
      const svg = frameChart(document, plot, titled, {
        title: breakdown.title,
        subtitle: `${scopeLabel}: share of items upheld and overturned, ${shown}`,
        legend: [
          { label: 'Upheld', colour: COLOURS.upheld, shape: 'box' },
          { label: 'Overturned', colour: COLOURS.overturned, shape: 'box' },
          { label: '95% interval of the share upheld', colour: COLOURS.text, shape: 'line' },
        ],
      });
      return { svg, bars };
    },
  };
}

/** The group's decided items as a segment per decision it has, each a bar that opens its items. */
function segmentsOf(row: GroupRow, bars: ChartBar[]): Segment[] {
  const decided = row.upheld + row.overturned;
  if (decided === 0) return [];
  const share = row.upheld / decided;
  const segment = (decision: Segment['decision'], from: number, to: number, n: number): Segment => {
    const items = `${row.label}: ${count(n)} item${n === 1 ? '' : 's'} ${decision.toLowerCase()}`;
    // The upheld bar ends at the share upheld, where its interval is drawn.
    const interval = decision === 'Upheld' && row.upheldShare.interval !== null ? ` (95% CI ${percentInterval(row.upheldShare.interval)})` : '';
    bars.push({ label: `${items}, ${percent(n / decided)} of ${count(decided)} with a decision${interval}`, selection: withDecision(row.selection, decision) });
    return { key: keyOf(row), decision, from, to, bar: bars.length - 1 };
  };
  return [
    ...(row.upheld > 0 ? [segment('Upheld', 0, share, row.upheld)] : []),
    ...(row.overturned > 0 ? [segment('Overturned', share, 1, row.overturned)] : []),
  ];
}

const keyOf = (row: GroupRow) => row.key ?? '';

/** An interval is a dark line on a light halo, so it reads over either colour of bar. */
const HALO = { stroke: 'white', strokeWidth: 4 } as const;
const LINE = { stroke: COLOURS.text, strokeWidth: 1.5 } as const;

const COMMON: Omit<Plot.PlotOptions, 'document'> = {
  style: { fontSize: `${FONT_SIZE}px`, fontFamily: FONT, color: COLOURS.text, background: 'transparent' },
  color: { domain: ['Upheld', 'Overturned'], range: [COLOURS.upheld, COLOURS.overturned] },
};

function intervalsOf(rows: readonly GroupRow[]) {
  return rows.flatMap((row) => (row.upheldShare.interval === null ? [] : [{ key: keyOf(row), ...row.upheldShare.interval }]));
}

/** A group's label by its key; a key without a group (a month without letters) through `otherwise`. */
function labelOf(rows: readonly GroupRow[], otherwise: (key: string) => string = (key) => key) {
  const labels = new Map(rows.map((row) => [keyOf(row), row.label]));
  return (key: string) => labels.get(key) ?? otherwise(key);
}

/** Every month from the first to the last with letters, so a month without any shows as a gap; the undated last. */
function monthsAcross(rows: readonly GroupRow[]): string[] {
  const months = rows.flatMap((row) => (row.key === null ? [] : [row.key])).sort();
  const first = months[0];
  const last = months.at(-1);
  const domain: string[] = [];
  if (first !== undefined && last !== undefined) {
    const [year = 0, month = 1] = first.split('-').map(Number);
    for (let index = year * 12 + month - 1; ; index++) {
      const key = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
      if (key > last) break;
      domain.push(key);
    }
  }
  return rows.some((row) => row.key === null) ? [...domain, ''] : domain;
}

/** Plot measures a tick label's width in ems (font sizes); a label fits the margin, less the gap to the axis. */
export function labelWidth(margin: number): number {
  return Math.floor(margin / FONT_SIZE) - 1;
}

function summary(row: GroupRow): string {
  const decided = row.upheld + row.overturned;
  return decided === 0 ? `no decision · n ${count(row.items)}` : `${percent(row.upheldShare.value)} upheld · n ${count(decided)}`;
}

function barsDown(rows: readonly GroupRow[], segments: readonly Segment[], bars: readonly ChartBar[], width: number, document: ChartDocument) {
  const marginLeft = Math.min(260, Math.round(width * 0.3));
  return plotIn(document, {
    ...COMMON,
    width,
    height: rows.length * BAR_HEIGHT + 50,
    marginLeft,
    marginRight: 150,
    marginTop: 8,
    marginBottom: 40,
    x: { domain: [0, 1], tickFormat: '%', grid: true, label: 'share of the items with a decision' },
    y: { domain: rows.map(keyOf), tickFormat: labelOf(rows), label: null, padding: 0.25 },
    marks: [
      Plot.axisY({ tickFormat: labelOf(rows), lineWidth: labelWidth(marginLeft), textOverflow: 'ellipsis-middle', tickSize: 0 }),
      Plot.barX(segments, {
        y: 'key',
        x1: 'from',
        x2: 'to',
        fill: 'decision',
        title: (s: Segment) => `${labelOf(rows)(s.key)}, ${s.decision}`,
        ...tagBars(bars, (s: Segment) => s.bar, segments),
      }),
      ...[HALO, LINE].flatMap((line) => [
        Plot.ruleY(intervalsOf(rows), { y: 'key', x1: 'low', x2: 'high', ...line }),
        Plot.tickX(intervalsOf(rows), { y: 'key', x: 'low', ...line, insetTop: 6, insetBottom: 6 }),
        Plot.tickX(intervalsOf(rows), { y: 'key', x: 'high', ...line, insetTop: 6, insetBottom: 6 }),
      ]),
      Plot.text(rows, { y: keyOf, x: 1, text: summary, textAnchor: 'start', dx: 8, fill: COLOURS.text }),
    ],
  });
}

function columns(rows: readonly GroupRow[], segments: readonly Segment[], bars: readonly ChartBar[], width: number, document: ChartDocument) {
  const domain = monthsAcross(rows);
  const crowded = domain.length > 12;
  const label = labelOf(rows, monthLabel);
  const decided = new Map(rows.map((row) => [keyOf(row), row.upheld + row.overturned]));
  // Few columns have room for their count under the month; many are turned and show the month alone.
  const tick = crowded ? label : (key: string) => `${label(key)}\nn ${count(decided.get(key) ?? 0)}`;
  return plotIn(document, {
    ...COMMON,
    width,
    height: 340,
    marginLeft: 56,
    marginRight: 16,
    marginTop: 24,
    marginBottom: crowded ? 70 : 48,
    y: { domain: [0, 1], tickFormat: '%', grid: true, label: 'share of the items with a decision' },
    x: { domain, tickFormat: tick, label: null, padding: 0.2, tickRotate: crowded ? -45 : 0 },
    marks: [
      Plot.barY(segments, {
        x: 'key',
        y1: 'from',
        y2: 'to',
        fill: 'decision',
        title: (s: Segment) => `${labelOf(rows)(s.key)}, ${s.decision}`,
        ...tagBars(bars, (s: Segment) => s.bar, segments),
      }),
      ...[HALO, LINE].map((line) => Plot.ruleX(intervalsOf(rows), { x: 'key', y1: 'low', y2: 'high', ...line })),
    ],
  });
}
