/** Every item of the letters by decision: one bar in three parts, each opening its items. */
import * as Plot from '@observablehq/plot';
import { HEADLINE_SELECTIONS } from '../shared/insights.ts';
import type { Headline } from '../shared/insights.ts';
import { count, percent } from '../shared/insightsFormat.ts';
import type { ChartBar, ChartSpec } from './chart.ts';
import { tagBars } from './chart.ts';
import { plotIn } from './dom.ts';
import { frameChart } from './frame.ts';
import { COLOURS, FONT, FONT_SIZE } from './palette.ts';

interface Part {
  readonly label: string;
  readonly n: number;
  readonly from: number;
  readonly to: number;
  readonly colour: string;
  readonly bar: number;
}

export function decisionsChart(headline: Headline, scopeLabel: string): ChartSpec {
  return {
    id: 'decisions',
    title: 'Decisions',
    draw(document, width, titled = true) {
      const counts: readonly [string, number, string, ChartBar['selection'] | null][] = [
        ['Upheld', headline.upheld.count, COLOURS.upheld, HEADLINE_SELECTIONS.upheld],
        ['Overturned', headline.overturned.count, COLOURS.overturned, HEADLINE_SELECTIONS.overturned],
        ['No decision', headline.undecided, COLOURS.undecided, HEADLINE_SELECTIONS.undecided],
      ];
      const bars: ChartBar[] = [];
      const parts: Part[] = [];
      let from = 0;
      for (const [label, n, colour, selection] of counts) {
        if (n === 0 || selection === null) continue;
        bars.push({ label: `${count(n)} item${n === 1 ? '' : 's'} ${label.toLowerCase()}, ${percent(n / headline.items)} of ${count(headline.items)}`, selection });
        parts.push({ label, n, from, to: from + n, colour, bar: bars.length - 1 });
        from += n;
      }
      const plot = plotIn(document, {
        width,
        height: 96,
        marginLeft: 16,
        marginRight: 24,
        marginTop: 8,
        marginBottom: 36,
        style: { fontSize: `${FONT_SIZE}px`, fontFamily: FONT, color: COLOURS.text, background: 'transparent' },
        x: { domain: [0, Math.max(1, headline.items)], label: 'items', grid: true },
        marks: [
          Plot.barX(parts, {
            x1: 'from',
            x2: 'to',
            fill: 'colour',
            title: (p: Part) => `${p.label}: ${count(p.n)}`,
            ...tagBars(bars, (p: Part) => p.bar, parts),
          }),
          Plot.text(
            parts.filter((p) => p.n / Math.max(1, headline.items) > 0.06),
            { x: (p: Part) => (p.from + p.to) / 2, text: (p: Part) => `${p.label} ${count(p.n)}`, fill: 'white', fontWeight: 600 },
          ),
        ],
      });
      const svg = frameChart(document, plot, titled, {
        title: 'Decisions',
        subtitle: `${scopeLabel}: ${count(headline.items)} items; ${percent(headline.upheld.value)} of the ${count(headline.upheld.n)} with a decision upheld`,
        legend: counts.filter(([, n]) => n > 0).map(([label, n, colour]) => ({ label: `${label} (${count(n)})`, colour, shape: 'box' as const })),
      });
      return { svg, bars };
    },
  };
}
