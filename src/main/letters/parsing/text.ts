/** Low-level helpers over the raw letter text. Offsets always index the text as given. */
import type { Field, Span } from '../../../shared/letter.ts';

const LINE_FINAL_HYPHEN = /-[ \t]*(?:\r\n|\r|\n|\f)\s*/g;
const WHITESPACE_RUN = /\s+/g;
const WHITESPACE = /\s/;

/**
 * Folds raw text to the gold convention: a line ending in "-" joins the next
 * line without a space (hyphen kept), every other whitespace run becomes one space.
 */
export function foldWhitespace(raw: string): string {
  return raw.replace(LINE_FINAL_HYPHEN, '-').replace(WHITESPACE_RUN, ' ').trim();
}

/** Narrows [start, end) so it neither starts nor ends with whitespace. */
export function trimSpan(text: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s < e && WHITESPACE.test(text[s] as string)) s++;
  while (e > s && WHITESPACE.test(text[e - 1] as string)) e--;
  return [s, e];
}

/** A field read from text[start, end), or null when that range holds only whitespace. */
export function fieldAt(text: string, start: number, end: number): Field | null {
  const span = trimSpan(text, start, end);
  if (span[0] >= span[1]) return null;
  return { value: foldWhitespace(text.slice(span[0], span[1])), span };
}

/** A whitespace-tolerant pattern for a phrase: words may be split by any line or page break. */
export function phrase(words: string, flags = ''): RegExp {
  const body = words
    .trim()
    .split(/\s+/)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    .join('\\s+');
  return new RegExp(body, flags);
}

/** First match of `pattern` in text[from, to), with absolute offsets. */
export function findIn(
  text: string,
  pattern: RegExp,
  from = 0,
  to = text.length,
): { start: number; end: number; match: RegExpExecArray } | null {
  const sticky = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, '') + 'g');
  sticky.lastIndex = from;
  const match = sticky.exec(text);
  if (!match || match.index + match[0].length > to) return null;
  return { start: match.index, end: match.index + match[0].length, match };
}

/** Every match of `pattern` in text[from, to), with absolute offsets. */
export function findAllIn(
  text: string,
  pattern: RegExp,
  from = 0,
  to = text.length,
): { start: number; end: number; match: RegExpExecArray }[] {
  const global = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, '') + 'g');
  global.lastIndex = from;
  const found: { start: number; end: number; match: RegExpExecArray }[] = [];
  for (let match = global.exec(text); match; match = global.exec(text)) {
    const end = match.index + match[0].length;
    if (end > to) break;
    found.push({ start: match.index, end, match });
    if (match[0].length === 0) global.lastIndex++;
  }
  return found;
}

export function isLineBreak(char: string | undefined): boolean {
  return char === '\n' || char === '\r' || char === '\f';
}
