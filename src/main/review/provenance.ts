/**
 * Where an edited value comes from. A selection gives the value its span; a typed value keeps
 * its field's span when it still reads there (narrowed to where it reads); the parser's value
 * put back gets the parser's span back; anything else has no source span. Pure functions.
 */
import type { SourceSpans, Span } from '../../shared/letter.ts';

/** The source text of `spans`, folded as values are (see shared/fold.ts), with each folded character's raw offset. */
export interface FoldedSource {
  readonly text: string;
  /** Raw offset of each folded character's first raw character. */
  readonly starts: readonly number[];
  /** Raw offset just after each folded character's last raw character. */
  readonly ends: readonly number[];
}

const WHITESPACE = /\s/;
const LINE_BREAK = /[\r\n\f]/;

/**
 * Folds text[span] for every span, joined by one space, following foldWhitespace exactly: a
 * hyphen ending a line joins the next line, every other whitespace run is one space, ends trimmed.
 */
export function foldSpans(text: string, spans: SourceSpans): FoldedSource {
  const out: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const push = (char: string, start: number, end: number) => {
    out.push(char);
    starts.push(start);
    ends.push(end);
  };
  spans.forEach(([from, to], index) => {
    if (index > 0 && out.length > 0 && out.at(-1) !== ' ') push(' ', from, from);
    let at = from;
    while (at < to) {
      const char = text[at] as string;
      if (!WHITESPACE.test(char)) {
        push(char, at, at + 1);
        at++;
        continue;
      }
      let runEnd = at;
      while (runEnd < to && WHITESPACE.test(text[runEnd] as string)) runEnd++;
      if (!joinsHyphenatedLine(text, from, at, runEnd) && out.length > 0 && out.at(-1) !== ' ') push(' ', at, runEnd);
      at = runEnd;
    }
  });
  while (out.at(-1) === ' ') {
    out.pop();
    starts.pop();
    ends.pop();
  }
  return { text: out.join(''), starts, ends };
}

/** A whitespace run right after a "-" that holds a line break before any other non-blank: the line joins on. */
function joinsHyphenatedLine(text: string, from: number, runStart: number, runEnd: number): boolean {
  if (runStart === from || text[runStart - 1] !== '-') return false;
  for (let at = runStart; at < runEnd; at++) {
    const char = text[at] as string;
    if (LINE_BREAK.test(char)) return true;
    if (char !== ' ' && char !== '\t') return false;
  }
  return false;
}

/**
 * The spans where `value` reads inside `spans` (the first place it does), or null when it does
 * not read there. A value that runs across two spans gets a piece in each.
 */
export function locateValue(text: string, spans: SourceSpans, value: string): SourceSpans | null {
  if (value === '') return null;
  const folded = foldSpans(text, spans);
  const at = folded.text.indexOf(value);
  if (at < 0) return null;
  const pieces: Span[] = [];
  for (const [from, to] of spans) {
    let start = -1;
    let end = -1;
    for (let i = at; i < at + value.length; i++) {
      const rawStart = folded.starts[i] as number;
      const rawEnd = folded.ends[i] as number;
      if (rawStart < from || rawEnd > to || rawStart === rawEnd || WHITESPACE.test(text[rawStart] as string)) continue;
      if (start < 0) start = rawStart;
      end = rawEnd;
    }
    if (start >= 0) pieces.push([start, end]);
  }
  return pieces.length > 0 ? pieces : null;
}

export function sameSpans(a: SourceSpans | null | undefined, b: SourceSpans | null | undefined): boolean {
  const left = a ?? [];
  const right = b ?? [];
  return left.length === right.length && left.every(([start, end], i) => right[i]?.[0] === start && right[i]?.[1] === end);
}

/** A span the reviewer selected must lie inside the letter's text. */
export function isInsideText(span: Span, text: string): boolean {
  const [start, end] = span;
  return Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end && end <= text.length;
}
