/** Places a service in DWC's taxonomy, after the project's rules have placed it in the project's. */
import { dwcCategoryOf, pharmaceuticalsSubCategory } from '../../../shared/dwcTaxonomy.ts';
import type { DrugMention, DwcPlacement, ServiceCategory } from '../../../shared/vocabulary.ts';
import { MEDICAL_FOOD } from './category.ts';
import { DWC_RULES } from './data/dwcRules.ts';

/** "Associated surgical service: Medical clearance": the label says what the item is attached to, not what it is. */
const ATTACHED_TO = /^\s*associated\s+surgical\s+services?\s*:/i;

const DRUG_CATEGORIES: ReadonlySet<ServiceCategory> = new Set(['prescription-drug', 'compounded-topical-drug']);

export function placeInDwc(text: string, category: ServiceCategory, drugs: readonly DrugMention[]): DwcPlacement {
  if (DRUG_CATEGORIES.has(category)) {
    const first = drugs[0];
    // Named only by a word ("topical compound cream", "medical food"), the product has no drug to class it by.
    const subCategory = pharmaceuticalsSubCategory(first ? first.dwcDrugClass : MEDICAL_FOOD.test(text) ? 'nutritional-products' : 'topical-compounds');
    return { category: 'pharmaceuticals', subCategory, rule: 'drug' };
  }
  const rules = DWC_RULES[category as keyof typeof DWC_RULES];
  const requested = text.replace(ATTACHED_TO, '');
  const found = rules.rules.find((candidate) => candidate.pattern.test(requested));
  const subCategory = found?.subCategory ?? rules.otherwise.subCategory;
  return { category: dwcCategoryOf(subCategory), subCategory, rule: found?.id ?? `${category}-otherwise` };
}
