/**
 * Text helpers for the vocabulary. Names are compared in a folded form (lower case, "&" read
 * as "and", punctuation and dashes as spaces, apostrophes dropped) so "Knee & Leg" and
 * "Knee and Leg", or "Stress-Related" and "Stress Related", are one name; every folded
 * character remembers where it came from, so a match maps back to a span of the text as given.
 */
import type { Field, Span } from '../../../shared/letter.ts';

interface FoldedText {
  readonly text: string;
  /** For each folded character, the [start, end) of the source characters it stands for. */
  readonly from: readonly number[];
  readonly to: readonly number[];
  /** For each source offset (and the end), the first folded character that comes from it or later. */
  readonly at: Int32Array;
}

const APOSTROPHES = /['’‘`]/;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Source characters folded since the module loaded: the linearity test reads it to count work, not time. */
let charactersFolded = 0;

export function foldWork(): number {
  return charactersFolded;
}

function fold(source: string): FoldedText {
  charactersFolded += source.length;
  let text = '';
  const from: number[] = [];
  const to: number[] = [];
  const at = new Int32Array(source.length + 1);
  const push = (chars: string, start: number, end: number) => {
    for (const char of chars) {
      text += char;
      from.push(start);
      to.push(end);
    }
  };
  for (let index = 0; index < source.length; index++) {
    at[index] = text.length;
    const char = source[index] as string;
    if (APOSTROPHES.test(char)) continue;
    if (char === '&') {
      if (!text.endsWith(' ') && text.length > 0) push(' ', index, index);
      push('and ', index, index + 1);
    } else if (WORD_CHAR.test(char)) {
      push(char.toLowerCase(), index, index + 1);
    } else if (text.length > 0 && !text.endsWith(' ')) {
      push(' ', index, index + 1);
    }
  }
  while (text.endsWith(' ')) {
    text = text.slice(0, -1);
    from.pop();
    to.pop();
  }
  at[source.length] = text.length;
  for (let index = 0; index <= source.length; index++) at[index] = Math.min(at[index] as number, text.length);
  return { text, from, to, at };
}

/**
 * The last source folded for aliasAt. Callers walk one field from many offsets; folding it once
 * (not the rest of it from every offset) keeps reading a field linear in its length.
 */
let lastFolded: { readonly source: string; readonly folded: FoldedText } | null = null;

function foldedSource(source: string): FoldedText {
  if (lastFolded?.source !== source) lastFolded = { source, folded: fold(source) };
  return lastFolded.folded;
}

/** The folded form of a name, for building alias indexes. */
export function foldName(name: string): string {
  return fold(name).text;
}

interface AliasEntry<T> {
  readonly folded: string;
  readonly value: T;
}

export interface AliasIndex<T> {
  /** Longest first, so "Low Back - Lumbar & Thoracic" wins over "Low Back". */
  readonly entries: readonly AliasEntry<T>[];
  /** The same, by their first word: an alias matches only where the text's word is its first word. */
  readonly byFirstWord: ReadonlyMap<string, readonly AliasEntry<T>[]>;
}

export function aliasIndex<T>(pairs: Iterable<readonly [alias: string, value: T]>): AliasIndex<T> {
  const entries: AliasEntry<T>[] = [];
  const seen = new Set<string>();
  for (const [alias, value] of pairs) {
    const folded = foldName(alias);
    if (folded === '' || seen.has(folded)) continue;
    seen.add(folded);
    entries.push({ folded, value });
  }
  entries.sort((a, b) => b.folded.length - a.folded.length);
  const byFirstWord = new Map<string, AliasEntry<T>[]>();
  for (const entry of entries) {
    const word = firstWord(entry.folded, 0);
    byFirstWord.set(word, [...(byFirstWord.get(word) ?? []), entry]);
  }
  return { entries, byFirstWord };
}

/** The folded word starting at `position`. */
function firstWord(folded: string, position: number): string {
  const end = folded.indexOf(' ', position);
  return folded.slice(position, end === -1 ? folded.length : end);
}

export interface AliasHit<T> {
  readonly value: T;
  /** Span in the source text. */
  readonly span: Span;
}

/** The longest alias that starts exactly at source offset `at` (after skipping spaces and punctuation), ending by `end`. */
export function aliasAt<T>(source: string, at: number, index: AliasIndex<T>, end = source.length): AliasHit<T> | null {
  const folded = foldedSource(source);
  let start = folded.at[Math.min(at, source.length)] as number;
  let limit = folded.at[Math.min(Math.max(end, at), source.length)] as number;
  if (folded.text[start] === ' ') start++;
  while (limit > start && folded.text[limit - 1] === ' ') limit--;
  const space = folded.text.indexOf(' ', start);
  const word = folded.text.slice(start, space === -1 || space > limit ? limit : space);
  for (const entry of index.byFirstWord.get(word) ?? []) {
    const stop = start + entry.folded.length;
    if (stop > limit || !folded.text.startsWith(entry.folded, start)) continue;
    if (stop < limit && folded.text[stop] !== ' ') continue;
    return { value: entry.value, span: closeParenthesis(source, foldedSpan(folded, start, stop, 0)) };
  }
  return null;
}

/** Every alias occurrence in source[from, to), leftmost-longest and not overlapping. */
export function aliasesIn<T>(source: string, index: AliasIndex<T>, from = 0, to = source.length): AliasHit<T>[] {
  const folded = fold(source.slice(from, to));
  const hits: AliasHit<T>[] = [];
  let position = 0;
  while (position < folded.text.length) {
    const atWordStart = position === 0 || folded.text[position - 1] === ' ';
    const candidates = atWordStart ? index.byFirstWord.get(firstWord(folded.text, position)) : undefined;
    const entry = candidates?.find((candidate) => matchesAt(folded.text, position, candidate.folded));
    if (entry) {
      hits.push({ value: entry.value, span: closeParenthesis(source, foldedSpan(folded, position, position + entry.folded.length, from)) });
      position += entry.folded.length;
    } else {
      position++;
    }
  }
  return hits;
}

function matchesAt(text: string, position: number, alias: string): boolean {
  if (!text.startsWith(alias, position)) return false;
  const after = text[position + alias.length];
  return after === undefined || after === ' ';
}

/** A name that opens a parenthesis ("Pain (Chronic", "Coronavirus (COVID-19") ends after its closing one. */
function closeParenthesis(source: string, span: Span): Span {
  const name = source.slice(span[0], span[1]);
  const open = name.split('(').length - name.split(')').length;
  return open > 0 && source[span[1]] === ')' ? [span[0], span[1] + 1] : span;
}

function foldedSpan(folded: FoldedText, start: number, end: number, offset: number): Span {
  return [offset + (folded.from[start] as number), offset + (folded.to[end - 1] as number)];
}

/** Narrows [start, end) past surrounding whitespace and the given punctuation. */
export function trimSpan(text: string, start: number, end: number, punctuation = ''): Span {
  const strip = (char: string | undefined) => char !== undefined && (/\s/.test(char) || punctuation.includes(char));
  let s = start;
  let e = end;
  while (s < e && strip(text[s])) s++;
  while (e > s && strip(text[e - 1])) e--;
  return [s, e];
}

export function fieldOf(text: string, span: Span): Field {
  return { value: text.slice(span[0], span[1]), span };
}

const WORD_NUMBERS: Readonly<Record<string, number>> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, eighteen: 18,
  twenty: 20, thirty: 30, once: 1, twice: 2, thrice: 3,
};

/** A number written as digits or a word ("8", "eight", "twice"); null for anything else. */
export function readNumber(token: string): number | null {
  const clean = token.trim().toLowerCase().replace(/[\s-]+/g, '_');
  if (/^\d+(?:\.\d+)?$/.test(clean)) return Number(clean);
  return WORD_NUMBERS[clean] ?? null;
}

/** The source of a regular expression matching a number as `readNumber` reads it. */
export const NUMBER_WORD =
  '(?:\\d+(?:\\.\\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|eighteen|twenty|thirty)';

export interface Hit {
  readonly start: number;
  readonly end: number;
  readonly match: RegExpExecArray;
  /** Where the searched region starts: the match's `indices` are relative to it. */
  readonly offset: number;
}

/** Every match of a pattern in text[from, to), with absolute offsets and the `d` indices. */
export function hitsOf(text: string, pattern: RegExp, from = 0, to = text.length): Hit[] {
  const flags = pattern.flags.replace(/[gyd]/g, '');
  const global = new RegExp(pattern.source, `${flags}gd`);
  const region = text.slice(from, to);
  const hits: Hit[] = [];
  for (let match = global.exec(region); match; match = global.exec(region)) {
    if (match[0].length === 0) {
      global.lastIndex++;
      continue;
    }
    hits.push({ start: from + match.index, end: from + match.index + match[0].length, match, offset: from });
  }
  return hits;
}

/** The absolute span of a capture group of a hit, or null when the group did not take part. */
export function groupSpan(hit: Hit, group: number | string): Span | null {
  const indices = hit.match.indices;
  const range = typeof group === 'number' ? indices?.[group] : indices?.groups?.[group];
  return range ? [hit.offset + range[0], hit.offset + range[1]] : null;
}

export function overlaps(a: Span, b: Span): boolean {
  return a[0] < b[1] && b[0] < a[1];
}
