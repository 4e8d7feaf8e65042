/**
 * One page's text from pdf.js's text items, and where each item landed in it. The text is built
 * exactly as pdf-parse 2.4.5 built it for this app (`getText({ cellSeparator: '' })`: its line
 * rule on, no cell separator), so letters read before positions were kept read the same and
 * every stored span stays valid; test/letters/pageText.test.ts holds it to pdf-parse's output.
 * Each item's characters go into the text unchanged, which is what lets a span map to items.
 */
import type { PageViewport } from 'pdfjs-dist/legacy/build/pdf.mjs';
// pdf.js exports these types only from their own module.
import type { TextContent, TextItem } from 'pdfjs-dist/types/src/display/api.js';

/** pdf-parse's default: a baseline this far (points) from the previous one starts a new line. */
const LINE_THRESHOLD = 4.6;

export interface PlacedItem {
  readonly item: TextItem;
  /** Offset of the item's first character in the page text. */
  readonly offset: number;
}

export interface PageText {
  readonly text: string;
  /** Every item with characters, in text order. */
  readonly placed: readonly PlacedItem[];
}

export function pageText(content: TextContent, viewport: PageViewport): PageText {
  const parts: string[] = [];
  const placed: PlacedItem[] = [];
  let length = 0;
  const push = (part: string) => {
    parts.push(part);
    length += part.length;
  };
  let lastY: number | undefined;
  let lineHeight = 0;
  for (const entry of content.items) {
    if (!('str' in entry)) continue;
    const item = entry;
    const [, y] = viewport.convertToViewportPoint(item.transform[4] as number, item.transform[5] as number) as [number, number];
    if (lastY !== undefined && Math.abs(lastY - y) > LINE_THRESHOLD) {
      const startsLine = item.str.startsWith('\n') || (item.str.trim() === '' && item.hasEOL);
      // A line break is added only between items that do not break the line themselves, and only
      // when the baselines lie further apart than the line's tallest item.
      if (parts.length > 0 && !(parts.at(-1) as string).endsWith('\n') && !startsLine && Math.abs(lastY - y) - 1 > lineHeight) {
        push('\n');
        lineHeight = 0;
      }
    }
    if (item.str !== '') placed.push({ item, offset: length });
    push(item.str);
    lastY = y;
    lineHeight = Math.max(lineHeight, item.height);
    if (item.hasEOL) push('\n');
    if (item.hasEOL || item.str.endsWith('\n')) lineHeight = 0;
  }
  return { text: parts.join(''), placed };
}
