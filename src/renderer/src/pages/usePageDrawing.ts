/**
 * What the page view draws over each page: every value's boxes in its field's colour, the runs
 * the text reads out of the page's order, and the page's reading order for its text layer.
 */
import { useMemo } from 'react';
import type { StoredLetter } from '../../../shared/library.ts';
import type { TextLayout } from '../../../shared/pages.ts';
import type { FieldTarget } from '../fields.ts';
import { targetKey } from '../fields.ts';
import { highlightsOf } from '../highlights.ts';
import { canvasMeasure, chooseFamilies } from './fontFamilies.ts';
import { pageOrder, runsOutOfOrder } from './readingOrder.ts';
import type { OrderedRun } from './readingOrder.ts';
import { runPieceBox, spanBoxes } from './runBoxes.ts';
import type { Measure, PageBox, PageFrame } from './runBoxes.ts';

/** A value's box on the page, in its field's colour. */
export interface ValueBox extends PageBox {
  readonly key: string;
  readonly target: FieldTarget;
  readonly colour: string;
  readonly label: string;
  /** The value's length: where boxes overlap, the shorter value is the one a click means. */
  readonly size: number;
}

/** A run the text reads out of the page's order, numbered as the text reads them. */
export interface OrderMark extends PageBox {
  readonly number: number;
}

export interface PageLayers {
  readonly families: readonly string[];
  /** Per page: its printed runs in reading order, and the ones the text reads out of it. */
  readonly orders: readonly (readonly OrderedRun[])[];
  readonly outOfOrder: readonly (readonly OrderMark[])[];
  readonly measure: Measure;
}

/** What depends on the PDF alone: worked out once per letter opened. */
export function usePageLayers(layout: TextLayout, text: string, frames: readonly PageFrame[]): PageLayers {
  return useMemo(() => {
    const families = chooseFamilies(layout, text, canvasMeasure);
    const widths = new Map<string, number>();
    const measure: Measure = (part, font) => {
      const key = `${font}\u0000${part}`;
      let width = widths.get(key);
      if (width === undefined) {
        width = canvasMeasure(part, families[font] ?? 'serif');
        widths.set(key, width);
      }
      return width;
    };
    const orders = frames.map((_, page) => pageOrder(layout, text, frames, page));
    let number = 0;
    const outOfOrder = orders.map((order) => {
      const runs = [...runsOutOfOrder(order)].sort((a, b) => a - b);
      return runs.map((index) => {
        const run = layout.runs[index]!;
        const box = runPieceBox(run, run.start, run.end, text, layout.fonts[run.font]!, frames[run.page]!, measure);
        return { ...box, number: ++number };
      });
    });
    return { families, orders, outOfOrder, measure };
  }, [layout, text, frames]);
}

/** Every value's boxes, by page; a value's parts nested in another (a partial certification's) come after it, so they lie on top. */
export function useValueBoxes(letter: StoredLetter, focused: FieldTarget | null, layout: TextLayout, frames: readonly PageFrame[], measure: Measure): ValueBox[][] {
  return useMemo(() => {
    const byPage: ValueBox[][] = frames.map(() => []);
    const highlights = highlightsOf(letter, focused).sort((a, b) => b.span[1] - b.span[0] - (a.span[1] - a.span[0]));
    for (const highlight of highlights) {
      const key = targetKey(highlight.target);
      for (const box of spanBoxes(highlight.span, layout, letter.text, frames, measure)) {
        byPage[box.page]?.push({ ...box, key, target: highlight.target, colour: highlight.colour, label: highlight.label, size: highlight.span[1] - highlight.span[0] });
      }
    }
    return byPage;
  }, [letter, focused, layout, frames, measure]);
}

/** The value a point on a page falls in (the shortest, where values nest), or null. */
export function valueAt(boxes: readonly ValueBox[], x: number, y: number): ValueBox | null {
  let best: ValueBox | null = null;
  for (const box of boxes) {
    const inside = x >= box.left && x <= box.left + box.width && y >= box.top && y <= box.top + box.height;
    if (inside && (!best || box.size < best.size)) best = box;
  }
  return best;
}
