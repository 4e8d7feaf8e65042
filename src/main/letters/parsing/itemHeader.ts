/**
 * Where an item header starts. The header ends at a known point (the colon before
 * the decision) but nothing marks its start: blank lines are unreliable and PDF text
 * has none. The header starts on the line after the previous rationale's last
 * sentence, so we walk up line by line until the line above ends a sentence.
 */
import type { Line } from './lines.ts';
import { LineIndex } from './lines.ts';

export const MAX_HEADER_LINES = 6;

const SENTENCE_END = /[.!?]["'”’)\]]*\s*$/;
const PARTIAL_ANCHOR = /was\s+the\s+original\s+request\s*\./g;
const PARTIAL_AUTHORIZED = /authorized/;
const PARTIAL_ELIGIBLE = /IMR\s+eligible|original\s+request,/;
const MAX_PARTIAL_HEADER_CHARS = 3000;

export interface HeaderStart {
  readonly start: number;
  /** False when the walk hit the line limit without finding a sentence end. */
  readonly certain: boolean;
}

/**
 * @param regionStart where the previous item's rationale text begins (or the items intro ends)
 * @param headerEnd the colon before the decision word
 */
export function findHeaderStart(
  text: string,
  lines: LineIndex,
  regionStart: number,
  headerEnd: number,
): HeaderStart {
  const anchor = partialAnchor(text, regionStart, headerEnd) ?? headerEnd;
  let current = lines.lineAt(anchor);
  const firstLine = lines.lineAt(regionStart);
  let taken = 1;
  for (;;) {
    const above = previousNonBlank(lines, current, firstLine);
    if (above === null || lines.line(above).end <= regionStart) {
      return { start: Math.max(regionStart, lines.line(current).start), certain: true };
    }
    const aboveLine = lines.line(above);
    if (endsSentence(text, aboveLine)) return { start: lines.line(current).start, certain: true };
    if (!lines.doubleSpaced && above < current - 1 && !pageBreakBetween(text, aboveLine, lines.line(current))) {
      // In single-spaced text a blank line separates paragraphs.
      return { start: lines.line(current).start, certain: true };
    }
    if (taken >= MAX_HEADER_LINES) return { start: lines.line(current).start, certain: false };
    current = above;
    taken++;
  }
}

/** A partial-certification header contains sentences; its start is before "was the original request." */
function partialAnchor(text: string, from: number, to: number): number | null {
  const slice = text.slice(from, to);
  let last: number | null = null;
  PARTIAL_ANCHOR.lastIndex = 0;
  for (let m = PARTIAL_ANCHOR.exec(slice); m; m = PARTIAL_ANCHOR.exec(slice)) last = m.index;
  // The same words can close a rationale; only a header goes on to say what was authorized.
  if (last === null) return null;
  const tail = slice.slice(last);
  const isHeader =
    tail.length <= MAX_PARTIAL_HEADER_CHARS && PARTIAL_AUTHORIZED.test(tail) && PARTIAL_ELIGIBLE.test(tail);
  if (!isHeader) return null;
  return from + last;
}

function previousNonBlank(lines: LineIndex, index: number, floor: number): number | null {
  for (let i = index - 1; i >= floor; i--) if (!lines.line(i).blank) return i;
  return null;
}

function endsSentence(text: string, line: Line): boolean {
  return SENTENCE_END.test(text.slice(Math.max(line.start, line.end - 12), line.end));
}

function pageBreakBetween(text: string, above: Line, below: Line): boolean {
  return text.slice(above.end, below.start).includes('\f');
}
