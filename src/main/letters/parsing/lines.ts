/** A line index over the raw text, so boundary rules can reason about whole lines. */

export interface Line {
  readonly start: number;
  /** End of the line's content, before its line break. */
  readonly end: number;
  readonly blank: boolean;
  /** Characters from the first to the last non-space one. */
  readonly width: number;
}

const MIN_LINES_FOR_WIDTH = 20;
/** Wrapped lines fill most of the width; a paragraph's last line usually does not. */
const SHORT_LINE_SHARE = 0.6;

const BREAK = /\r\n|\r|\n|\f/g;

export class LineIndex {
  readonly lines: readonly Line[];
  /** True when most line breaks are doubled (text where CRLF was read as two breaks). */
  readonly doubleSpaced: boolean;
  /**
   * The length of a full line (the 90th percentile of line lengths), or null when the
   * text has too few lines to tell. A shorter line ends its paragraph.
   */
  readonly fullWidth: number | null;

  constructor(text: string) {
    const lines: Line[] = [];
    let start = 0;
    BREAK.lastIndex = 0;
    for (let m = BREAK.exec(text); m; m = BREAK.exec(text)) {
      lines.push(makeLine(text, start, m.index));
      start = m.index + m[0].length;
    }
    lines.push(makeLine(text, start, text.length));
    this.lines = lines;
    const blank = lines.filter((line) => line.blank).length;
    this.doubleSpaced = lines.length > 20 && blank / lines.length > 0.4;
    const widths = lines.filter((line) => !line.blank).map((line) => line.width).sort((a, b) => a - b);
    this.fullWidth = widths.length >= MIN_LINES_FOR_WIDTH ? (widths[Math.floor(widths.length * 0.9)] as number) : null;
  }

  /** True when the line is clearly shorter than a full line, so a paragraph ends on it. */
  endsParagraph(index: number): boolean {
    return this.fullWidth !== null && this.line(index).width < this.fullWidth * SHORT_LINE_SHARE;
  }

  /** Index of the line containing offset `pos`. */
  lineAt(pos: number): number {
    let lo = 0;
    let hi = this.lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lines[mid] as Line).start <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  line(index: number): Line {
    return this.lines[index] as Line;
  }
}

function makeLine(text: string, start: number, end: number): Line {
  const width = text.slice(start, end).trim().length;
  return { start, end, blank: width === 0, width };
}
