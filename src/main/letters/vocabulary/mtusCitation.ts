/**
 * MTUS citations: the text after "Decision based on MTUS", which may name several parts
 * ("Low Back Complaints 2004, Section(s): Initial Care, and Chronic Pain Medical Treatment
 * 2016, Section(s): Physical medicine treatment"). A part name starts a new citation at the
 * start of the list or after "and" / ";" (after a bare comma only when a year follows), so
 * body regions inside `Section(s):` lists are never read as parts.
 */
import type { Field, Span } from '../../../shared/letter.ts';
import type { CitationTopic, GuidelineCitation, MtusPart, VocabularyWarning } from '../../../shared/vocabulary.ts';
import { citation, hasWords, yearIn } from './citation.ts';
import { MTUS_TOPICS, type MtusTopic } from './data/mtusTopics.ts';
import { parseLocators } from './locators.ts';
import { aliasesIn, aliasIndex, type AliasHit } from './text.ts';

interface TopicAlias {
  readonly topic: MtusTopic;
  readonly part: MtusPart;
}

const TOPIC_INDEX = aliasIndex<TopicAlias>(
  MTUS_TOPICS.flatMap((topic) => Object.entries(topic.aliases).map(([alias, part]) => [alias, { topic, part }] as const)),
);
const BY_CHAPTER = new Map(MTUS_TOPICS.flatMap((topic) => (topic.acoemChapters ?? []).map((chapter) => [chapter, topic] as const)));

/** Words that may precede the part name: "MTUS ACOEM Practice Guidelines, Chapter 12 ...", "MTUS (Effective July 18, 2009) ...". */
const PREFIX = /^(?:MTUS|Citations?|\((?:effective|eff\.)[^)]*\)|ACOEM|\(ACOEM\)|American\s+College\s+of\s+Occupational\s+and\s+Environmental\s+Medicine|Occupational\s+Medicine|Practice|Guidelines?|the|of|for|(?:2nd|3rd|second|third)\s+edition|\(?(?:19|20)\d{2}\)?)(?![\w])[\s,:;\-–]*/i;
const CHAPTER = /^Chapter\s+(\d{1,2})\b[\s,:\-–]*/i;
const EDITION = /^\s*,?\s*\(?\s*(?:revised\s+|rev\.\s*)?((?:19|20)\d{2})\s*\)?(?![\d/])/i;
const LIST_CONNECTOR = /(?:,\s*and|\band|;)\s*$/i;
const COMMA = /,\s*$/;
const CITATION_TAIL = /[\s,;.]*(?:\band\s*)?$/i;

/** The citations of one MTUS segment text[start, end), starting at the word "MTUS". */
export function parseMtusSegment(text: string, start: number, end: number): GuidelineCitation[] {
  let cursor = start + (/^[\s,:;\-–]*/.exec(text.slice(start, end))?.[0].length ?? 0);
  let chapter: { number: number; span: Span } | null = null;
  // "MTUS ACOEM Practice Guidelines, 2nd Edition (2004), Chapter 8 ...": a year in the prefix is the first part's edition.
  let prefixYear: Field | null = null;
  for (let step = PREFIX.exec(text.slice(cursor, end)); step; step = PREFIX.exec(text.slice(cursor, end))) {
    prefixYear ??= yearIn(text, cursor, cursor + step[0].length);
    cursor += step[0].length;
  }
  const chapterMatch = CHAPTER.exec(text.slice(cursor, end));
  if (chapterMatch?.[1]) {
    chapter = { number: Number(chapterMatch[1]), span: [cursor, cursor + chapterMatch[0].trimEnd().length] };
    cursor += chapterMatch[0].length;
  }
  const anchors = listAnchors(text, aliasesIn(text, TOPIC_INDEX, cursor, end), cursor);
  const citations: GuidelineCitation[] = [];
  const firstAnchor = anchors[0]?.span[0] ?? end;
  if (hasWords(text, cursor, firstAnchor) || anchors.length === 0) {
    citations.push(unnamedPart(text, start, cursor, citationEnd(text, cursor, firstAnchor), chapter, prefixYear));
  }
  anchors.forEach((anchor, index) => {
    const first = index === 0 && citations.length === 0;
    const stop = citationEnd(text, anchor.span[1], anchors[index + 1]?.span[0] ?? end);
    citations.push(namedPart(text, first ? start : anchor.span[0], anchor, stop, index === 0 ? chapter : null, first ? prefixYear : null));
  });
  return citations;
}

function listAnchors(text: string, hits: readonly AliasHit<TopicAlias>[], cursor: number): AliasHit<TopicAlias>[] {
  const anchors: AliasHit<TopicAlias>[] = [];
  for (const hit of hits) {
    const before = text.slice(anchors.at(-1)?.span[1] ?? cursor, hit.span[0]);
    const yearFollows = EDITION.test(text.slice(hit.span[1]));
    const first = anchors.length === 0 && !hasWords(before, 0, before.length);
    const listed = LIST_CONNECTOR.test(before) ? !hit.value.topic.weak || yearFollows : COMMA.test(before) && yearFollows;
    if (first || listed) anchors.push(hit);
  }
  return anchors;
}

/** Where a citation ends: before the connector that introduces the next one. */
function citationEnd(text: string, from: number, next: number): number {
  const tail = CITATION_TAIL.exec(text.slice(from, next));
  return next - (tail?.[0].length ?? 0);
}

function namedPart(
  text: string,
  start: number,
  anchor: AliasHit<TopicAlias>,
  end: number,
  chapter: { number: number; span: Span } | null,
  prefixYear: Field | null,
): GuidelineCitation {
  const { topic } = anchor.value;
  const warnings: VocabularyWarning[] = [];
  const editionMatch = EDITION.exec(text.slice(anchor.span[1], end));
  const edition = editionMatch?.[1] ? editionField(text, anchor.span[1], editionMatch, editionMatch[1]) : prefixYear;
  const part = resolvePart(topic, anchor.value.part, edition, warnings);
  if (chapter && !(topic.acoemChapters ?? []).includes(chapter.number)) {
    warnings.push({ code: 'unknown-topic', message: `Chapter ${chapter.number} is not the ACOEM chapter of ${topic.name}.`, span: chapter.span });
  }
  const locatorStart = anchor.span[1] + (editionMatch?.[0].length ?? 0);
  return citation(text, {
    source: 'mtus',
    span: [start, end],
    mtusPart: part,
    topic: topicOf(topic, anchor.span),
    edition,
    locators: parseLocators(text, locatorStart, end),
    mapped: true,
    warnings,
  });
}

/** A citation whose part name is not in the table, or that names only "Chapter 12", or nothing at all. */
function unnamedPart(
  text: string,
  start: number,
  nameStart: number,
  end: number,
  chapter: { number: number; span: Span } | null,
  prefixYear: Field | null,
): GuidelineCitation {
  const edition = yearIn(text, nameStart, end) ?? prefixYear;
  const locators = parseLocators(text, edition && edition.span[0] >= nameStart ? edition.span[1] : nameStart, end);
  const byChapter = chapter ? BY_CHAPTER.get(chapter.number) : undefined;
  if (byChapter && chapter) {
    const topic = topicOf(byChapter, chapter.span);
    return citation(text, { source: 'mtus', span: [start, end], mtusPart: 'acoem-2004', topic, edition, locators, mapped: true });
  }
  const unknown: VocabularyWarning | null = chapter
    ? { code: 'unknown-topic', message: `Chapter ${chapter.number} is not a chapter of the ACOEM Practice Guidelines.`, span: chapter.span }
    : hasWords(text, nameStart, end)
      ? { code: 'unknown-topic', message: `"${text.slice(nameStart, end)}" is not a known MTUS or ACOEM part or chapter.`, span: [nameStart, end] }
      : null;
  return citation(text, { source: 'mtus', span: [start, end], edition, locators, mapped: unknown === null, warnings: unknown ? [unknown] : [] });
}

/** The part an edition belongs to; the spelling's part when no edition, or an unknown one, is printed. */
function resolvePart(topic: MtusTopic, spellingPart: MtusPart, edition: Field | null, warnings: VocabularyWarning[]): MtusPart {
  if (!edition || !topic.editions) return spellingPart;
  const part = topic.editions[edition.value];
  if (part) return part;
  warnings.push({ code: 'unknown-edition', message: `${topic.name} has no known ${edition.value} edition.`, span: edition.span });
  return spellingPart;
}

export function topicOf(topic: { readonly id: string; readonly name: string }, span: Span): CitationTopic {
  return { id: topic.id, name: topic.name, span };
}

function editionField(text: string, offset: number, match: RegExpExecArray, year: string): Field {
  const at = offset + match.index + match[0].indexOf(year);
  return { value: text.slice(at, at + year.length), span: [at, at + year.length] };
}
