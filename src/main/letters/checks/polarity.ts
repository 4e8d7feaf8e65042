/**
 * Decision polarity: Upheld means the request was found not medically necessary,
 * Overturned that it was. The rationale's conclusion, its last clause about medical
 * necessity, must say the same; a rationale that never says is flagged too.
 */
import type { CheckableLetter, CheckResult } from './types.ts';

/**
 * "a medical necessity" is a verdict; "the medical necessity of opioids" is not. "the request is
 * not necessary" is one too, without "medically" (so ends a rationale among the dev letters).
 */
const NECESSITY = /medically\s+necessary|\ba\s+medical\s+necessity\b|\brequest\s+(?:is|was|would\s+be)\s+(?:not\s+)?necessary\b/gi;
const NEGATION = /\b(?:not|none|no|neither|nor|cannot|never)\b|n't\b/i;
/** How far before "medically necessary" a negation still belongs to the same clause. */
const CLAUSE_CHARS = 60;
const CLAUSE_START = /[.;,:]\s/g;

export function checkPolarity(letter: CheckableLetter): CheckResult[] {
  return letter.items.flatMap((item, itemIndex): CheckResult[] => {
    const decision = item.decision?.trim();
    if ((decision !== 'Upheld' && decision !== 'Overturned') || !item.rationale) return [];
    const conclusion = lastNecessityClause(item.rationale);
    if (conclusion === null) {
      const message = 'The rationale never says whether the request is medically necessary, so it cannot confirm the decision.';
      return [{ code: 'rationale-without-conclusion', field: 'decision', itemIndex, message }];
    }
    const negative = NEGATION.test(conclusion);
    if (negative === (decision === 'Upheld')) return [];
    const expected = decision === 'Upheld' ? 'not medically necessary' : 'medically necessary';
    const message = `The decision is ${decision}, which means "${expected}", but the rationale concludes "…${conclusion}".`;
    return [{ code: 'decision-contradicts-rationale', field: 'decision', itemIndex, message }];
  });
}

/** The clause ending in the rationale's last "medically necessary", back to its clause start. */
function lastNecessityClause(rationale: string): string | null {
  let end = -1;
  for (const match of rationale.matchAll(NECESSITY)) end = match.index + match[0].length;
  if (end < 0) return null;
  const before = rationale.slice(Math.max(0, end - CLAUSE_CHARS - 'medically necessary'.length), end);
  let start = 0;
  for (const match of before.matchAll(CLAUSE_START)) start = match.index + match[0].length;
  return before.slice(start).replace(/\s+/g, ' ').trim();
}
