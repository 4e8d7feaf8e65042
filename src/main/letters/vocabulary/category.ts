/** Places a service in one category by the ordered rules of data/serviceRules.ts; never by a guess. */
import type { DrugMention, ServiceCategoryMatch } from '../../../shared/vocabulary.ts';
import { STRONG_RULES, WEAK_RULES, type RuleStep } from './data/serviceRules.ts';
import { hitsOf } from './text.ts';

const COMPOUND_WORDS = /\bcompound(?:ed|ing)?\b|\btopical\s+(?:analgesics?|creams?|gels?|compounds?)\b/i;
/** A medical food named without a product ("Medical food", "nutritional supplement") is a prescribed product too. */
export const MEDICAL_FOOD = /\bmedical\s+foods?\b|\bnutritional\s+supplements?\b|\bdietary\s+supplements?\b/i;

export const UNMATCHED: ServiceCategoryMatch = { value: 'other', rule: 'none', span: null };

export function categorise(text: string, drugs: readonly DrugMention[]): ServiceCategoryMatch {
  for (const step of [...STRONG_RULES, ...WEAK_RULES]) {
    const found = apply(step, text, drugs);
    if (found) return found;
  }
  return UNMATCHED;
}

function apply(step: RuleStep, text: string, drugs: readonly DrugMention[]): ServiceCategoryMatch | null {
  if (step === 'drug') return drugCategory(text, drugs);
  if (step.unless?.test(text)) return null;
  const hit = hitsOf(text, step.pattern)[0];
  return hit ? { value: step.category, rule: step.id, span: [hit.start, hit.end] } : null;
}

/** A compounded or topical product makes the service compounded/topical; any other drug, a prescription drug. */
function drugCategory(text: string, drugs: readonly DrugMention[]): ServiceCategoryMatch | null {
  const special = drugs.find((drug) => drug.compounded || drug.drugClass === 'topical');
  if (special) return { value: 'compounded-topical-drug', rule: 'drug-compounded-or-topical', span: special.name.span };
  const first = drugs[0];
  if (first) return { value: 'prescription-drug', rule: 'drug', span: first.name.span };
  const hit = hitsOf(text, COMPOUND_WORDS)[0];
  if (hit) return { value: 'compounded-topical-drug', rule: 'compound-words', span: [hit.start, hit.end] };
  const food = hitsOf(text, MEDICAL_FOOD)[0];
  return food ? { value: 'prescription-drug', rule: 'medical-food', span: [food.start, food.end] } : null;
}
