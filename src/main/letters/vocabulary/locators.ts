/**
 * Locators after a cited part or chapter: `Page(s): 300 AND 309`, `Section(s): Initial Care,
 * Physical Methods`, and named sub-topics ("Opioids when to continue", "MRI").
 */
import type { Span } from '../../../shared/letter.ts';
import type { Locator, LocatorKind } from '../../../shared/vocabulary.ts';
import { ODG_CHAPTERS } from './data/odgChapters.ts';
import { MTUS_TOPICS } from './data/mtusTopics.ts';
import { aliasAt, aliasIndex, foldName, hitsOf, trimSpan } from './text.ts';

const PAGES_LABEL = /\b(?:Page\(s\)|Pages?|pgs?\.?|pp\.?)\s*:?\s*(?=\d)/gi;
const PAGE_LIST = /^\d+(?:\s*[-–]\s*\d+)?(?:\s*(?:,|\band\b|&)\s*\d+(?:\s*[-–]\s*\d+)?)*/i;
const PAGE_ITEM = /\d+(?:\s*[-–]\s*\d+)?/g;
const SECTIONS_LABEL = /\bSections?(?:\(s\))?\s*:\s*|\bSection\(s\)\s*/gi;
const EDGE_PUNCTUATION = ' .,;:-–—/';

/**
 * Names that take a comma qualifier in the guidelines' topic lists ("NSAIDs, GI symptoms &
 * cardiovascular risk", "TENS, chronic pain"), so the comma after them does not end the name.
 * Source: the topic titles of the MTUS Chronic Pain Medical Treatment Guidelines and of ODG.
 */
const QUALIFIED_HEAD_NAMES = ['NSAIDs', 'Opioids', 'TENS', 'Ultrasound', 'Chronic pain programs', 'Topical analgesics', 'Facet joint pain', 'Work conditioning', 'Antidepressants'];
const QUALIFIED_HEADS = new Set(QUALIFIED_HEAD_NAMES.map(foldName));
/** A piece longer than this is no head: pieces joined into a long one are not folded again and again. */
const QUALIFIED_HEAD_MAX = 2 * Math.max(...QUALIFIED_HEAD_NAMES.map((name) => name.length));

/** Known names with commas in them ("Forearm, Wrist, & Hand"), never split. */
const COMMA_NAMES = aliasIndex(
  [...ODG_CHAPTERS.flatMap((chapter) => chapter.aliases), ...MTUS_TOPICS.flatMap((topic) => Object.keys(topic.aliases))]
    .filter((name) => name.includes(','))
    .map((name) => [name, name] as const),
);

interface Region {
  readonly kind: LocatorKind;
  readonly start: number;
  readonly end: number;
}

/** The locators printed in text[start, end). */
export function parseLocators(text: string, start: number, end: number): Locator[] {
  const markers = [
    ...hitsOf(text, PAGES_LABEL, start, end).map((hit) => ({ kind: 'page' as const, start: hit.start, contentStart: hit.end })),
    ...hitsOf(text, SECTIONS_LABEL, start, end).map((hit) => ({ kind: 'section' as const, start: hit.start, contentStart: hit.end })),
  ].sort((a, b) => a.start - b.start);
  const regions: Region[] = [];
  let cursor = start;
  for (const [index, marker] of markers.entries()) {
    if (marker.start < cursor) continue;
    regions.push({ kind: 'topic', start: cursor, end: marker.start });
    const next = markers[index + 1]?.start ?? end;
    if (marker.kind === 'page') {
      const list = PAGE_LIST.exec(text.slice(marker.contentStart, next));
      const listEnd = marker.contentStart + (list?.[0].length ?? 0);
      regions.push({ kind: 'page', start: marker.contentStart, end: listEnd });
      cursor = listEnd;
    } else {
      regions.push({ kind: 'section', start: marker.contentStart, end: next });
      cursor = next;
    }
  }
  regions.push({ kind: 'topic', start: cursor, end });
  return regions.flatMap((region) => (region.kind === 'page' ? pageLocators(text, region) : listLocators(text, region)));
}

function pageLocators(text: string, region: Region): Locator[] {
  return hitsOf(text, PAGE_ITEM, region.start, region.end).map((hit) => ({
    kind: 'page',
    value: text.slice(hit.start, hit.end).replace(/\s+/g, ''),
    span: [hit.start, hit.end],
  }));
}

function listLocators(text: string, region: Region): Locator[] {
  return splitList(text, region.start, region.end).map((span) => ({ kind: region.kind, value: text.slice(span[0], span[1]), span }));
}

/**
 * Splits a comma or semicolon list at parenthesis depth 0, keeping together a known name with
 * commas, and a name and its qualifier: a piece that starts in lower case, or follows a
 * qualified head, continues the one before. With `stopAt`, the list ends before the first later
 * piece not in lower case where `stopAt` says one starts: that piece runs to `end`, so a reader
 * looking for the next such piece reads no further than it.
 */
export function splitList(text: string, start: number, end: number, stopAt?: (at: number) => boolean): Span[] {
  const pieces: Span[] = [];
  let depth = 0;
  let pieceStart = start;
  let seen = false;
  let stop: Span | null = null;
  for (let index = start; index <= end; index++) {
    if (depth === 0 && !seen && !/\s/.test(text[index] ?? '')) {
      const opening = stopAt && index < end ? openingOf(text, index, end) : index;
      if (stopAt && pieces.length > 0 && opening < end && !/^[a-z]/.test(text[opening] ?? '') && stopAt(opening)) {
        stop = trimSpan(text, opening, end, EDGE_PUNCTUATION);
        break;
      }
      const name = aliasAt(text, index, COMMA_NAMES, end);
      if (name && name.span[0] === index) index = name.span[1];
      seen = true;
    }
    const char = text[index];
    if (char !== undefined && !/\s/.test(char)) seen = true;
    if (char === '(' || char === '[') depth++;
    if ((char === ')' || char === ']') && depth > 0) depth--;
    if (index === end || (depth === 0 && (char === ',' || char === ';'))) {
      const span = trimSpan(text, pieceStart, index, EDGE_PUNCTUATION);
      const piece = stripLeadingAnd(text, span);
      if (piece[0] < piece[1]) pieces.push(piece);
      pieceStart = index + 1;
      seen = false;
    }
  }
  const joined: Span[] = [];
  for (const piece of pieces) {
    const previous = joined.at(-1);
    if (previous && continuesPrevious(text, previous, piece)) joined[joined.length - 1] = [previous[0], piece[1]];
    else joined.push(piece);
  }
  // Where `stopAt` says a piece starts anew, it does, even after a qualified head ("Opioids, Neck and Upper Back").
  return stop ? [...joined, stop] : joined;
}

/** Whether a piece is a qualifier of the one before: it starts in lower case, or follows a qualified head. */
function continuesPrevious(text: string, previous: Span, piece: Span): boolean {
  return /^[a-z]/.test(text[piece[0]] ?? '') || isQualifiedHead(text.slice(previous[0], previous[1]));
}

/** Where a piece's words start, as the split will trim it: past edge punctuation and a leading "and". */
function openingOf(text: string, at: number, end: number): number {
  const start = skipEdge(text, at, end);
  const and = /^and\s+/i.exec(text.slice(start, Math.min(end, start + 8)));
  return and ? skipEdge(text, start + and[0].length, end) : start;
}

function skipEdge(text: string, at: number, end: number): number {
  let index = at;
  while (index < end && (/\s/.test(text[index] as string) || EDGE_PUNCTUATION.includes(text[index] as string))) index++;
  return index;
}

function isQualifiedHead(piece: string): boolean {
  return piece.length <= QUALIFIED_HEAD_MAX && QUALIFIED_HEADS.has(foldName(piece));
}

function stripLeadingAnd(text: string, span: Span): Span {
  const match = /^and\s+/i.exec(text.slice(span[0], span[1]));
  return match ? trimSpan(text, span[0] + match[0].length, span[1], EDGE_PUNCTUATION) : span;
}
