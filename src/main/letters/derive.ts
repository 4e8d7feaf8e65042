/**
 * Works out a letter's derived values from its current values: the rule checks' findings and
 * each item's vocabulary and facets, with the reviewer's structure corrections applied. Pure:
 * the import workers run it on a parsed letter, the review services on the stored one after
 * every change.
 */
import type { CheckFinding, ItemFacet, ItemVocabulary, LetterFacetValue, StructureCorrections, StructureKey } from '../../shared/derived.ts';
import { licensureStates } from '../../shared/licensure.ts';
import type { ExportedStructure } from '../../shared/export.ts';
import { exportedStructure } from './structureRecord.ts';
import type { GuidelineAnalysis } from '../../shared/vocabulary.ts';
import type { ParsedLetter } from '../../shared/letter.ts';
import { runChecks, toCheckableLetter } from './checks/index.ts';
import type { CheckableLetter, CheckSettings } from './checks/index.ts';
import { dwcCategoryOf, pharmaceuticalsSubCategory } from '../../shared/dwcTaxonomy.ts';
import type { ItemServiceAnalysis } from '../../shared/vocabulary.ts';
import { analyzeGuideline, analyzeItemService, checkInForce, isoDate, placeAddOns, VOCABULARY_VERSION } from './vocabulary/index.ts';

/** Bump when the checks' rules change; with the vocabulary's version it says whether stored derived values are current. */
const CHECKS_VERSION = '3';
export const DERIVED_VERSION = `checks-${CHECKS_VERSION}+vocabulary-${VOCABULARY_VERSION}`;

export interface DerivableItem {
  readonly service: string | null;
  readonly decision: string | null;
  readonly claimsAdministratorGuideline: string | null;
  readonly maximusGuideline: string | null;
  readonly rationale: string | null;
  readonly originalRequest: string | null;
  readonly authorizedByClaimsAdministrator: string | null;
  readonly imrEligiblePortion: string | null;
  readonly corrections?: StructureCorrections;
}

export interface DerivableLetter extends Omit<CheckableLetter, 'items'> {
  readonly items: readonly DerivableItem[];
}

export interface DerivedValues {
  readonly checks: readonly CheckFinding[];
  /** What the queue filters and the insights count the letter by: its reviewer's states of licensure. */
  readonly letterFacets: readonly LetterFacetValue[];
  /** Per item, in letter order: what the queue filters by, and the structure the exports carry. */
  readonly items: readonly { readonly facets: readonly ItemFacet[]; readonly structure: ExportedStructure }[];
}

/** A parsed letter's values as derivation reads them (nobody has corrected anything yet). */
export function derivableOfParsed(parsed: ParsedLetter): DerivableLetter {
  const checkable = toCheckableLetter(parsed);
  return {
    ...checkable,
    items: parsed.items.map((item, index) => ({
      ...(checkable.items[index] as DerivableItem),
      originalRequest: item.partial?.originalRequest.value ?? null,
      authorizedByClaimsAdministrator: item.partial?.authorizedByClaimsAdministrator.value ?? null,
      imrEligiblePortion: item.partial?.imrEligiblePortion.value ?? null,
    })),
  };
}

export function deriveValues(letter: DerivableLetter, settings?: CheckSettings): DerivedValues {
  const vocabularies = letterVocabularies(letter.items);
  return {
    checks: [...runChecks(letter, settings), ...citationsNotInForce(letter.header, vocabularies)],
    letterFacets: licensureStates(letter.reviewerLicensure).map((value) => ({ facet: 'licensure-state', value })),
    items: vocabularies.map((vocabulary) => ({ facets: facetsOf(vocabulary), structure: exportedStructure(vocabulary) })),
  };
}

const GUIDELINE_FIELDS = ['claimsAdministratorGuideline', 'maximusGuideline'] as const;

/**
 * The MTUS citations not in force when they were applied, each on its guideline field: MAXIMUS's
 * on the decision date; the Claims Administrator's on its UR denial date, when that is a date,
 * since its guideline is the one its utilization review applied, often months before the IMR.
 */
function citationsNotInForce(header: DerivableLetter['header'], vocabularies: readonly ItemVocabulary[]): CheckFinding[] {
  const decisionDate = header?.decisionDate ?? null;
  if (decisionDate === null) return [];
  const urDenialDate = header?.urDenialDate ?? null;
  const appliedOn = {
    claimsAdministratorGuideline: urDenialDate !== null && isoDate(urDenialDate) !== null ? urDenialDate : decisionDate,
    maximusGuideline: decisionDate,
  };
  return vocabularies.flatMap((vocabulary, itemIndex) =>
    GUIDELINE_FIELDS.flatMap((field) =>
      vocabulary[field].citations.flatMap((citation) => {
        const check = checkInForce(citation, appliedOn[field]);
        return check.status === 'not-in-force' ? [{ code: 'citation-not-in-force', field, itemIndex, message: `${check.reason} The request may predate the change.` }] : [];
      }),
    ),
  );
}

/**
 * A letter's items read by the vocabulary, with the reviewer's corrections applied. Read together,
 * since an item that is only part of a procedure ("IV sedation", "2nd level") goes with the
 * procedure the letter requests.
 */
export function letterVocabularies(items: readonly DerivableItem[]): ItemVocabulary[] {
  const services = placeAddOns(items.map(serviceOf), items.map((item) => item.service));
  return items.map((item, index) => vocabularyOf(item, services[index] as ItemServiceAnalysis));
}

function serviceOf(item: DerivableItem): ItemServiceAnalysis {
  const partial =
    item.originalRequest !== null || item.authorizedByClaimsAdministrator !== null || item.imrEligiblePortion !== null
      ? {
          originalRequest: item.originalRequest ?? '',
          authorizedByClaimsAdministrator: item.authorizedByClaimsAdministrator ?? '',
          imrEligiblePortion: item.imrEligiblePortion ?? '',
        }
      : null;
  return analyzeItemService({ service: item.service, partial });
}

function vocabularyOf(item: DerivableItem, service: ItemServiceAnalysis): ItemVocabulary {
  const corrections = item.corrections ?? {};
  const read = service.service;
  const readClasses = unique(read.drugs.map((drug) => drug.drugClass));
  const dwcDrugClasses = corrections.dwcDrugClass ? [corrections.dwcDrugClass] : unique(read.drugs.map((drug) => drug.dwcDrugClass));
  const firstDwcClass = dwcDrugClasses[0];
  // A drug item's Sub Category is its drug class, so a corrected class moves it too.
  const readSubCategory = read.dwc.category === 'pharmaceuticals' && firstDwcClass ? pharmaceuticalsSubCategory(firstDwcClass) : read.dwc.subCategory;
  const dwcSubCategory = corrections.dwcSubCategory ?? readSubCategory;
  return {
    service,
    claimsAdministratorGuideline: analyzeGuideline(item.claimsAdministratorGuideline),
    maximusGuideline: analyzeGuideline(item.maximusGuideline),
    category: corrections.category ?? read.category.value,
    drugClasses: corrections.drugClass ? [corrections.drugClass] : readClasses,
    dwcCategory: dwcCategoryOf(dwcSubCategory),
    dwcSubCategory,
    dwcDrugClasses,
    corrected: (Object.keys(corrections) as StructureKey[]).filter((key) => corrections[key] !== undefined).sort(),
  };
}

/** The values an item is counted by, each once. */
function facetsOf(vocabulary: ItemVocabulary): ItemFacet[] {
  const facets: ItemFacet[] = [{ facet: 'category', value: vocabulary.category }];
  for (const drugClass of vocabulary.drugClasses) facets.push({ facet: 'drug-class', value: drugClass });
  facets.push({ facet: 'dwc-category', value: vocabulary.dwcCategory }, { facet: 'dwc-sub-category', value: vocabulary.dwcSubCategory });
  for (const drugClass of vocabulary.dwcDrugClasses) facets.push({ facet: 'dwc-drug-class', value: drugClass });
  for (const generic of unique(vocabulary.service.service.drugs.map((drug) => drug.generic).filter((name): name is string => name !== null))) {
    facets.push({ facet: 'drug', value: generic });
  }
  for (const source of sourcesOf(vocabulary.claimsAdministratorGuideline)) facets.push({ facet: 'ca-source', value: source });
  for (const source of sourcesOf(vocabulary.maximusGuideline)) facets.push({ facet: 'maximus-source', value: source });
  const maximus = vocabulary.maximusGuideline.citations;
  for (const part of unique(maximus.map((citation) => citation.mtusPart).filter((p): p is NonNullable<typeof p> => p !== null))) {
    facets.push({ facet: 'maximus-mtus-part', value: part });
  }
  for (const topic of unique(maximus.map((citation) => citation.topic?.id ?? null).filter((t): t is string => t !== null))) {
    facets.push({ facet: 'maximus-topic', value: topic });
  }
  facets.push({ facet: 'ca-evidence', value: evidenceOf(vocabulary.claimsAdministratorGuideline) });
  return facets;
}

function sourcesOf(analysis: GuidelineAnalysis): string[] {
  return unique(analysis.citations.map((citation) => citation.source));
}

/** Whether the Claims Administrator cited evidence: 'none-cited' when it says it cited none, 'missing' when the field is empty. */
function evidenceOf(analysis: GuidelineAnalysis): string {
  if (analysis.citations.some((citation) => citation.source === 'no-evidence')) return 'none-cited';
  return analysis.citations.length > 0 ? 'cited' : 'missing';
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

