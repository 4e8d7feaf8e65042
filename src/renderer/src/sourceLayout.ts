/**
 * How the source text is laid out for reading: a PDF keeps its printed line breaks, which in a
 * narrower pane cut every line into a long and a short half. A line break inside a paragraph
 * (after a line that ran to the printed width) is shown as a space, so paragraphs reflow to the
 * pane; blank lines, short lines (headings, the end of a paragraph), lines ending in a colon, lines
 * starting with a label and table rows laid out with runs of spaces keep their breaks. The text itself is untouched, so
 * every offset (spans, selections) stays exact.
 */

/** Printed lines at least this share of the letter's usual full line length were wrapped by the printer. */
const FULL_LINE_SHARE = 0.72;
const LAYOUT_GAP = /\S {3,}\S/;
/** A line that starts with a label ("Decision rationale:", an item's "Service: Upheld") starts a block of its own. */
const STARTS_WITH_LABEL = /^\s*[A-Z][\w()/'’&,.#-]*(?: [\w()/'’&,.#-]+){0,8}:(?:\s|$)/;

/** [start, end) of every line break shown as a space (the "\n" or "\r\n"), in order. */
export function softBreaks(text: string): Array<readonly [number, number]> {
  // Lines end at a line break or a page break (a form feed, never shown as a space).
  const lines: Array<{ start: number; end: number; breakEnd: number; page: boolean }> = [];
  const pattern = /\r\n|\n|\r|\f/g;
  let start = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    lines.push({ start, end: match.index, breakEnd: match.index + match[0].length, page: match[0] === '\f' });
    start = match.index + match[0].length;
  }
  lines.push({ start, end: text.length, breakEnd: text.length, page: false });
  const lengths = lines.map((line) => text.slice(line.start, line.end).trim().length).filter((n) => n > 0).sort((a, b) => a - b);
  if (lengths.length === 0) return [];
  // The usual full line: most lines of running text reach it; the longest few may be tables.
  const full = lengths[Math.floor(lengths.length * 0.9)]!;
  const breaks: Array<readonly [number, number]> = [];
  lines.forEach((line, i) => {
    const next = lines[i + 1];
    if (!next || line.page) return;
    const here = text.slice(line.start, line.end);
    const after = text.slice(next.start, next.end);
    const trimmed = here.trim();
    if (trimmed === '' || after.trim() === '') return;
    if (trimmed.length < full * FULL_LINE_SHARE || trimmed.endsWith(':')) return;
    if (LAYOUT_GAP.test(here) || LAYOUT_GAP.test(after) || /^\s{2,}/.test(after) || STARTS_WITH_LABEL.test(after)) return;
    breaks.push([line.end, line.breakEnd]);
  });
  return breaks;
}
