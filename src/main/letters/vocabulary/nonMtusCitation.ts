/**
 * Non-MTUS citations: the text after "Decision based on Non-MTUS Citation". It can hold
 * several sources ("Official Disability Guidelines (ODG) Knee/DME, Low Back Lumbar and
 * Thoracic/Mattress selection and Other Medical Treatment Guidelines https://..."), so it is
 * cut at every source name or web address first, and each piece read on its own.
 */
import type { Field, Span } from '../../../shared/letter.ts';
import type { GuidelineCitation, Locator, OtherSourceKind, VocabularyWarning } from '../../../shared/vocabulary.ts';
import { citation, hasWords } from './citation.ts';
import { ODG_CHAPTERS, type OdgChapter } from './data/odgChapters.ts';
import { ODG_TOPIC_CHAPTERS } from './data/odgTopics.ts';
import { OTHER_SOURCE_RULES, WEB_ADDRESS } from './data/otherSources.ts';
import { splitList } from './locators.ts';
import { parseMtusSegment, topicOf } from './mtusCitation.ts';
import { aliasAt, aliasesIn, aliasIndex, hitsOf, trimSpan, type AliasHit } from './text.ts';

type Marker = 'odg' | 'acoem' | 'other-label' | 'web' | 'authors';

const MARKERS: readonly { readonly kind: Marker; readonly pattern: RegExp }[] = [
  {
    kind: 'odg',
    pattern:
      /\b(?:Official\s+Disability\s+Guidelines?(?:\s*[-–—]?\s*Treatment\s+(?:in|for)\s+Worker(?:['’]?s)?['’]?\s+Comp(?:ensation)?\.?)?(?:\s*\(\s*(?:ODG(?:[-\s]TWC)?|TWC)\s*\))?|ODG(?:[-\s]TWC)?)(?![\w])/gi,
  },
  {
    kind: 'acoem',
    pattern:
      /\b(?:American\s+College\s+of\s+Occupational\s+and\s+Environmental\s+Medicine(?:\s*\(ACOEM\))?|ACOEM)(?:['’]s)?(?:\s+(?:Occupational\s+Medicine\s+)?Practice\s+Guidelines?)?(?:,?\s*(?:2nd|3rd|second|third)\s+edition)?(?![\w])/gi,
  },
  { kind: 'other-label', pattern: /\bOther\s+Medical\s+Treatment\s+Guidelines?\b\s*:?/gi },
  { kind: 'web', pattern: WEB_ADDRESS },
  // A journal citation's author list: "Kessler J, et al.", "Smith AB, Jones CD, et al."
  { kind: 'authors', pattern: /\b[A-Z][a-z'’-]+\s+[A-Z]{1,3}(?:,\s*[A-Z][a-z'’-]+\s+[A-Z]{1,3})*,?\s+et\s+al\b\.?/g },
];

const CHAPTER_INDEX = aliasIndex<OdgChapter>(ODG_CHAPTERS.flatMap((chapter) => chapter.aliases.map((alias) => [alias, chapter] as const)));

const CHAPTER_BY_ID = new Map(ODG_CHAPTERS.map((chapter) => [chapter.id, chapter]));
const TOPIC_INDEX = aliasIndex<OdgChapter>(ODG_TOPIC_CHAPTERS.map(([topic, id]) => [topic, CHAPTER_BY_ID.get(id) as OdgChapter] as const));

const SEPARATORS = /^[\s,;:\-–—/.)]+/;
/** Publisher, edition and version words printed between the source name and the chapter. */
const METADATA = /^(?:Work\s+Loss\s+Data\s+Institute|MCG|Integrated\s+Treatment\/Disability\s+Duration\s+Guidelines|Treatment\s+Index|\(?\s*\d+(?:st|nd|rd|th)\s+(?:Annual\s+)?Edition(?:\s*\((?:web|online)\))?\s*\)?|\((?:web|online)\)|\(?\s*(?:web|online)\s+(?:version|edition)\s*\)?|Chapter\s*:|Treatment\s+(?:in|for)\s+Worker(?:['’]?s)?['’]?\s+Comp(?:ensation)?|\(?\s*(?:ODG(?:[-\s]TWC)?|TWC)\s*\)?)(?![\w])/i;
const YEAR_AT = /^\(?((?:19|20)\d{2})\)?(?![\d/])/;
const UPDATED_AT = /^\(\s*(updated\s+\d{1,2}\/\d{1,2}\/\d{2,4})\s*\)/i;
const CHAPTER_SUFFIX = /^\s*(?:chapters?|sections?|guidelines?|\((?:acute\s*(?:&|and)\s*chronic|chronic|acute)\)|\(\s*(?:online|web)\s+version\s*\))(?![\w])/i;
/** After a chapter name, what may follow for the name to stand alone (a later chapter in a list). */
const CHAPTER_BOUNDARY = /^(?:\s*$|\s*[,;:/(\-–—.]|\s+(?:chapters?|sections?|and)\b)/i;
const UNIT_TAIL = /[\s,;.:]*(?:\band\s*)?$/i;

interface Unit {
  readonly marker: Marker | null;
  readonly start: number;
  readonly nameEnd: number;
  readonly end: number;
}

/** The citations of one Non-MTUS segment text[start, end). */
export function parseNonMtusSegment(text: string, start: number, end: number): GuidelineCitation[] {
  return units(text, start, end).flatMap((unit) => {
    switch (unit.marker) {
      case 'odg':
        return odgCitations(text, unit.start, unit.nameEnd, unit.end, false);
      case 'acoem':
        return acoemCitations(text, unit);
      case 'other-label':
        return [otherCitation(text, unit.start, unit.end, unit.nameEnd)];
      case 'web':
      case 'authors':
        return [otherCitation(text, unit.start, unit.end)];
      case null:
        return inferredCitations(text, unit.start, unit.end);
    }
  });
}

function units(text: string, start: number, end: number): Unit[] {
  const found = MARKERS.flatMap(({ kind, pattern }) => hitsOf(text, pattern, start, end).map((hit) => ({ kind, start: hit.start, end: hit.end })))
    .sort((a, b) => a.start - b.start || b.end - a.end)
    .filter((marker, index, all) => !all.slice(0, index).some((earlier) => marker.start < earlier.end));
  const markers = found.filter((marker, index) => {
    const previous = found[index - 1];
    // "Other Medical Treatment Guidelines https://..." is one citation.
    return !(marker.kind === 'web' && previous?.kind === 'other-label' && !hasWords(text, previous.end, marker.start));
  });
  const result: Unit[] = [];
  const firstStart = markers[0]?.start ?? end;
  if (hasWords(text, start, firstStart)) result.push(unit(text, null, start, start, firstStart));
  markers.forEach((marker, index) => result.push(unit(text, marker.kind, marker.start, marker.end, markers[index + 1]?.start ?? end)));
  return result;
}

function unit(text: string, marker: Marker | null, start: number, nameEnd: number, next: number): Unit {
  const tail = UNIT_TAIL.exec(text.slice(nameEnd, next));
  return { marker, start, nameEnd, end: Math.max(nameEnd, next - (tail?.[0].length ?? 0)) };
}

/**
 * ODG: metadata, a chapter with its suffixes, then topics; a later chapter in the list starts
 * another citation. Pieces printed before the chapter that are not metadata are kept as topics.
 */
function odgCitations(text: string, start: number, from: number, end: number, inferred: boolean): GuidelineCitation[] {
  let cursor = from;
  const editions: Field[] = [];
  const before: Span[] = [];
  let chapter: { entry: OdgChapter; span: Span } | null = null;
  let chapterAhead: number | null | undefined;
  for (;;) {
    cursor = skip(text, cursor, end, SEPARATORS);
    const rest = text.slice(cursor, end);
    const year = YEAR_AT.exec(rest) ?? UPDATED_AT.exec(rest);
    if (year?.[1]) {
      const at = cursor + rest.indexOf(year[1]);
      editions.push({ value: year[1], span: [at, at + year[1].length] });
      cursor += year[0].length;
      continue;
    }
    const meta = METADATA.exec(rest) ?? (chapter ? CHAPTER_SUFFIX.exec(rest) : null);
    if (meta) {
      cursor += meta[0].length;
      continue;
    }
    const hit: AliasHit<OdgChapter> | null = chapter ? null : aliasAt(text, cursor, CHAPTER_INDEX, end);
    if (hit) {
      chapter = { entry: hit.value, span: hit.span };
      cursor = hit.span[1];
      continue;
    }
    if (chapter) break;
    chapterAhead ??= firstChapterPiece(text, cursor, end);
    const [piece] = splitList(text, cursor, end, () => true);
    if (!piece || chapterAhead === null || chapterAhead < piece[1]) break;
    before.push(unwrapParentheses(text, piece));
    cursor = piece[1];
  }
  const pieces = splitList(text, cursor, end, chapter ? (at) => standaloneChapter(text, at, end) : undefined).map((span) => unwrapParentheses(text, span));
  const nextChapter = chapter ? pieces.findIndex((piece) => standaloneChapter(text, piece[0], end)) : -1;
  const topics = [...before, ...(nextChapter === -1 ? pieces : pieces.slice(0, nextChapter))];
  const ownEnd = nextChapter === -1 ? end : (pieces[nextChapter] as Span)[0];
  const locators: Locator[] = topics.map((span) => ({ kind: 'topic', value: text.slice(span[0], span[1]), span }));
  const warnings: VocabularyWarning[] = inferred
    ? [{ code: 'source-inferred', message: 'No source is named; the ODG chapter name makes this an ODG citation.', span: [start, ownEnd] }]
    : [];
  // No chapter printed: the chapter that holds the topic named, when only one does.
  chapter ??= chapterOfTopics(text, topics);
  if (!chapter && topics.length > 0) {
    warnings.push({ code: 'unknown-topic', message: `No ODG chapter is named in "${text.slice(from, ownEnd).trim()}".`, span: [from, ownEnd] });
  }
  const own = citation(text, {
    source: 'odg',
    span: [start, ownEnd],
    topic: chapter ? topicOf(chapter.entry, chapter.span) : null,
    edition: editions[0] ?? null,
    locators,
    mapped: chapter !== null || topics.length === 0,
    warnings,
  });
  const next = pieces[nextChapter];
  return next ? [own, ...odgCitations(text, next[0], next[0], end, inferred)] : [own];
}

function chapterOfTopics(text: string, topics: readonly Span[]): { entry: OdgChapter; span: Span } | null {
  for (const topic of topics) {
    const hit = aliasesIn(text, TOPIC_INDEX, topic[0], topic[1])[0];
    if (hit) return { entry: hit.value, span: hit.span };
  }
  return null;
}

/** Where the first piece after the first that is a chapter of its own starts, or null. */
function firstChapterPiece(text: string, from: number, end: number): number | null {
  const later = splitList(text, from, end, (at) => standaloneChapter(text, at, end)).slice(1);
  return later.find((piece) => standaloneChapter(text, piece[0], end))?.[0] ?? null;
}

function standaloneChapter(text: string, at: number, end: number): boolean {
  const hit = aliasAt(text, at, CHAPTER_INDEX, end);
  // A guideline set after a chapter ("Elbow Chapter, Physical Therapy Guidelines") is a topic of that chapter.
  return hit !== null && hit.span[0] === at && !hit.value.set && CHAPTER_BOUNDARY.test(text.slice(hit.span[1], end));
}

/** ACOEM outside the MTUS is cited by the same chapter names and read by the same grammar. */
function acoemCitations(text: string, unit: Unit): GuidelineCitation[] {
  return parseMtusSegment(text, unit.nameEnd, unit.end).map((parsed, index) =>
    citation(text, { ...parsed, source: 'acoem', mtusPart: null, span: index === 0 ? [unit.start, parsed.span[1]] : parsed.span }),
  );
}

/** Other evidence, classified by what follows `classifyFrom` (after an "Other Medical Treatment Guidelines" label). */
function otherCitation(text: string, start: number, end: number, classifyFrom = start): GuidelineCitation {
  const kind = otherKind(text.slice(classifyFrom, end));
  const warnings: VocabularyWarning[] =
    kind === 'unclassified' ? [{ code: 'unrecognised-text', message: 'The rules cannot tell what kind of evidence this is.', span: [start, end] }] : [];
  return citation(text, { source: 'other', span: [start, end], otherKind: kind, mapped: kind !== 'unclassified', warnings });
}

function otherKind(printed: string): OtherSourceKind {
  const rule = OTHER_SOURCE_RULES.find((candidate) => candidate.pattern.test(printed));
  if (rule) return rule.kind;
  return new RegExp(WEB_ADDRESS.source, 'i').test(printed) ? 'web-page' : 'unclassified';
}

/** Text with no source name: an ODG chapter name at its start makes it ODG; otherwise it is classified as other evidence. */
function inferredCitations(text: string, start: number, end: number): GuidelineCitation[] {
  const at = skip(text, start, end, SEPARATORS);
  return standaloneChapter(text, at, end) ? odgCitations(text, at, at, end, true) : [otherCitation(text, at, end)];
}

function skip(text: string, at: number, end: number, pattern: RegExp): number {
  const match = pattern.exec(text.slice(at, end));
  return at + (match?.[0].length ?? 0);
}

function unwrapParentheses(text: string, span: Span): Span {
  const value = text.slice(span[0], span[1]);
  return value.startsWith('(') && value.endsWith(')') && !value.slice(1, -1).includes('(')
    ? trimSpan(text, span[0] + 1, span[1] - 1)
    : span;
}
