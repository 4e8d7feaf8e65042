/**
 * The document a chart is drawn in: the page's own in the app, linkedom's when the report is
 * written on Node. Charts use only this much of the DOM, so the same code type-checks in the
 * renderer (DOM types) and in the main process (no DOM types); Plot is handed the document
 * and hands back its element through `plotIn`.
 */
import * as Plot from '@observablehq/plot';

export interface ChartElement {
  setAttribute(name: string, value: string): void;
  getAttribute(name: string): string | null;
  removeAttribute(name: string): void;
  querySelector(selectors: string): ChartElement | null;
  querySelectorAll(selectors: string): Iterable<ChartElement>;
  append(...nodes: ChartElement[]): void;
  textContent: string | null;
  readonly outerHTML: string;
}

export interface ChartDocument {
  createElementNS(namespace: string, tag: string): ChartElement;
}

export const SVG_NS = 'http://www.w3.org/2000/svg';

/** An attribute every clickable mark element carries: its bar's index (see chart.ts). */
export const BAR_ATTRIBUTE = 'data-bar';

export function svgElement(document: ChartDocument, tag: string, attributes: Readonly<Record<string, string | number>> = {}, text?: string): ChartElement {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

/**
 * Plot.plot drawn into `document`: Plot types its document and result as the browser's, which
 * ours stand for. Plot names each mark's group ("bar", "tick", "y-axis tick label"), which
 * ARIA does not allow on an SVG group without a role and which tells a reader nothing; a chart
 * is read through its bars, each named with its figure, and its frame's title. So the names go,
 * and every group without a bar is hidden from assistive technology.
 */
export function plotIn(document: ChartDocument, options: Omit<Plot.PlotOptions, 'document'>): ChartElement {
  const plot = Plot.plot({ ...options, document: document as unknown as Plot.PlotOptions['document'] }) as unknown as ChartElement;
  for (const group of plot.querySelectorAll('g[aria-label]')) {
    group.removeAttribute('aria-label');
    if (group.querySelector(`[${BAR_ATTRIBUTE}]`) === null) group.setAttribute('aria-hidden', 'true');
  }
  return plot;
}
