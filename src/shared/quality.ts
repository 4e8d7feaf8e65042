/**
 * Measured quality: audit samples drawn from the library, the error rates of the parser's values
 * they measure (with exact intervals), blind re-review and the agreement it gives. The quality
 * service (src/main/quality) produces these; the app, the CLI and the dataset card show them.
 */
import type { QueueFilter } from './queueFilter.ts';
import { ITEM_FIELD_LABELS, LETTER_FIELD_LABELS } from './fieldLabels.ts';
import type { ItemField, LetterField } from './library.ts';
import { ITEM_FIELDS, LETTER_FIELDS } from './library.ts';

/** What a sample can be stratified by: each letter falls in one value of each. */
export const STRATIFIERS = ['format', 'attention', 'category', 'decisionYear'] as const;
export type Stratifier = (typeof STRATIFIERS)[number];
export const STRATIFIER_LABELS: Readonly<Record<Stratifier, string>> = {
  format: 'format',
  attention: 'warnings or check findings',
  category: 'service category',
  decisionYear: 'decision year',
};

/**
 * What the audit measures on a letter: each letter field, each item field (wrong on any item, or
 * an item missed or invented), the item list, and every value of the letter at once.
 */
export type QualityMeasure = LetterField | ItemField | 'itemCount' | 'allExact';
export const QUALITY_MEASURES: readonly QualityMeasure[] = [...LETTER_FIELDS, ...ITEM_FIELDS, 'itemCount', 'allExact'];
export const QUALITY_MEASURE_LABELS: Readonly<Record<QualityMeasure, string>> = {
  ...LETTER_FIELD_LABELS,
  ...ITEM_FIELD_LABELS,
  itemCount: 'Item count',
  allExact: 'Every field of the letter',
};

/** "An error rate below `rate` for `measure` at `confidence`": the one-sided upper bound must fall under `rate`. */
export interface AuditTarget {
  readonly measure: QualityMeasure;
  /** A share, e.g. 0.01 for 1%. */
  readonly rate: number;
  /** e.g. 0.95. */
  readonly confidence: number;
}

/** What drawing a sample takes: a frame (the queue's filter), strata, a seed, and a size or a target to work it out from. */
export interface SampleRequest {
  readonly name?: string;
  readonly frame: QueueFilter;
  readonly strata: readonly Stratifier[];
  /** A whole number 0..2^32-1; a random one when left out (the sample keeps it). */
  readonly seed?: number;
  readonly size?: number;
  readonly target?: AuditTarget;
}

export interface SampleStratum {
  /** The stratifiers' values, joined by " · " ("all letters" when unstratified). */
  readonly key: string;
  /** Letters of the frame in this stratum when the sample was drawn. */
  readonly frameLetters: number;
  readonly sampled: number;
  /** Sampled letters verified now: the audit's evidence. */
  readonly checked: number;
}

export interface AuditSample {
  readonly id: number;
  readonly name: string;
  readonly seed: number;
  readonly frame: QueueFilter;
  readonly strata: readonly Stratifier[];
  readonly target: AuditTarget | null;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly frameLetters: number;
  readonly size: number;
  readonly checked: number;
  readonly strataCounts: readonly SampleStratum[];
}

export interface Interval {
  readonly low: number;
  readonly high: number;
}

/** One measure's error rate among the sample's checked letters, carried over to the frame's unread letters. */
export interface MeasureEstimate {
  readonly measure: QualityMeasure;
  /** Checked letters on which the measure could be compared (a value whose parser reading was never kept is not evidence). */
  readonly checked: number;
  /** Of those, letters where the parser's value was wrong. */
  readonly errors: number;
  /** The share of the frame's letters with this value wrong (weighted by stratum); null before any evidence. */
  readonly rate: number | null;
  /** Two-sided interval at the report's confidence: exact (Clopper-Pearson), Korn-Graubard's where strata weigh. */
  readonly interval: Interval | null;
  /** The one-sided upper bound at the same confidence: what a target is held to. */
  readonly upperBound: number | null;
  /** The frame's letters nobody has verified, and the rate among them (strata weighted by their unread letters). */
  readonly unread: { readonly letters: number; readonly rate: number | null; readonly interval: Interval | null };
}

/** Where a sample stands against its target: how many more clean letters reach it, and what each error found costs. */
export interface TargetProgress {
  readonly target: AuditTarget;
  readonly met: boolean;
  readonly checked: number;
  readonly errors: number;
  /** Checked letters needed in all with the errors found so far (null: more than the frame holds). */
  readonly needed: number | null;
  /** Letters needed with 0, 1, 2, ... errors found: the cost of each error. */
  readonly neededByErrors: readonly (number | null)[];
}

export interface SampleQuality {
  readonly sample: AuditSample;
  readonly confidence: number;
  readonly estimates: readonly MeasureEstimate[];
  readonly target: TargetProgress | null;
}

/** Blind re-review: the fields shown empty ('fields') or only the decisions hidden ('decision'). */
export const BLIND_MODES = ['fields', 'decision'] as const;
export type BlindMode = (typeof BLIND_MODES)[number];

export interface BlindPass {
  readonly id: number;
  readonly reviewer: string;
  readonly mode: BlindMode;
  readonly createdAt: string;
  readonly letters: number;
  readonly submitted: number;
}

/** What a blind reviewer enters for one item; fields left out were not asked. */
export type BlindItemValues = Readonly<Partial<Record<ItemField | 'category', string | null>>>;

/** What a blind reviewer enters for a letter: its fields (in 'fields' mode) and each item, in the letter's order. */
export interface BlindValues {
  readonly letter: Readonly<Partial<Record<LetterField, string | null>>>;
  readonly items: readonly BlindItemValues[];
}

/** A letter as a blind pass shows it: the source, and how many items to enter; nothing the letter's values give away. */
export interface BlindLetter {
  readonly passId: number;
  readonly mode: BlindMode;
  readonly letterId: number;
  readonly label: string;
  /** Each item's service as verified: shown in 'decision' mode only, so the reviewer knows which item is which. */
  readonly services: readonly (string | null)[] | null;
  readonly itemCount: number;
  readonly submitted: BlindValues | null;
}

export interface SubmitBlindResult {
  readonly compared: number;
  readonly agreed: number;
  /** Disagreements waiting in the adjudication list. */
  readonly disagreements: number;
}

/** Agreement on one field between blind passes and the verified values. */
export interface FieldAgreementEstimate {
  readonly field: ItemField | LetterField | 'category';
  readonly compared: number;
  readonly agreed: number;
  readonly share: number | null;
  readonly interval: Interval | null;
}

export interface KappaEstimate {
  readonly field: 'decision' | 'category';
  readonly items: number;
  readonly kappa: number | null;
  readonly interval: Interval | null;
}

/** Intra-rater: a reviewer re-reading letters they verified; inter-rater: someone else's. */
export type AgreementKind = 'intra' | 'inter';

export interface AgreementSummary {
  readonly kind: AgreementKind;
  readonly letters: number;
  readonly fields: readonly FieldAgreementEstimate[];
  readonly kappas: readonly KappaEstimate[];
}

export interface QualityReport {
  readonly confidence: number;
  readonly samples: readonly SampleQuality[];
  readonly blindPasses: readonly BlindPass[];
  readonly agreement: readonly AgreementSummary[];
  readonly adjudication: { readonly open: number; readonly resolved: number };
}

/** How far a letter's values have been checked, as every export states it. */
export const REVIEW_STATES = ['machine', 'verified', 'audited', 're-reviewed', 'adjudicated'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];
