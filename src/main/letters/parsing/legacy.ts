/**
 * Best-effort parsing of the older formats known only from fragments (FORMATS.md):
 * F2013's numbered outcome list and F3's single-issue review. Their decisions are
 * not printed as Upheld/Overturned, so they are read from the wording and flagged.
 */
import type { Decision, Field, ParsedItem, Span } from '../../../shared/letter.ts';
import { missingFieldWarnings } from './itemWarnings.ts';
import { fieldAt, findAllIn, findIn, phrase } from './text.ts';

/**
 * The number may not follow another digit and the service must end on a non-space, so
 * neither a run of digits nor a run of spaces is re-scanned from each of its characters.
 */
const F2013_OUTCOME =
  /(?<!\d)\d{1,3}\)\s*MAXIMUS\s+Federal\s+Services,\s+Inc\.\s+has\s+determined\s+the\s+request\s+for\s+([\s\S]{0,599}?\S)\s+(is\s+(not\s*)?medically\s+necessary)/dgi;
const F2013_RATIONALE_HEADING = phrase('INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE');

/** The first numbered outcome list; the repeat after the rationale heading is skipped. */
export function parseF2013Items(text: string): ParsedItem[] {
  const heading = findIn(text, F2013_RATIONALE_HEADING);
  let outcomes = findAllIn(text, F2013_OUTCOME, 0, heading?.start ?? text.length);
  if (outcomes.length === 0) outcomes = findAllIn(text, F2013_OUTCOME);
  return outcomes.map(({ start, end, match }, index) => {
    const offset = start - match.index;
    const [serviceStart, serviceEnd] = match.indices?.[1] ?? [0, 0];
    const [verdictStart, verdictEnd] = match.indices?.[2] ?? [0, 0];
    const decision: Decision = match[3] ? 'Upheld' : 'Overturned';
    return legacyItem({
      service: fieldAt(text, offset + serviceStart, offset + serviceEnd),
      decision: { value: decision, span: [offset + verdictStart, offset + verdictEnd] },
      maximusGuideline: null,
      rationale: null,
      span: [start, end],
    }, index);
  });
}

const F3_SECTIONS = {
  issue: phrase('ISSUE AT DISPUTE:'),
  caseSummary: phrase('CASE SUMMARY:'),
  guidelines: /MEDICAL\s+TREATMENT\s+GUIDELINE\(S\)\s+RELIED\s+UPON\s+BY\s+PROFESSIONAL\s+REVIEWER\s+AND\s+WHY\s*:/,
  rationale:
    /RATIONALE\s+FOR\s+WHY\s+THE\s+REQUESTED\s+TREATMENT\s*\/\s*SERVICE\s+IS\s*\/\s*WAS\s+NOT\s+MEDICALLY\s+NECESSARY\s*:/,
  qualifications: phrase('MEDICAL REVIEWER QUALIFICATIONS:'),
};

/** F3 keeps one issue and one rationale per document. */
export function parseF3Items(text: string): { items: ParsedItem[]; qualifications: Span | null } {
  const at = Object.fromEntries(
    Object.entries(F3_SECTIONS).map(([name, pattern]) => [name, findIn(text, pattern)]),
  ) as Record<keyof typeof F3_SECTIONS, { start: number; end: number } | null>;
  const until = (from: { end: number } | null, ...stops: ({ start: number } | null)[]) => {
    if (!from) return null;
    const end = Math.min(...stops.filter((s) => s !== null && s.start >= from.end).map((s) => s!.start), text.length);
    return fieldAt(text, from.end, end);
  };
  const service = until(at.issue, at.caseSummary, at.guidelines, at.rationale, at.qualifications);
  const maximusGuideline = until(at.guidelines, at.rationale, at.qualifications);
  const rationale = until(at.rationale, at.qualifications);
  const qualifications = at.qualifications ? ([at.qualifications.end, text.length] as const) : null;
  if (!service && !rationale) return { items: [], qualifications };
  const start = at.issue?.start ?? at.rationale?.start ?? 0;
  const end = at.qualifications?.start ?? text.length;
  return {
    items: [legacyItem({ service, decision: null, maximusGuideline, rationale, span: [start, end] }, 0)],
    qualifications,
  };
}

function legacyItem(fields: {
  service: Field | null;
  decision: Field<Decision> | null;
  maximusGuideline: Field | null;
  rationale: Field | null;
  span: Span;
}, itemIndex: number): ParsedItem {
  const item = { ...fields, claimsAdministratorGuideline: null, partial: null };
  return {
    ...item,
    warnings: [
      {
        code: 'best-effort-format',
        message: 'Older letter format: fields were read best-effort; check every value.',
        itemIndex,
        span: fields.span,
      },
      ...missingFieldWarnings(item, itemIndex),
    ],
  };
}
