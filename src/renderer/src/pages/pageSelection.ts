/**
 * A selection on the page as stretches of the letter's text. The page's text layer holds its
 * runs in the page's order (readingOrder.ts), so a selection dragged on the page takes what the
 * page shows between its ends; where that order departs from the text's, it takes several
 * stretches, in the page's order.
 */
import type { Span } from '../../../shared/letter.ts';

/**
 * Joins the selected pieces of runs (in the page's order) into stretches of the text: a piece
 * that goes on where the last one ended, or after nothing but white space (a line break), extends
 * it. Blank ends are dropped; null when nothing printed is selected.
 */
export function selectedStretches(pieces: readonly Span[], text: string): Span[] | null {
  const stretches: [number, number][] = [];
  for (const [start, end] of pieces) {
    if (start >= end) continue;
    const last = stretches.at(-1);
    if (last && start >= last[1] && text.slice(last[1], start).trim() === '') last[1] = end;
    else stretches.push([start, end]);
  }
  const printed = stretches.map(([start, end]) => trimmed(text, start, end)).filter((span): span is Span => span !== null);
  return printed.length > 0 ? printed : null;
}

function trimmed(text: string, start: number, end: number): Span | null {
  let from = start;
  let to = end;
  while (from < to && /\s/.test(text[from] as string)) from++;
  while (to > from && /\s/.test(text[to - 1] as string)) to--;
  return from < to ? [from, to] : null;
}
