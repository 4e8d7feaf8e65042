/** Consistency checks that turn what the parser is unsure of into warnings a reviewer sees. */
import type { Field, ParsedItem, ParseWarning } from '../../../shared/letter.ts';

type ItemFields = Omit<ParsedItem, 'warnings'>;

const NECESSITY = /medically\s+necessary/gi;
const NEGATION = /\b(?:not|none|no|neither|nor|cannot)\b|n't\b/i;
/** How far before "medically necessary" a negation still belongs to the same clause. */
const CLAUSE_CHARS = 60;

export function checkItem(item: ItemFields): ParseWarning[] {
  const warnings: ParseWarning[] = [];
  const missing = (field: keyof ItemFields, code: ParseWarning['code'], what: string) => {
    if (item[field] === null) warnings.push({ code, message: `${what} not found.`, field });
  };
  missing('service', 'service-missing', 'Service');
  missing('decision', 'decision-missing', 'Decision (Upheld/Overturned)');
  missing('claimsAdministratorGuideline', 'guideline-missing', 'Claims Administrator guideline');
  missing('maximusGuideline', 'guideline-missing', 'MAXIMUS guideline');
  missing('rationale', 'rationale-missing', 'Decision rationale');
  const contradiction = item.decision && item.rationale ? contradicts(item.decision.value, item.rationale) : null;
  if (contradiction) warnings.push(contradiction);
  return warnings;
}

/**
 * Upheld means the service was found not medically necessary. The rationale's last
 * sentence about necessity should agree; when it reads the other way, say so.
 */
function contradicts(decision: string, rationale: Field): ParseWarning | null {
  const conclusion = lastNecessityClause(rationale.value);
  if (conclusion === null) return null;
  const negative = NEGATION.test(conclusion);
  const expectedNegative = decision === 'Upheld';
  if (negative === expectedNegative) return null;
  return {
    code: 'rationale-contradicts-decision',
    message: `The decision is ${decision} but the rationale concludes "…${conclusion.trim()}".`,
    field: 'decision',
    span: rationale.span,
  };
}

/** The clause ending in the rationale's last "medically necessary", back to its sentence start. */
function lastNecessityClause(rationale: string): string | null {
  let last = -1;
  for (const match of rationale.matchAll(NECESSITY)) last = match.index + match[0].length;
  if (last < 0) return null;
  const before = rationale.slice(Math.max(0, last - CLAUSE_CHARS - 'medically necessary'.length), last);
  const sentenceStart = Math.max(before.lastIndexOf('. '), before.lastIndexOf('; '));
  return sentenceStart >= 0 ? before.slice(sentenceStart + 2) : before;
}
