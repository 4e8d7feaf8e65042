/**
 * The decision items: "<service>: <Upheld|Overturned>" followed by the three labelled
 * fields. Items are anchored on the decision word right before a field label, which
 * survives headers over several lines, colons inside services and page breaks.
 */
import type { Decision, Field, ParsedItem, ParseWarning } from '../../../shared/letter.ts';
import type { HeaderStart } from './itemHeader.ts';
import { findHeaderStart } from './itemHeader.ts';
import { boundaryWarnings, labelWarnings, missingFieldWarnings, type Body, type ItemFields } from './itemWarnings.ts';
import { LineIndex } from './lines.ts';
import { splitPartial } from './partial.ts';
import { ITEM_LABELS } from './sections.ts';
import { fieldAt, findAllIn, findIn, trimSpan } from './text.ts';

/** The colon, then the decision word, then (after any whitespace) a field label. */
const DECISION_BEFORE_LABEL =
  /:\s*(Upheld|Overturned)\b(?=\s*(?:Claims\s+Administrator\s+guideline|MAXIMUS\s+guideline|Decision\s+rationale)\s*:)/gi;
/** Fallback for letters without labels: the decision word closing its line. */
const DECISION_AT_LINE_END = /:[ \t]*(?:\r?\n[ \t]*)?(Upheld|Overturned)[ \t]*(?=\r|\n|\f|$)/gi;

interface Anchor {
  /** The colon before the decision word: the header ends here. */
  readonly colon: number;
  readonly decision: Field<Decision>;
}

export interface ParsedItems {
  readonly items: ParsedItem[];
  /** Letter-level warnings: item structure no single value explains. */
  readonly warnings: ParseWarning[];
}

/**
 * @param sectionKnown `from` ends the items heading or intro: a first header may reach
 *   back to it, and decisions without field labels are items too. Elsewhere only
 *   labelled items count, so a plain "X: Upheld" list is not read as items.
 */
export function parseItems(text: string, from: number, to: number, sectionKnown: boolean): ParsedItems {
  let anchors = findAnchors(text, DECISION_BEFORE_LABEL, from, to);
  if (anchors.length === 0 && sectionKnown) anchors = findAnchors(text, DECISION_AT_LINE_END, from, to);
  if (anchors.length === 0) return { items: [], warnings: countWarnings(text, from, to, []) };
  const lines = new LineIndex(text);
  const bodies = anchors.map((anchor, i) => {
    const next = anchors[i + 1];
    return readBody(text, anchor.decision.span[1], next ? next.colon : to);
  });
  const headerStarts = anchors.map((anchor, i) => {
    const regionStart = i === 0 ? from : (bodies[i - 1] as Body).lastLabelEnd;
    return findHeaderStart(text, lines, regionStart, anchor.colon, i === 0 && sectionKnown);
  });
  const fields = anchors.map((anchor, i) => {
    const next = headerStarts[i + 1];
    return readFields(text, anchor, headerStarts[i] as HeaderStart, bodies[i] as Body, next ? next.start : to);
  });
  const items = fields.map((item, i) => {
    const warnings = [
      ...boundaryWarnings(fields, headerStarts, bodies, i),
      ...labelWarnings(text, item, bodies[i] as Body, i),
      ...missingFieldWarnings(item, i),
    ];
    return { ...item, warnings };
  });
  return { items, warnings: countWarnings(text, from, to, items) };
}

function findAnchors(text: string, pattern: RegExp, from: number, to: number): Anchor[] {
  return findAllIn(text, pattern, from, to).map(({ start, match }) => {
    const word = match[1] as string;
    const wordStart = start + match[0].lastIndexOf(word);
    const value: Decision = word.toLowerCase() === 'upheld' ? 'Upheld' : 'Overturned';
    return { colon: start, decision: { value, span: [wordStart, wordStart + word.length] } };
  });
}

/** Finds the three labels, in order, between the decision word and the next item's colon. */
function readBody(text: string, from: number, to: number): Body {
  const claimsAdministrator = findIn(text, ITEM_LABELS.claimsAdministrator, from, to);
  const maximus = findIn(text, ITEM_LABELS.maximus, claimsAdministrator?.end ?? from, to);
  const rationale = findIn(text, ITEM_LABELS.rationale, maximus?.end ?? claimsAdministrator?.end ?? from, to);
  const lastLabelEnd = rationale?.end ?? maximus?.end ?? claimsAdministrator?.end ?? from;
  return { claimsAdministrator, maximus, rationale, lastLabelEnd };
}

function readFields(text: string, anchor: Anchor, headerStart: HeaderStart, body: Body, end: number): ItemFields {
  const labels = [body.claimsAdministrator, body.maximus, body.rationale];
  const valueAfter = (label: { start: number; end: number } | null): Field | null => {
    if (!label) return null;
    const nextLabel = labels.find((other) => other !== null && other.start >= label.end);
    return fieldAt(text, label.end, nextLabel ? nextLabel.start : end);
  };
  const service = fieldAt(text, headerStart.start, anchor.colon);
  return {
    service,
    decision: anchor.decision,
    claimsAdministratorGuideline: valueAfter(body.claimsAdministrator),
    maximusGuideline: valueAfter(body.maximus),
    rationale: valueAfter(body.rationale),
    partial: service ? splitPartial(text, service.span) : null,
    span: trimSpan(text, headerStart.start, end),
  };
}

/**
 * Each item has one "Decision rationale:" block. More blocks than decisions means a
 * decision was not recognised; when no value holds the extra block, say so for the letter.
 */
function countWarnings(text: string, from: number, to: number, items: readonly ParsedItem[]): ParseWarning[] {
  const blocks = findAllIn(text, ITEM_LABELS.rationale, from, to).length;
  if (blocks <= items.length) return [];
  if (items.some((item) => item.warnings.some((w) => w.code === 'item-count-mismatch'))) return [];
  const where = items.length === 0 ? 'no item could be read' : 'an item before the first one found may be missing';
  return [
    {
      code: 'item-count-mismatch',
      message: `${items.length} decision lines but ${blocks} "Decision rationale:" blocks: ${where}.`,
    },
  ];
}
