/** A line index over the raw text, so boundary rules can reason about whole lines. */

export interface Line {
  readonly start: number;
  /** End of the line's content, before its line break. */
  readonly end: number;
  readonly blank: boolean;
}

const BREAK = /\r\n|\r|\n|\f/g;
const NON_SPACE = /\S/;

export class LineIndex {
  readonly lines: readonly Line[];
  /** True when most line breaks are doubled (text where CRLF was read as two breaks). */
  readonly doubleSpaced: boolean;

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
  return { start, end, blank: !NON_SPACE.test(text.slice(start, end)) };
}
