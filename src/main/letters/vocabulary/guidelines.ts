/**
 * A guideline field (Claims Administrator or MAXIMUS guideline) into citations. The field is
 * cut at its lead-ins ("Decision based on MTUS", "Decision based on Non-MTUS Citation", "based
 * his/her decision on the MTUS"); sentences about the basis of the decision ("... outside of
 * the MTUS Guidelines.") and the no-evidence sentence are recognised as such; whatever is
 * left is read as a citation if it names a source, and reported as unrecognised otherwise.
 */
import type { Span } from '../../../shared/letter.ts';
import type { GuidelineAnalysis, GuidelineCitation, GuidelineStatement, VocabularyWarning } from '../../../shared/vocabulary.ts';
import { citation, hasWords } from './citation.ts';
import { parseMtusSegment } from './mtusCitation.ts';
import { findNoEvidenceStatement } from './noEvidence.ts';
import { parseNonMtusSegment } from './nonMtusCitation.ts';
import { hitsOf, trimSpan } from './text.ts';

const ACTOR = String.raw`(?:The\s+(?:Claims\s+Administrator|Expert\s+Reviewer|(?:IMR\s+|UR\s+)?reviewer|utilization\s+review(?:er)?)\s+)?`;
const MTUS_LEAD_IN = new RegExp(
  String.raw`(?:\bDecision\s+(?:was\s+)?based\s+on|${ACTOR}\b(?:based\s+(?:his\/her|his|her|their|its)\s+decision\s+on|relied\s+on))\s+(?:the\s+)?(?=MTUS\b)`,
  'gi',
);
const MTUS_LEAD_IN_ANYWHERE = new RegExp(MTUS_LEAD_IN.source, 'i');
/** "Per the Strength of Evidence hierarchy established by ..., the Expert Reviewer based his/her decision on the Non-MTUS ..." */
const HIERARCHY = String.raw`(?:\b(?:Per|Under|According\s+to)\s+the\s+[^.]{0,40}?Evidence\s+hierarch\w*[^.]*?,\s*)?`;
const NON_MTUS_LEAD_IN = new RegExp(
  String.raw`${HIERARCHY}(?:\bDecision\s+(?:was\s+)?based\s+on\s+(?:the\s+)?|${ACTOR}\bbased\s+(?:his\/her|his|her|their|its)\s+decision\s+on\s+(?:the\s+)?)?\bNon[-\s]?MTUS(?:\s+Citations?)?\s*:?\s*`,
  'gi',
);
/**
 * Where an MTUS segment's sentence ends: a full stop before a capital, except before the
 * locators that continue it ("... Relaxants. Page(s): 63") and after a numbered heading
 * ("Section(s): 2. Opioids for Subacute Pain").
 */
const MTUS_SENTENCE_END = /(?<!(?:\(s\)\s*:|,)\s*\d{1,2})\.\s+(?=[A-Z])(?!Pages?\b|Page\(s\)|Sections?\b|Section\(s\))/;
const SEGMENT_TAIL = /[\s,;.]*(?:\band\s+(?:on\s+)?(?:the\s+)?)?[\s,;.]*$/i;

/** Sentences that say what the decision was (not) based on, without citing anything. */
const STATEMENTS: readonly { readonly kind: GuidelineStatement['kind']; readonly pattern: RegExp }[] = [
  { kind: 'outside-mtus', pattern: /^[^.]*\boutside\s+(?:of\s+)?(?:the\s+)?MTUS\b[^.]*\.?/i },
  { kind: 'not-based-on-mtus', pattern: /^[^.]*\bnot\s+(?:base|based|rely|relied)\b[^.]*\bMTUS\b[^.]*\.?/i },
  {
    kind: 'mtus-not-applicable',
    pattern: /^[^.]*\b(?:no\s+(?:section|part|guideline)s?\s+of\s+the\s+MTUS\s+(?:was|were|is|are)\s+(?:applicable|relevant)|MTUS\s+(?:does|did)\s+not\s+(?:address|apply|cover)|not\s+addressed\s+(?:in|by)\s+the\s+MTUS)\b[^.]*\.?/i,
  },
];

const EMPTY: GuidelineAnalysis = { citations: [], statements: [], unrecognised: [], mapped: false, warnings: [] };

/**
 * Guideline fields repeat from letter to letter word for word (the same citation of the same
 * chapter): the latest analyses are kept by text, most recently used last. An analysis is
 * read-only, so one may be handed out many times.
 */
const RECENT_ANALYSES = 2000;
const recent = new Map<string, GuidelineAnalysis>();

/** Reads every citation of one guideline field. Never throws: a failure is returned as a warning. */
export function analyzeGuideline(text: string | null | undefined): GuidelineAnalysis {
  if (typeof text !== 'string' || !hasWords(text, 0, text.length)) return EMPTY;
  const known = recent.get(text);
  if (known) {
    recent.delete(text);
    recent.set(text, known);
    return known;
  }
  let analysis: GuidelineAnalysis;
  try {
    analysis = analyze(text);
  } catch (error) {
    return { ...EMPTY, warnings: [{ code: 'internal-error', message: `The guideline vocabulary failed on this text: ${String(error)}` }] };
  }
  if (recent.size >= RECENT_ANALYSES) recent.delete(recent.keys().next().value as string);
  recent.set(text, analysis);
  return analysis;
}

function analyze(text: string): GuidelineAnalysis {
  const taken: Span[] = [];
  const citations: GuidelineCitation[] = [];
  const warnings: VocabularyWarning[] = [];
  const noEvidence = findNoEvidenceStatement(text);
  if (noEvidence) {
    citations.push(citation(text, { source: 'no-evidence', span: noEvidence, mapped: true }));
    taken.push(noEvidence);
  }
  const statements = readStatements(text, taken);
  citations.push(...readLeadIns(text, taken, warnings));
  const unrecognised: Span[] = [];
  for (const gap of gaps(text, taken)) {
    const found = readLooseText(text, gap);
    if (found.length > 0) citations.push(...found);
    else unrecognised.push(gap);
  }
  for (const span of unrecognised) warnings.push({ code: 'unrecognised-text', message: 'Text that names no known source.', span });
  citations.sort((a, b) => a.span[0] - b.span[0]);
  const mapped = citations.length > 0 && unrecognised.length === 0 && citations.every((found) => found.mapped);
  return { citations, statements, unrecognised, mapped, warnings: [...warnings, ...citations.flatMap((found) => found.warnings)] };
}

/** Sentences about the basis of the decision; their spans are added to `taken`. */
function readStatements(text: string, taken: Span[]): GuidelineStatement[] {
  const statements: GuidelineStatement[] = [];
  for (const start of sentenceStarts(text)) {
    const sentence = sentenceAt(text, start);
    if (isTaken(taken, start) || MTUS_LEAD_IN_ANYWHERE.test(sentence) || /Non[-\s]?MTUS/i.test(sentence)) continue;
    const statement = STATEMENTS.map(({ kind, pattern }) => ({ kind, match: pattern.exec(text.slice(start)) })).find(({ match }) => match);
    if (!statement?.match) continue;
    const span = trimSpan(text, start, start + statement.match[0].length);
    statements.push({ kind: statement.kind, span });
    taken.push(span);
  }
  return statements;
}

/** The citations after each lead-in, up to the next lead-in (an MTUS one also stops at its sentence's end). */
function readLeadIns(text: string, taken: Span[], warnings: VocabularyWarning[]): GuidelineCitation[] {
  const leadIns = [
    ...hitsOf(text, MTUS_LEAD_IN).map((hit) => ({ kind: 'mtus' as const, start: hit.start, end: hit.end })),
    ...hitsOf(text, NON_MTUS_LEAD_IN).map((hit) => ({ kind: 'non-mtus' as const, start: hit.start, end: hit.end })),
  ]
    .filter((leadIn) => !isTaken(taken, leadIn.start))
    .sort((a, b) => a.start - b.start);
  const starts = taken.map((span) => span[0]);
  return leadIns.flatMap((leadIn, index) => {
    const next = Math.min(leadIns[index + 1]?.start ?? text.length, ...starts.filter((at) => at >= leadIn.end));
    const sentenceEnd = leadIn.kind === 'mtus' ? MTUS_SENTENCE_END.exec(text.slice(leadIn.end, next)) : null;
    const boundary = sentenceEnd ? leadIn.end + sentenceEnd.index + 1 : next;
    const end = boundary - (SEGMENT_TAIL.exec(text.slice(leadIn.end, boundary))?.[0].length ?? 0);
    const found = leadIn.kind === 'mtus' ? parseMtusSegment(text, leadIn.end, end) : parseNonMtusSegment(text, leadIn.end, end);
    if (found.length === 0) {
      warnings.push({ code: 'unrecognised-text', message: 'A Non-MTUS citation with nothing cited after it.', span: [leadIn.start, leadIn.end] });
    }
    taken.push([leadIn.start, Math.max(leadIn.end, boundary)]);
    return found;
  });
}

/** Text outside any lead-in: a citation when it names MTUS or another source, else nothing. */
function readLooseText(text: string, [start, end]: Span): GuidelineCitation[] {
  const mtus = /\bMTUS\b/.exec(text.slice(start, end));
  if (mtus && !hasWords(text, start, start + mtus.index)) return parseMtusSegment(text, start + mtus.index, end);
  const found = parseNonMtusSegment(text, start, end);
  return found.every((candidate) => candidate.otherKind === 'unclassified') ? [] : found;
}

function sentenceStarts(text: string): number[] {
  const starts = [0];
  for (const hit of hitsOf(text, /\.\s+(?=\S)/g)) starts.push(hit.end);
  return starts;
}

function sentenceAt(text: string, start: number): string {
  const stop = text.indexOf('.', start);
  return text.slice(start, stop === -1 ? text.length : stop);
}

function isTaken(taken: readonly Span[], at: number): boolean {
  return taken.some(([start, end]) => at >= start && at < end);
}

/** The stretches of text no span covers that hold more than spaces and punctuation. */
function gaps(text: string, taken: readonly Span[]): Span[] {
  const sorted = [...taken].sort((a, b) => a[0] - b[0]);
  const result: Span[] = [];
  let cursor = 0;
  for (const [start, end] of [...sorted, [text.length, text.length] as const]) {
    if (start > cursor && hasWords(text, cursor, start)) result.push(trimSpan(text, cursor, start, ' .,;:'));
    cursor = Math.max(cursor, end);
  }
  return result;
}
