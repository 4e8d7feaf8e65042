/**
 * What the app works out from a letter's current values, beside the values themselves: the
 * rule checks' findings, and each item's structured vocabulary (service category, drugs,
 * guideline citations) with the reviewer's corrections applied. Worked out again after every
 * change, so a fixed value clears its finding.
 */
import type { ItemField, LetterField } from './fields.ts';
import type { DwcDrugClass, DwcRequestCategory } from './dwcTaxonomy.ts';
import type { DrugClass, GuidelineAnalysis, ItemServiceAnalysis, ServiceCategory } from './vocabulary.ts';

/** One rule check's finding on one value (the codes and what each means: CHECK_CODES). */
export interface CheckFinding {
  readonly code: string;
  readonly field: LetterField | ItemField;
  /** 0-based, in letter order, for an item's value. */
  readonly itemIndex?: number;
  readonly message: string;
}

/** A structured value a reviewer set over the vocabulary's reading; a re-parse never changes it. */
export interface StructureCorrections {
  readonly category?: ServiceCategory;
  readonly drugClass?: DrugClass;
  /** DWC's Sub Category (a DWC_SUB_CATEGORIES id), which names its Request Category too. */
  readonly dwcSubCategory?: string;
  readonly dwcDrugClass?: DwcDrugClass;
}
export const STRUCTURE_KEYS = ['category', 'drugClass', 'dwcSubCategory', 'dwcDrugClass'] as const;
export type StructureKey = (typeof STRUCTURE_KEYS)[number];

/** An item's fields read by the vocabulary (spans inside each field's text). */
export interface ItemVocabulary {
  readonly service: ItemServiceAnalysis;
  readonly claimsAdministratorGuideline: GuidelineAnalysis;
  readonly maximusGuideline: GuidelineAnalysis;
  /** The category and drug class in effect: the reviewer's where they set one, else the vocabulary's. */
  readonly category: ServiceCategory;
  readonly drugClasses: readonly DrugClass[];
  /** The same in DWC's taxonomy: a drug item's Sub Category is its DWC drug class. */
  readonly dwcCategory: DwcRequestCategory;
  readonly dwcSubCategory: string;
  readonly dwcDrugClasses: readonly DwcDrugClass[];
  readonly corrected: readonly StructureKey[];
}

/** What the queue filters and the insights count by, one row per item and value. */
export const FACETS = ['category', 'drug-class', 'dwc-category', 'dwc-sub-category', 'dwc-drug-class', 'drug', 'ca-source', 'maximus-source', 'maximus-mtus-part', 'maximus-topic', 'ca-evidence'] as const;
export type Facet = (typeof FACETS)[number];

export interface ItemFacet {
  readonly facet: Facet;
  readonly value: string;
}

/**
 * What the queue filters and the insights count a letter by, one row per letter and value (its
 * items and their decisions counted with it, as an item facet's are): the reviewer's states of
 * licensure (src/shared/licensure.ts), a fact about the letter, not a finding.
 */
export const LETTER_FACETS = ['licensure-state'] as const;
export type LetterFacet = (typeof LETTER_FACETS)[number];

export interface LetterFacetValue {
  readonly facet: LetterFacet;
  readonly value: string;
}
