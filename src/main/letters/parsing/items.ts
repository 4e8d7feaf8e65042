/**
 * The decision items: "<service>: <Upheld|Overturned>" followed by the three labelled
 * fields. Items are anchored on the decision word right before a field label, which
 * survives headers over several lines, colons inside services and page breaks.
 */
import type { Decision, Field, ParsedItem, ParseWarning } from '../../../shared/letter.ts';
import { checkItem } from './checks.ts';
import { findHeaderStart } from './itemHeader.ts';
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

export function parseItems(text: string, from: number, to: number): ParsedItem[] {
  let anchors = findAnchors(text, DECISION_BEFORE_LABEL, from, to);
  if (anchors.length === 0) anchors = findAnchors(text, DECISION_AT_LINE_END, from, to);
  if (anchors.length === 0) return [];
  const lines = new LineIndex(text);
  const bodies = anchors.map((anchor, i) => {
    const next = anchors[i + 1];
    return readBody(text, anchor.decision.span[1], next ? next.colon : to);
  });
  const headerStarts = anchors.map((anchor, i) => {
    const regionStart = i === 0 ? from : (bodies[i - 1] as Body).lastLabelEnd;
    return findHeaderStart(text, lines, regionStart, anchor.colon);
  });
  return anchors.map((anchor, i) => {
    const body = bodies[i] as Body;
    const headerStart = headerStarts[i] as { start: number; certain: boolean };
    const next = headerStarts[i + 1];
    const end = next ? next.start : to;
    return buildItem(text, anchor, headerStart, body, end);
  });
}

function findAnchors(text: string, pattern: RegExp, from: number, to: number): Anchor[] {
  return findAllIn(text, pattern, from, to).map(({ start, match }) => {
    const word = match[1] as string;
    const wordStart = start + match[0].lastIndexOf(word);
    const value: Decision = word.toLowerCase() === 'upheld' ? 'Upheld' : 'Overturned';
    return { colon: start, decision: { value, span: [wordStart, wordStart + word.length] } };
  });
}

interface LabelHit {
  readonly start: number;
  readonly end: number;
}

interface Body {
  readonly claimsAdministrator: LabelHit | null;
  readonly maximus: LabelHit | null;
  readonly rationale: LabelHit | null;
  /** Where the last label found ends: the rationale (and so the next header) lies after it. */
  readonly lastLabelEnd: number;
}

/** Finds the three labels, in order, between the decision word and the next item's colon. */
function readBody(text: string, from: number, to: number): Body {
  const claimsAdministrator = findIn(text, ITEM_LABELS.claimsAdministrator, from, to);
  const maximus = findIn(text, ITEM_LABELS.maximus, claimsAdministrator?.end ?? from, to);
  const rationale = findIn(text, ITEM_LABELS.rationale, maximus?.end ?? claimsAdministrator?.end ?? from, to);
  const lastLabelEnd = rationale?.end ?? maximus?.end ?? claimsAdministrator?.end ?? from;
  return { claimsAdministrator, maximus, rationale, lastLabelEnd };
}

function buildItem(
  text: string,
  anchor: Anchor,
  headerStart: { start: number; certain: boolean },
  body: Body,
  end: number,
): ParsedItem {
  const labels = [body.claimsAdministrator, body.maximus, body.rationale];
  const valueAfter = (label: LabelHit | null): Field | null => {
    if (!label) return null;
    const nextLabel = labels.find((other) => other !== null && other.start >= label.end);
    return fieldAt(text, label.end, nextLabel ? nextLabel.start : end);
  };
  const service = fieldAt(text, headerStart.start, anchor.colon);
  const span = trimSpan(text, headerStart.start, end);
  const warnings: ParseWarning[] = [];
  if (!headerStart.certain) {
    warnings.push({
      code: 'header-boundary-uncertain',
      message: 'Could not tell where this item header starts; the service may include text of the previous rationale.',
      field: 'service',
      span: service?.span ?? span,
    });
  }
  const item = {
    service,
    decision: anchor.decision,
    claimsAdministratorGuideline: valueAfter(body.claimsAdministrator),
    maximusGuideline: valueAfter(body.maximus),
    rationale: valueAfter(body.rationale),
    partial: service ? splitPartial(text, service.span) : null,
    span,
  };
  return { ...item, warnings: [...warnings, ...checkItem(item)] };
}
