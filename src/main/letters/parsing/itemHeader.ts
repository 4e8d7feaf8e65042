/**
 * Where an item header starts. The header ends at a known point (the colon before
 * the decision) but nothing marks its start: blank lines are unreliable and PDF text
 * has none. The header starts on the line after the previous rationale's last
 * sentence, so we walk up line by line until the line above ends a sentence.
 */
import type { Line } from './lines.ts';
import { LineIndex } from './lines.ts';
import { PARTIAL_PHRASES } from './sections.ts';

export const MAX_HEADER_LINES = 6;

const SENTENCE_END = /[.!?]["'”’)\]]*\s*$/;
const PARTIAL_ANCHOR = new RegExp(PARTIAL_PHRASES.original.source, 'gi');
const PARTIAL_AUTHORIZED = /authorized/;
const MAX_PARTIAL_HEADER_CHARS = 3000;

/** Text no header holds: a rationale's conclusion; and no header's lead has a sentence end or a lowercase start. */
const NECESSITY = /medically\s+necessary|medical\s+necessity/i;
const INNER_SENTENCE_END = /[.!?]["'”’)\]]*\s+["“(]?[A-Z]/;
const LOWERCASE_START = /^\s*[a-z]/;
const NECESSITY_DOUBT = 'The header contains "medically necessary", which belongs to a rationale.';

export interface HeaderStart {
  readonly start: number;
  /** Why the start may be wrong, or null when the boundary is clear. */
  readonly doubt: string | null;
  /** The doubt is about what the header holds, not only where it starts (a partial split may be wrong too). */
  readonly wholeHeader?: boolean;
}

/**
 * @param regionStart where the previous item's rationale text begins (or the items intro ends)
 * @param headerEnd the colon before the decision word
 * @param floorIsBoundary regionStart is a known boundary (the items intro or heading), so a
 *   header reaching it is fine; otherwise reaching it means the header took in a whole field
 */
export function findHeaderStart(
  text: string,
  lines: LineIndex,
  regionStart: number,
  headerEnd: number,
  floorIsBoundary: boolean,
): HeaderStart {
  const anchor = partialAnchor(text, lines, regionStart, headerEnd);
  const walk = walkUp(text, lines, regionStart, anchor ?? headerEnd, floorIsBoundary);
  // In a partial header's sentences, a verdict means they are a rationale's restatement.
  if (anchor !== null && NECESSITY.test(text.slice(anchor, headerEnd))) {
    return { start: walk.start, doubt: `${NECESSITY_DOUBT} The sentences may restate the previous item.`, wholeHeader: true };
  }
  return { start: walk.start, doubt: walk.doubt ?? leadDoubt(text.slice(walk.start, anchor ?? headerEnd)) };
}

function walkUp(text: string, lines: LineIndex, regionStart: number, from: number, floorIsBoundary: boolean): HeaderStart {
  const firstLine = lines.lineAt(regionStart);
  let current = lines.lineAt(from);
  let shortLine = false;
  const found = (start: number, doubt: string | null = null): HeaderStart => ({
    start,
    doubt: doubt ?? (shortLine ? 'A short line inside the header looks like the end of a paragraph without a full stop.' : null),
  });
  for (let taken = 1; ; taken++) {
    const currentLine = lines.line(current);
    const above = previousNonBlank(lines, current, firstLine);
    if (currentLine.start < regionStart || above === null || onlySpaceAfter(text, regionStart, lines.line(above))) {
      const doubt = floorIsBoundary ? null : 'The header seems to take in the whole of the previous field.';
      return found(Math.max(regionStart, currentLine.start), doubt);
    }
    const aboveLine = lines.line(above);
    if (endsSentence(text, aboveLine)) return found(currentLine.start);
    if (!lines.doubleSpaced && above < current - 1 && !pageBreakBetween(text, aboveLine, currentLine)) {
      // In single-spaced text a blank line separates paragraphs.
      return found(currentLine.start);
    }
    if (taken >= MAX_HEADER_LINES) {
      return found(currentLine.start, `No sentence end within ${MAX_HEADER_LINES} lines above the header.`);
    }
    // Header lines above the last one are full; a short one is a paragraph's end without a full stop.
    if (lines.endsParagraph(above)) shortLine = true;
    current = above;
  }
}

/**
 * A header start the walk got wrong shows in the header's lead (the ordinary header, or a
 * partial header's text before "was the original request"): a sentence end, a start mid-sentence.
 */
function leadDoubt(lead: string): string | null {
  if (NECESSITY.test(lead)) return NECESSITY_DOUBT;
  if (INNER_SENTENCE_END.test(lead)) return 'The header contains a sentence end, so it may hold the end of the previous rationale.';
  if (LOWERCASE_START.test(lead)) return 'The header starts with a lowercase word, as if in the middle of a sentence.';
  return null;
}

/**
 * A partial-certification header contains sentences; its start is before "was the
 * original request.". A rationale may end by restating the same three sentences ("...
 * the original request, X is not medically necessary."): a header's last sentence runs
 * to its colon, while a restatement ends its sentence on a line of its own.
 */
function partialAnchor(text: string, lines: LineIndex, from: number, to: number): number | null {
  const slice = text.slice(from, to);
  let last = -1;
  for (const match of slice.matchAll(PARTIAL_ANCHOR)) last = match.index;
  if (last < 0) return null;
  const tail = slice.slice(last);
  if (tail.length > MAX_PARTIAL_HEADER_CHARS || !PARTIAL_AUTHORIZED.test(tail)) return null;
  let eligible = -1;
  for (const match of tail.matchAll(PARTIAL_PHRASES.eligible)) eligible = match.index + match[0].length;
  if (eligible < 0 || endsSentenceBetween(text, lines, from + last + eligible, to)) return null;
  return from + last;
}

/** True when a line ending in [from, to), before the line holding `to`, ends a sentence. */
function endsSentenceBetween(text: string, lines: LineIndex, from: number, to: number): boolean {
  const last = lines.lineAt(to);
  for (let i = lines.lineAt(from); i < last; i++) {
    const line = lines.line(i);
    if (line.end > from && endsSentence(text, line)) return true;
  }
  return false;
}

/** The line holds nothing after `pos`: it is the line the region starts on, or one before it. */
function onlySpaceAfter(text: string, pos: number, line: Line): boolean {
  return line.end <= pos || text.slice(pos, line.end).trim() === '';
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
