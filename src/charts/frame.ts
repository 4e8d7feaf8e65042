/**
 * A chart as one self-contained SVG: white background, title and subtitle, a legend, the plot,
 * and a caption. The same element is shown in the app, saved as SVG or PNG, and inlined in the
 * report, so a saved chart says what it shows without the page around it.
 */
import type { ChartDocument, ChartElement } from './dom.ts';
import { SVG_NS, svgElement } from './dom.ts';
import { COLOURS, FONT, FONT_SIZE } from './palette.ts';

export interface LegendEntry {
  readonly label: string;
  readonly colour: string;
  /** How the entry is drawn: a filled box, a line (an interval), or a diamond (a published figure). */
  readonly shape: 'box' | 'line' | 'diamond';
}

export interface FrameText {
  readonly title: string;
  readonly subtitle: string;
  readonly legend: readonly LegendEntry[];
  /** Lines under the plot (a caveat); wrapped to the chart's width. */
  readonly caption?: string;
}

const PAD = 12;
const TITLE_SIZE = 16;
const LINE = FONT_SIZE + 6;
/** The average width of a character of the chart font, in ems: enough to wrap a caption. */
const CHAR_EM = 0.55;

export function frameChart(document: ChartDocument, plot: ChartElement, titled: boolean, text: FrameText): ChartElement {
  const width = Number(plot.getAttribute('width'));
  const plotHeight = Number(plot.getAttribute('height'));
  const perLine = Math.floor((width - 2 * PAD) / (FONT_SIZE * CHAR_EM));
  const captionLines = text.caption === undefined ? [] : wrap(text.caption, perLine);
  const subtitleLines = wrap(text.subtitle, perLine);
  const titleHeight = titled ? TITLE_SIZE : 0;
  const legendTop = PAD + titleHeight + subtitleLines.length * LINE + LINE / 2 + 2;
  const top = legendTop + (text.legend.length > 0 ? LINE : 0);
  const height = top + plotHeight + (captionLines.length > 0 ? captionLines.length * LINE + PAD : PAD);
  const svg = svgElement(document, 'svg', {
    xmlns: SVG_NS,
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    'font-family': FONT,
    'font-size': FONT_SIZE,
    fill: COLOURS.text,
    // A graphics document, not an image: an image's content is presentational, and its bars are read (and in the app pressed) one by one.
    role: 'graphics-document',
    'aria-label': `${text.title}. ${text.subtitle}`,
    class: 'insights-chart',
  });
  svg.append(svgElement(document, 'rect', { width, height, fill: '#ffffff' }));
  if (titled) svg.append(svgElement(document, 'text', { x: PAD, y: PAD + TITLE_SIZE - 2, 'font-size': TITLE_SIZE, 'font-weight': 600 }, text.title));
  subtitleLines.forEach((line, index) => {
    svg.append(svgElement(document, 'text', { x: PAD, y: PAD + titleHeight + (index + 1) * LINE - (titled ? 0 : 4), fill: COLOURS.muted }, line));
  });
  if (text.legend.length > 0) svg.append(legend(document, text.legend, legendTop));
  plot.setAttribute('x', '0');
  plot.setAttribute('y', String(top));
  svg.append(plot);
  captionLines.forEach((line, index) => {
    svg.append(svgElement(document, 'text', { x: PAD, y: top + plotHeight + (index + 1) * LINE - 4, fill: COLOURS.muted, 'font-size': FONT_SIZE - 1 }, line));
  });
  return svg;
}

function legend(document: ChartDocument, entries: readonly LegendEntry[], y: number): ChartElement {
  const group = svgElement(document, 'g', { transform: `translate(${PAD},${y})`, 'aria-hidden': 'true' });
  let x = 0;
  for (const entry of entries) {
    group.append(swatch(document, entry, x));
    group.append(svgElement(document, 'text', { x: x + 20, y: 0, 'dominant-baseline': 'middle' }, entry.label));
    x += 20 + entry.label.length * FONT_SIZE * CHAR_EM + 22;
  }
  return group;
}

function swatch(document: ChartDocument, entry: LegendEntry, x: number): ChartElement {
  if (entry.shape === 'line') return svgElement(document, 'line', { x1: x, x2: x + 14, y1: 0, y2: 0, stroke: entry.colour, 'stroke-width': 3 });
  if (entry.shape === 'diamond') return svgElement(document, 'path', { d: `M${x + 7},-6L${x + 13},0L${x + 7},6L${x + 1},0Z`, fill: entry.colour });
  return svgElement(document, 'rect', { x, y: -6, width: 14, height: 12, fill: entry.colour });
}

/** Words into lines of at most `width` characters. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}
