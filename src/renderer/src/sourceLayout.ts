/**
 * How the source text is laid out for reading: a PDF keeps its printed line breaks, which in a
 * narrower pane cut every line into a long and a short half. A line break inside a paragraph
 * (after a line that ran to the printed width) is shown as a space, so paragraphs reflow to the
 * pane; blank lines, short lines (headings, the end of a paragraph), lines ending in a colon and
 * table rows laid out with runs of spaces keep their breaks. The text itself is untouched, so
 * every offset (spans, selections) stays exact.
 */

/** Printed lines at least this share of the letter's usual full line length were wrapped by the printer. */
const FULL_LINE_SHARE = 0.72;
const LAYOUT_GAP = /\S {3,}\S/;

/** [start, end) of every line break shown as a space (the "\n" or "\r\n"), in order. */
export function softBreaks(text: string): Array<readonly [number, number]> {
  const lines: Array<{ start: number; end: number; breakEnd: number }> = [];
  const pattern = /\r\n|\n|\r/g;
  let start = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    lines.push({ start, end: match.index, breakEnd: match.index + match[0].length });
    start = match.index + match[0].length;
  }
  const lengths = lines.map((line) => text.slice(line.start, line.end).trimEnd().length).filter((n) => n > 0).sort((a, b) => a - b);
  if (lengths.length === 0) return [];
  // The usual full line: most lines of running text reach it; the longest few may be tables.
  const full = lengths[Math.floor(lengths.length * 0.9)]!;
  const breaks: Array<readonly [number, number]> = [];
  lines.forEach((line, i) => {
    const next = lines[i + 1] ?? (line.breakEnd < text.length ? { start: line.breakEnd, end: text.length, breakEnd: text.length } : undefined);
    if (!next) return;
    const here = text.slice(line.start, line.end);
    const after = text.slice(next.start, next.end);
    const trimmed = here.trim();
    if (trimmed === '' || after.trim() === '' || after.includes('\f') || here.includes('\f')) return;
    if (trimmed.length < full * FULL_LINE_SHARE || trimmed.endsWith(':')) return;
    if (LAYOUT_GAP.test(here) || LAYOUT_GAP.test(after) || /^\s{2,}/.test(after)) return;
    breaks.push([line.end, line.breakEnd]);
  });
  return breaks;
}
