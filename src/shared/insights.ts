/**
 * The insights: what a library's letters say about IMR outcomes, set beside published figures.
 * The library server works every figure out in SQL (src/main/insights); the app's Insights view
 * and `imr-review report` show the same result. Each group carries the queue selection that
 * opens exactly its items, so a bar or a table row leads to the letters behind it.
 */
import { dwcCategoryLabel, dwcDrugClassLabel } from './dwcTaxonomy.ts';
import type { ItemCriteria, QueueFilter } from './queueFilter.ts';
import type { Decision } from './letter.ts';

export const INSIGHTS_SCOPES = ['verified', 'all'] as const;
/** Verified letters only (the dataset), or every letter whatever its review status. */
export type InsightsScope = (typeof INSIGHTS_SCOPES)[number];

export interface InsightsQuery {
  /** The queue's filter, or {} for the whole library. */
  readonly filter: QueueFilter;
  readonly scope: InsightsScope;
}

/** A 95% interval. */
export interface Interval {
  readonly low: number;
  readonly high: number;
}

/** A figure worked out over `n` letters or items; null value and interval when there are none. */
export interface Estimate {
  readonly n: number;
  readonly value: number | null;
  readonly interval: Interval | null;
}

/** `count` of `n` as a share, with its Wilson score interval. */
export interface Proportion extends Estimate {
  readonly count: number;
}

export interface Headline {
  readonly letters: number;
  /** Letters the parser found no item in (a non-letter, a page it could not read): left out of items per letter. */
  readonly lettersWithoutItems: number;
  readonly items: number;
  /** Items without a decision: left out of the decision shares. */
  readonly undecided: number;
  /** Of the items with a decision. */
  readonly upheld: Proportion;
  readonly overturned: Proportion;
  /** Over the letters with at least one item; a normal-approximation interval of the mean. */
  readonly itemsPerLetter: Estimate;
  /** Of the letters with at least one item. */
  readonly multiItemLetters: Proportion;
  /** Partial certifications, of all items. */
  readonly partial: Proportion;
  /** Upheld, of the partial certifications with a decision. */
  readonly partialUpheld: Proportion;
  /** Items whose service is a drug (prescription, compounded or topical), of all items. */
  readonly drugItems: Proportion;
  /** Drug items naming an opioid, of the drug items. */
  readonly opioidDrugItems: Proportion;
}

/**
 * A part of the letters or items a bar or table row stands for, as queue filter keys: the
 * queue then shows exactly the letters holding those items (see queueFilterFor).
 */
export interface InsightSelection {
  readonly decidedIn?: string;
  readonly reviewerSpecialty?: string | null;
  readonly licensure?: QueueFilter['licensure'];
  readonly minItems?: number;
  readonly item?: ItemCriteria;
}

export const BREAKDOWN_IDS = [
  'category',
  'drug-class',
  'guideline-source',
  'mtus-part',
  'guideline-topic',
  'reviewer-specialty',
  'licensure-state',
  'decision-month',
  'ca-evidence',
] as const;
export type BreakdownId = (typeof BREAKDOWN_IDS)[number];

export interface GroupRow {
  /** The stored value; null for letters that print none (or no readable date). */
  readonly key: string | null;
  readonly label: string;
  readonly letters: number;
  readonly items: number;
  readonly upheld: number;
  readonly overturned: number;
  /** Upheld, of the group's items with a decision. */
  readonly upheldShare: Proportion;
  readonly selection: InsightSelection;
}

export interface Breakdown {
  readonly id: BreakdownId;
  readonly title: string;
  /** What is counted, and how an item with several values counts. */
  readonly note: string;
  /** Most items first; by month in time order. */
  readonly rows: readonly GroupRow[];
}

export const REFERENCE_MEASURES = [
  'upheld-share',
  'overturned-share',
  'items-per-letter',
  'multi-item-letters',
  'drug-share',
  'opioid-share-of-drugs',
] as const;
export type ReferenceMeasure = (typeof REFERENCE_MEASURES)[number];

export interface YearSpan {
  readonly from: number;
  readonly to: number;
}

/** A share stated in DWC's taxonomy: of all items in a Request Category, or of Pharmaceuticals items in a drug class. */
export interface DwcShareKey {
  readonly group: 'category' | 'drug-class';
  /** A DWC_REQUEST_CATEGORIES or DWC_DRUG_CLASSES id. */
  readonly id: string;
}

/** A published figure on DWC's IMR program, kept as data with the source it comes from. */
export interface ReferenceFigure {
  readonly id: string;
  /** 'dwc-share': a share in DWC's taxonomy (see `dwc`), set beside the library by year, not in the headline comparison. */
  readonly measure: ReferenceMeasure | 'dwc-share';
  /** The share in DWC's taxonomy the figure states, when it states one (a drug share is Pharmaceuticals'). */
  readonly dwc: DwcShareKey | null;
  readonly years: YearSpan;
  /** A share (0..1) or items per letter. */
  readonly value: number;
  /** As the source puts it: "88.6%", "about half". */
  readonly printed: string;
  /** What the source counted, when it says: "163,826 letters". */
  readonly base: string | null;
  readonly source: {
    readonly publisher: string;
    /** The publisher in a word, for chart labels: "CWCI". */
    readonly short: string;
    readonly title: string;
    /** Where it is published, as far as the project's domain notes say. */
    readonly where: string | null;
    /** What the publisher counts: DWC treatment requests by report year, CWCI decisions by letter date. */
    readonly counts: string;
  };
  /** Taken from a secondary summary, not the publisher's own text: check before relying on it. */
  readonly secondary: boolean;
}

export type ComparisonVerdict = 'inside' | 'outside' | 'no-data';

export interface ReferenceComparison {
  readonly figure: ReferenceFigure;
  /** The library's letters decided in the figure's years; null when it has none, and every letter is used. */
  readonly period: YearSpan | null;
  readonly library: Estimate;
  readonly verdict: ComparisonVerdict;
  /** The items or letters the library's figure counts. */
  readonly selection: InsightSelection;
}

/** One year's share of the library's items in one DWC category or drug class, beside what DWC and CWCI published for it. */
export interface DwcShare {
  readonly year: number;
  readonly key: DwcShareKey;
  /** Items in it of the year's items (a drug class: of the year's Pharmaceuticals items). */
  readonly library: Proportion;
  /** Each figure DWC or CWCI published for it in that year, set beside the library's share. */
  readonly published: readonly ReferenceComparison[];
  /** The items the library's share counts, for the queue. */
  readonly selection: InsightSelection;
}

/** When a part of the MTUS was in force, for the insights' timeline (vocabulary/data/mtusPeriods.ts). */
export interface MtusPeriodRow {
  /** The part and the chapter by name, as the charts label them. */
  readonly part: string;
  readonly edition: string | null;
  readonly topic: string | null;
  readonly from: string;
  readonly to: string | null;
  readonly source: string;
}

export interface Insights {
  readonly query: InsightsQuery;
  /** The letters the figures are over; null when the filter and the scope exclude each other (no letters). */
  readonly letterFilter: QueueFilter | null;
  readonly headline: Headline;
  /** First and last decision year among the letters; null when none has a readable decision date. */
  readonly years: YearSpan | null;
  readonly breakdowns: readonly Breakdown[];
  readonly comparisons: readonly ReferenceComparison[];
  /** Per decision year of the letters, their items in DWC's taxonomy beside DWC's and CWCI's published shares. */
  readonly dwcShares: readonly DwcShare[];
  /** The MTUS parts' in-force periods, which the letters' citations are checked against. */
  readonly mtusPeriods: readonly MtusPeriodRow[];
}

/** The service categories counted as drug items, as the published figures count "prescription drugs". */
export const DRUG_CATEGORIES = ['prescription-drug', 'compounded-topical-drug'] as const;

const DRUG_ITEM = { facet: 'category', values: DRUG_CATEGORIES } as const;
const OPIOID = { facet: 'drug-class', values: ['opioid'] } as const;

/** The items (or letters) each headline figure counts, for the queue; null where no filter says it. */
export const HEADLINE_SELECTIONS: Readonly<Record<keyof Headline, InsightSelection | null>> = {
  letters: {},
  lettersWithoutItems: null,
  items: { minItems: 1 },
  undecided: { item: { decision: 'none' } },
  upheld: { item: { decision: 'Upheld' } },
  overturned: { item: { decision: 'Overturned' } },
  itemsPerLetter: { minItems: 1 },
  multiItemLetters: { minItems: 2 },
  partial: { item: { partial: true } },
  partialUpheld: { item: { partial: true, decision: 'Upheld' } },
  drugItems: { item: { facets: [DRUG_ITEM] } },
  // The rarer facet first: the queue reads the first one's index and checks the others on each of its items.
  opioidDrugItems: { item: { facets: [OPIOID, DRUG_ITEM] } },
};

/** The headline figure a published measure is set beside. */
export const MEASURE_FIGURES = {
  'upheld-share': 'upheld',
  'overturned-share': 'overturned',
  'items-per-letter': 'itemsPerLetter',
  'multi-item-letters': 'multiItemLetters',
  'drug-share': 'drugItems',
  'opioid-share-of-drugs': 'opioidDrugItems',
} as const satisfies Record<ReferenceMeasure, keyof Headline>;

/** The measure a reference figure states, in words. */
export const MEASURE_LABELS: Record<ReferenceMeasure, string> = {
  'upheld-share': 'items upheld',
  'overturned-share': 'items overturned',
  'items-per-letter': 'items per letter',
  'multi-item-letters': 'letters with over one item',
  'drug-share': 'drug items',
  'opioid-share-of-drugs': 'opioids, of drug items',
};

/** What a figure states, in words: a measure's label, or a share in DWC's taxonomy by its DWC name. */
export function figureMeasureLabel(figure: ReferenceFigure): string {
  if (figure.measure !== 'dwc-share') return MEASURE_LABELS[figure.measure];
  return figure.dwc ? dwcShareLabel(figure.dwc) : 'a share in DWC taxonomy';
}

/** "Rehabilitation items", "Opioids, of Pharmaceuticals items". */
export function dwcShareLabel(key: DwcShareKey): string {
  return key.group === 'category' ? `${dwcCategoryLabel(key.id) ?? key.id} items` : `${dwcDrugClassLabel(key.id) ?? key.id}, of Pharmaceuticals items`;
}

/** Said wherever the library's figures are set beside published ones. */
export const SAMPLE_CAVEAT =
  "A reviewer's library is not a random sample of IMR decisions: a published figure outside the library's 95% interval says how this library differs, not that either figure is wrong.";

/**
 * The queue filter that shows exactly the letters holding a selection's items, among the
 * letters the insights are over: the selection's letter keys narrow the filter, and its item
 * criteria are added to the ones the filter has (each must hold on an item of its own).
 */
export function queueFilterFor(letterFilter: QueueFilter, selection: InsightSelection): QueueFilter {
  const { item, ...letterKeys } = selection;
  const items = item === undefined ? letterFilter.items : [...(letterFilter.items ?? []), item];
  return { ...letterFilter, ...letterKeys, ...(items === undefined ? {} : { items }) };
}

/** A group's items of one decision. */
export function withDecision(selection: InsightSelection, decision: Decision | 'none'): InsightSelection {
  return { ...selection, item: { ...selection.item, decision } };
}

/** The filter keys a selection adds; the queue shows them as the insights selection, to be cleared together. */
export const SELECTION_KEYS = ['decidedIn', 'reviewerSpecialty', 'minItems', 'items'] as const satisfies readonly (keyof QueueFilter)[];
