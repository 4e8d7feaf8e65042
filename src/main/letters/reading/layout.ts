/** Gathers a PDF's text runs page by page into its TextLayout (see shared/pages.ts), each font once. */
import type { TextContent } from 'pdfjs-dist/types/src/display/api.js';
import type { RunFont, TextLayout, TextRun, TextTransform } from '../../../shared/pages.ts';
import type { PlacedItem } from './pageText.ts';

/** A hundredth of a point is far below what a screen shows; rounding keeps the stored layout small. */
const round = (value: number): number => Math.round(value * 100) / 100;

export interface LayoutCollector {
  /** `pageStart` is where the page's text begins in the letter's text. */
  addPage(page: number, pageStart: number, placed: readonly PlacedItem[], styles: TextContent['styles']): void;
  layout(): TextLayout;
}

export function layoutCollector(): LayoutCollector {
  const fonts: RunFont[] = [];
  const fontIndex = new Map<string, number>();
  const runs: TextRun[] = [];
  /** By pdf.js's name for the font, which holds for the whole document: fonts of equal metrics stay apart (Times is not Helvetica). */
  const fontOf = (name: string, style: TextContent['styles'][string] | undefined): number => {
    let index = fontIndex.get(name);
    if (index === undefined) {
      // pdf.js leaves the metrics out for fonts it could not load; a usual Latin font's stand in.
      index = fonts.push({ ascent: style?.ascent ?? 0.8, descent: style?.descent ?? -0.2, vertical: style?.vertical ?? false }) - 1;
      fontIndex.set(name, index);
    }
    return index;
  };
  return {
    addPage(page, pageStart, placed, styles) {
      for (const { item, offset } of placed) {
        runs.push({
          page,
          start: pageStart + offset,
          end: pageStart + offset + item.str.length,
          transform: item.transform.map(round) as unknown as TextTransform,
          width: round(item.width),
          height: round(item.height),
          font: fontOf(item.fontName, styles[item.fontName]),
        });
      }
    },
    layout: () => ({ fonts, runs }),
  };
}
