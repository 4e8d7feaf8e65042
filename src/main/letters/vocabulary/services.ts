/**
 * A service text (an item's service, or one part of a partial certification) into its
 * category, drugs, amounts and anatomy. Every value carries its span in the text given.
 */
import type { ItemServiceAnalysis, ServiceAnalysis, ServiceCategory, VocabularyWarning } from '../../../shared/vocabulary.ts';
import { readAnatomy } from './anatomy.ts';
import { categorise, UNMATCHED } from './category.ts';
import { readDrugs } from './drugs.ts';
import { placeInDwc } from './dwc.ts';
import { readAmounts } from './sessions.ts';

/** Categories whose "#6" counts sessions or visits (for drugs and equipment it is a quantity). */
const SESSION_CATEGORIES: ReadonlySet<ServiceCategory> = new Set([
  'physical-therapy', 'chiropractic', 'acupuncture', 'psychological', 'home-health-or-nursing', 'consultation-or-referral',
]);

const EMPTY: ServiceAnalysis = {
  category: UNMATCHED,
  dwc: { category: 'unclassified', subCategory: 'unclassified/unclassified', rule: 'empty' },
  drugs: [],
  count: null,
  frequency: null,
  duration: null,
  acquisition: null,
  bodyParts: [],
  laterality: null,
  spineLevels: [],
  warnings: [{ code: 'category-unmatched', message: 'The service text is empty.' }],
};

/** Reads one service text. Never throws: a failure is returned as a warning. */
export function analyzeService(text: string | null | undefined): ServiceAnalysis {
  if (typeof text !== 'string' || text.trim() === '') return EMPTY;
  try {
    return analyze(text);
  } catch (error) {
    return { ...EMPTY, warnings: [{ code: 'internal-error', message: `The service vocabulary failed on this text: ${String(error)}` }] };
  }
}

export interface ItemServiceTexts {
  readonly service: string | null | undefined;
  readonly partial?: {
    readonly originalRequest: string;
    readonly authorizedByClaimsAdministrator: string;
    readonly imrEligiblePortion: string;
  } | null;
}

/** An item's service, and for a partial certification each of its three parts, each with spans in its own text. */
export function analyzeItemService(item: ItemServiceTexts): ItemServiceAnalysis {
  const partial = item.partial;
  return {
    service: analyzeService(item.service),
    partial: partial
      ? {
          originalRequest: analyzeService(partial.originalRequest),
          authorizedByClaimsAdministrator: analyzeService(partial.authorizedByClaimsAdministrator),
          imrEligiblePortion: analyzeService(partial.imrEligiblePortion),
        }
      : null,
  };
}

function analyze(text: string): ServiceAnalysis {
  const drugs = readDrugs(text);
  const category = categorise(text, drugs.drugs);
  const amounts = readAmounts(text, drugs.taken, SESSION_CATEGORIES.has(category.value));
  const anatomy = readAnatomy(text);
  const warnings: VocabularyWarning[] = [...drugs.warnings, ...anatomy.warnings];
  if (category.value === 'other') {
    const message = category.rule === 'none'
      ? 'No category rule matches this service; it is counted as other.'
      : `The taxonomy has no category for this service (rule ${category.rule}); it is counted as other.`;
    warnings.unshift({ code: 'category-unmatched', message });
  }
  const { count, frequency } = amounts;
  if (count && frequency && (count.max < frequency.total.min || count.min > frequency.total.max)) {
    warnings.push({
      code: 'session-count-mismatch',
      message: `${text.slice(count.span[0], count.span[1])} is not ${text.slice(frequency.span[0], frequency.span[1])} (${frequency.total.min}${frequency.total.max === frequency.total.min ? '' : `-${frequency.total.max}`}).`,
      span: count.span,
    });
  }
  return {
    category,
    dwc: placeInDwc(text, category.value, drugs.drugs),
    drugs: drugs.drugs,
    ...amounts,
    bodyParts: anatomy.bodyParts,
    laterality: anatomy.laterality,
    spineLevels: anatomy.spineLevels,
    warnings,
  };
}
