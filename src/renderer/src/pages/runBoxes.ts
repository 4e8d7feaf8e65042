/**
 * Where a stretch of the letter's text sits on its page: the runs it covers (shared/pages.ts),
 * cut to the characters it takes, as boxes in page points from the page's top-left corner. A run
 * knows only its whole width, so a cut inside it is placed by the text's own proportions in a
 * font like the page's (see fontFamilies.ts).
 */
import type { Span } from '../../../shared/letter.ts';
import type { RunFont, TextLayout, TextRun } from '../../../shared/pages.ts';

/** A page as pdf.js shows it at scale 1: its size in points and the matrix from PDF space to it. */
export interface PageFrame {
  readonly width: number;
  readonly height: number;
  readonly transform: readonly number[];
}

export interface PageBox {
  readonly page: number;
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** The advance of `text` in the family chosen for font `font`, in any unit (only ratios are used). */
export type Measure = (text: string, font: number) => number;

/** The box of [from, to) of one run (offsets in the letter's text). */
export function runPieceBox(run: TextRun, from: number, to: number, text: string, font: RunFont, frame: PageFrame, measure: Measure): PageBox {
  const shown = text.slice(run.start, run.end);
  const whole = measure(shown, run.font);
  const share = (offset: number) => (whole > 0 ? measure(shown.slice(0, offset - run.start), run.font) / whole : (offset - run.start) / shown.length);
  const [a, b, c, d, e, f] = run.transform;
  const along = Math.hypot(a, b) || 1;
  // The run's own axes: along its baseline (u, in points), and up its glyphs ((c, d) is one font size long).
  const corner = (u: number, t: number): [number, number] => {
    const x = e + (u * a) / along + t * c;
    const y = f + (u * b) / along + t * d;
    const [m0, m1, m2, m3, m4, m5] = frame.transform as [number, number, number, number, number, number];
    return [m0 * x + m2 * y + m4, m1 * x + m3 * y + m5];
  };
  const u0 = share(from) * run.width;
  const u1 = share(to) * run.width;
  const points = [corner(u0, font.descent), corner(u1, font.descent), corner(u0, font.ascent), corner(u1, font.ascent)];
  const xs = points.map(([x]) => x);
  const ys = points.map(([, y]) => y);
  const left = Math.min(...xs);
  const top = Math.min(...ys);
  return { page: run.page, left, top, width: Math.max(...xs) - left, height: Math.max(...ys) - top };
}

/** The first run ending after `offset` (runs are in text order). */
function firstRunAfter(runs: readonly TextRun[], offset: number): number {
  let low = 0;
  let high = runs.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((runs[middle] as TextRun).end <= offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The boxes of a span: one per run it covers, blanks at a run's edges left out (a box hugs the
 * printed characters), and pieces side by side on one line joined into one box.
 */
export function spanBoxes(span: Span, layout: TextLayout, text: string, frames: readonly PageFrame[], measure: Measure): PageBox[] {
  const boxes: PageBox[] = [];
  for (let index = firstRunAfter(layout.runs, span[0]); index < layout.runs.length; index++) {
    const run = layout.runs[index] as TextRun;
    if (run.start >= span[1]) break;
    let from = Math.max(span[0], run.start);
    let to = Math.min(span[1], run.end);
    while (from < to && /\s/.test(text[from] as string)) from++;
    while (to > from && /\s/.test(text[to - 1] as string)) to--;
    const frame = frames[run.page];
    const font = layout.fonts[run.font];
    if (from === to || !frame || !font) continue;
    const box = runPieceBox(run, from, to, text, font, frame, measure);
    const previous = boxes.at(-1);
    if (previous && sameLine(previous, box)) boxes[boxes.length - 1] = union(previous, box);
    else boxes.push(box);
  }
  return boxes;
}

/** Two boxes on one line with at most a word's gap between them. */
function sameLine(a: PageBox, b: PageBox): boolean {
  const overlap = Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top);
  const gap = b.left - (a.left + a.width);
  return a.page === b.page && overlap > 0.5 * Math.min(a.height, b.height) && gap > -1 && gap < 0.5 * Math.max(a.height, b.height);
}

function union(a: PageBox, b: PageBox): PageBox {
  const left = Math.min(a.left, b.left);
  const top = Math.min(a.top, b.top);
  const right = Math.max(a.left + a.width, b.left + b.width);
  const bottom = Math.max(a.top + a.height, b.top + b.height);
  return { page: a.page, left, top, width: right - left, height: bottom - top };
}

/** The left and right edges of everything printed as text on any page, in points; null for a PDF without text (a scan). */
export function printedExtent(layout: TextLayout, text: string, frames: readonly PageFrame[]): { left: number; right: number } | null {
  let left = Infinity;
  let right = -Infinity;
  for (const run of layout.runs) {
    const frame = frames[run.page];
    const font = layout.fonts[run.font];
    if (!frame || !font || text.slice(run.start, run.end).trim() === '') continue;
    // The whole run: its ends need no measuring.
    const box = runPieceBox(run, run.start, run.end, text, font, frame, (part) => part.length);
    left = Math.min(left, box.left);
    right = Math.max(right, box.left + box.width);
  }
  return left < right ? { left, right } : null;
}
