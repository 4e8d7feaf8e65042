/** Low-level helpers over the raw letter text. Offsets always index the text as given. */
import type { Field, Span } from '../../../shared/letter.ts';

import { foldWhitespace } from '../../../shared/fold.ts';

export { foldWhitespace };

const WHITESPACE = /\s/;

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

export interface Hit {
  readonly start: number;
  readonly end: number;
  readonly match: RegExpExecArray;
}

/**
 * Every match of `pattern` inside text[from, to), with absolute offsets. Searching
 * only the slice keeps a missing label from costing a scan to the end of the letter.
 */
export function findAllIn(text: string, pattern: RegExp, from = 0, to = text.length, limit = Infinity): Hit[] {
  const region = from === 0 && to === text.length ? text : text.slice(from, to);
  const global = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, '') + 'g');
  const found: Hit[] = [];
  for (let match = global.exec(region); match && found.length < limit; match = global.exec(region)) {
    found.push({ start: from + match.index, end: from + match.index + match[0].length, match });
    if (match[0].length === 0) global.lastIndex++;
  }
  return found;
}

/** First match of `pattern` inside text[from, to), with absolute offsets. */
export function findIn(text: string, pattern: RegExp, from = 0, to = text.length): Hit | null {
  return findAllIn(text, pattern, from, to, 1)[0] ?? null;
}
