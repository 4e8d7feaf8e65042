/**
 * What every chart gives: its SVG, and the bars a person can click, each with the selection of
 * items it stands for. A clickable element carries `data-bar` (its index in `bars`), so the
 * app attaches one handler per chart and the report's SVG stays plain markup. Each bar is a
 * graphics symbol named with its figure, so a reader goes through a chart bar by bar; the app
 * makes them buttons.
 */
import type * as Plot from '@observablehq/plot';
import type { InsightSelection } from '../shared/insights.ts';
import { BAR_ATTRIBUTE } from './dom.ts';
import type { ChartDocument, ChartElement } from './dom.ts';

export interface ChartBar {
  /** What the bar holds, said in words with its figure: its accessible name. */
  readonly label: string;
  readonly selection: InsightSelection;
}

export interface DrawnChart {
  readonly svg: ChartElement;
  readonly bars: readonly ChartBar[];
}

export interface ChartSpec {
  readonly id: string;
  readonly title: string;
  /**
   * Draws the chart `width` pixels wide. Untitled, it leaves the title to the page around it
   * (its subtitle, legend and caption stay); a chart saved or shown alone is titled.
   */
  draw(document: ChartDocument, width: number, titled?: boolean): DrawnChart;
}

/**
 * A mark's render option that tags each element it draws with its datum's bar index, so a
 * click on it finds its bar, and names it as a symbol with its bar's label. Plot draws one
 * element per datum, in the order of the index.
 */
export function tagBars<T>(bars: readonly ChartBar[], barOf: (datum: T) => number, data: readonly T[]): Pick<Plot.MarkOptions, 'render'> {
  return {
    render(index, scales, values, dimensions, context, next) {
      const group = next?.(index, scales, values, dimensions, context);
      const elements = group ? [...group.querySelectorAll('rect, path')] : [];
      index.forEach((datum, n) => {
        const row = data[datum];
        const element = elements[n];
        if (row === undefined || element === undefined) return;
        const bar = barOf(row);
        element.setAttribute(BAR_ATTRIBUTE, String(bar));
        element.setAttribute('role', 'graphics-symbol');
        element.setAttribute('aria-label', bars[bar]?.label ?? '');
      });
      return group ?? null;
    },
  };
}
