/**
 * What the domain vocabulary reads out of a letter's guideline and service fields, for the
 * UI and the export. Every value carries its [start, end) span inside the field text it was
 * read from (the field's value, not the whole letter), so it can be highlighted there.
 */
import type { DwcDrugClass, DwcRequestCategory } from './dwcTaxonomy.ts';
import type { Field, Span } from './letter.ts';

export interface VocabularyWarning {
  readonly code: VocabularyWarningCode;
  readonly message: string;
  readonly span?: Span;
}

export type VocabularyWarningCode =
  | 'unrecognised-text'
  | 'unknown-topic'
  | 'unknown-edition'
  | 'source-inferred'
  | 'category-unmatched'
  | 'multiple-drugs'
  | 'drug-not-in-table'
  | 'spine-range-invalid'
  | 'session-count-mismatch'
  | 'internal-error';

/** A term of a documented taxonomy: its stored id and one line saying what it covers. */
export interface TaxonomyTerm<Id extends string = string> {
  readonly id: Id;
  readonly description: string;
}

// ---------------------------------------------------------------- guideline citations

export const CITATION_SOURCES = [
  { id: 'mtus', description: "California's Medical Treatment Utilization Schedule (8 CCR 9792.20 ff.), any of its parts" },
  { id: 'odg', description: 'Official Disability Guidelines (Work Loss Data Institute / MCG), by chapter' },
  { id: 'acoem', description: 'ACOEM Practice Guidelines cited outside the MTUS (as a Non-MTUS citation)' },
  { id: 'other', description: 'Any other evidence: journal articles, FDA labels, drug references, payer policies, other guidelines, web pages' },
  { id: 'no-evidence', description: 'The field says that no medical evidence was cited' },
] as const satisfies readonly TaxonomyTerm[];
export type CitationSource = (typeof CITATION_SOURCES)[number]['id'];

export const MTUS_PARTS = [
  { id: 'acoem-2004', description: 'ACOEM Practice Guidelines, 2nd edition (2004): General Approaches and the clinical topic chapters (Elbow revised 2007)' },
  { id: 'acupuncture', description: 'Acupuncture Medical Treatment Guidelines (2007)' },
  { id: 'chronic-pain', description: 'Chronic Pain Medical Treatment Guidelines (2009; revised 2016)' },
  { id: 'postsurgical', description: 'Postsurgical Treatment Guidelines (2009)' },
  { id: 'opioids', description: 'Opioids Treatment Guidelines of the DWC (2016)' },
  { id: 'acoem-by-reference', description: 'ACOEM guidelines incorporated by reference from 1 December 2017, each with its own publication date' },
  { id: 'drug-formulary', description: 'MTUS Drug Formulary and its versioned MTUS Drug List (from 1 January 2018)' },
] as const satisfies readonly TaxonomyTerm[];
export type MtusPart = (typeof MTUS_PARTS)[number]['id'];

export const OTHER_SOURCE_KINDS = [
  { id: 'fda-label', description: 'An FDA label, prescribing information or medication guide' },
  { id: 'drug-reference', description: 'A drug compendium or reference site (drugs.com, Micromedex, Medscape, UpToDate, ...)' },
  { id: 'payer-policy', description: 'A payer or Medicare/CMS coverage policy or fee schedule' },
  { id: 'journal-article', description: 'A journal article or systematic review' },
  { id: 'other-guideline', description: 'A guideline of another body (society, college, health system, government agency)' },
  { id: 'web-page', description: 'A web address that none of the above recognises' },
  { id: 'unclassified', description: 'Text the rules cannot place; the citation is left unmapped' },
] as const satisfies readonly TaxonomyTerm[];
export type OtherSourceKind = (typeof OTHER_SOURCE_KINDS)[number]['id'];

export type LocatorKind = 'page' | 'section' | 'topic';

/** Where in the cited work: `Page(s): 300`, one `Section(s):` entry, or a named sub-topic. */
export interface Locator {
  readonly kind: LocatorKind;
  readonly value: string;
  readonly span: Span;
}

/** The chapter or part a citation names, normalised through the alias tables. */
export interface CitationTopic {
  readonly id: string;
  readonly name: string;
  /** Where the name is printed. */
  readonly span: Span;
}

export interface GuidelineCitation {
  readonly source: CitationSource;
  readonly span: Span;
  readonly text: string;
  /** For MTUS citations, the part the topic and edition resolve to (null when they do not). */
  readonly mtusPart: MtusPart | null;
  readonly topic: CitationTopic | null;
  /** Edition or year as printed ("2004", "2016", "updated 11/22/16"). */
  readonly edition: Field | null;
  readonly locators: readonly Locator[];
  /** For `other` citations, what kind of evidence the rules recognised. */
  readonly otherKind: OtherSourceKind | null;
  /** The source is recognised and every chapter or part name printed is in the alias tables. */
  readonly mapped: boolean;
  readonly warnings: readonly VocabularyWarning[];
}

/** Sentences about the basis of the decision that cite nothing themselves. */
export type GuidelineStatementKind = 'outside-mtus' | 'not-based-on-mtus' | 'mtus-not-applicable';

export interface GuidelineStatement {
  readonly kind: GuidelineStatementKind;
  readonly span: Span;
}

export interface GuidelineAnalysis {
  readonly citations: readonly GuidelineCitation[];
  readonly statements: readonly GuidelineStatement[];
  /** Text that is neither a citation nor a known statement. */
  readonly unrecognised: readonly Span[];
  /** At least one citation, every citation mapped, and no unrecognised text. */
  readonly mapped: boolean;
  readonly warnings: readonly VocabularyWarning[];
}

export type InForceStatus = 'in-force' | 'not-in-force' | 'unknown' | 'not-mtus';

export interface InForcePeriod {
  /** ISO dates, both inclusive; `to` null while still in force. */
  readonly from: string;
  readonly to: string | null;
}

export interface InForceCheck {
  readonly status: InForceStatus;
  readonly reason: string;
  /** The periods of the cited part (and edition, when printed) the date was tested against. */
  readonly periods: readonly InForcePeriod[];
}

// ---------------------------------------------------------------- services

export const SERVICE_CATEGORIES = [
  { id: 'prescription-drug', description: 'A medication taken by mouth or injected at home, or a medical food, named by brand or generic' },
  { id: 'compounded-topical-drug', description: 'A compounded preparation (cream, oral suspension kit) or a drug applied to the skin (patch, gel, cream)' },
  { id: 'physical-therapy', description: 'Physical or occupational therapy and physical-medicine modalities (aquatic, massage, e-stim, work conditioning)' },
  { id: 'chiropractic', description: 'Chiropractic care and spinal manipulation' },
  { id: 'acupuncture', description: 'Acupuncture, with or without electrical stimulation' },
  { id: 'psychological', description: 'Psychological evaluation, testing and treatment (CBT, biofeedback, psychotherapy)' },
  { id: 'imaging', description: 'Imaging and electrodiagnostic studies: MRI, CT, X-ray, ultrasound, scans, EMG/NCS, SSEP, EEG' },
  { id: 'injection-or-nerve-block', description: 'Injections and nerve blocks: epidural, facet, medial branch, trigger point, joint, PRP, radiofrequency ablation' },
  { id: 'surgery', description: 'Operative procedures, with their surgical assistants, anaesthesia and hospital stay' },
  { id: 'durable-medical-equipment', description: 'Equipment and supplies: braces, slings, TENS and cold-therapy units, walkers, beds, commodes, hearing aids' },
  { id: 'laboratory', description: 'Laboratory and other non-imaging tests: blood and urine tests, drug screens, EKG' },
  { id: 'consultation-or-referral', description: 'Consultations, referrals, office visits, examinations and pre-operative medical clearance' },
  { id: 'programme', description: 'Programmes: functional restoration, multidisciplinary pain, detoxification, weight loss, gym membership' },
  { id: 'home-health-or-nursing', description: 'Home health aides, nursing visits, skilled nursing facility and inpatient rehabilitation stays' },
  { id: 'other', description: 'A service the rules cannot place, or one the taxonomy has no category for; always with a category-unmatched warning' },
] as const satisfies readonly TaxonomyTerm[];
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number]['id'];

export const DRUG_CLASSES = [
  { id: 'opioid', description: 'Opioid analgesics, alone or combined (hydrocodone/acetaminophen, tramadol, buprenorphine patch)' },
  { id: 'nsaid', description: 'Non-steroidal anti-inflammatory drugs taken by mouth (naproxen, meloxicam, celecoxib)' },
  { id: 'muscle-relaxant', description: 'Muscle relaxants and antispasmodics (cyclobenzaprine, tizanidine, baclofen)' },
  { id: 'anticonvulsant', description: 'Anti-epilepsy drugs used for pain (gabapentin, pregabalin, topiramate)' },
  { id: 'antidepressant', description: 'Antidepressants (duloxetine, amitriptyline, trazodone, SSRIs)' },
  { id: 'topical', description: 'Any non-opioid drug applied to the skin, and topical compounds (MTUS treats topical analgesics as one group)' },
  { id: 'proton-pump-inhibitor', description: 'Proton-pump inhibitors (omeprazole, pantoprazole, esomeprazole)' },
  { id: 'sleep-aid', description: 'Hypnotics and sleep aids (zolpidem, eszopiclone, temazepam, melatonin)' },
  { id: 'other', description: 'Any other drug, or a drug not in the table' },
] as const satisfies readonly TaxonomyTerm[];
export type DrugClass = (typeof DRUG_CLASSES)[number]['id'];

export type Laterality = 'left' | 'right' | 'bilateral';

export interface ServiceCategoryMatch {
  readonly value: ServiceCategory;
  /** The rule that placed it (see the rule table), or "none". */
  readonly rule: string;
  /** The words the rule matched; null when no rule matched. */
  readonly span: Span | null;
}

/** Where DWC's taxonomy places a service: its Sub Category (DWC_SUB_CATEGORIES id) and the Request Category that holds it. */
export interface DwcPlacement {
  readonly category: DwcRequestCategory;
  readonly subCategory: string;
  /** The rule that placed it (data/dwcRules.ts), or "drug" for a drug's class. */
  readonly rule: string;
}

export interface CountedValue {
  readonly value: number;
  readonly span: Span;
}

/** A number or a printed range ("12-18", "1 to 2"). */
export interface NumberRange {
  readonly min: number;
  readonly max: number;
  readonly span: Span;
}

export interface Strength {
  /** As printed: "10/325mg", "5%", "25mg/ml". */
  readonly value: string;
  readonly amounts: readonly number[];
  /** Normalised unit: mg, mcg, %, mg/ml, mcg/hr, units, meq. */
  readonly unit: string;
  readonly span: Span;
}

export interface NormalisedValue<T extends string = string> {
  readonly value: T;
  readonly span: Span;
}

export interface Ingredient {
  readonly name: Field;
  readonly generic: string | null;
  readonly strength: Strength | null;
}

export interface DrugMention {
  readonly span: Span;
  /** The name as printed, with its salt or release words ("Oxycodone HCL ER"). */
  readonly name: Field;
  /** Generic name(s), lower case, joined by "/" for combinations; null when not in the table. */
  readonly generic: string | null;
  readonly drugClass: DrugClass;
  /** The class in DWC's taxonomy: a compound applied to the skin is a Topical Compound, another non-opioid on the skin a Topical Analgesic. */
  readonly dwcDrugClass: DwcDrugClass;
  readonly compounded: boolean;
  readonly strength: Strength | null;
  /** One per named ingredient; a compound lists each with its own strength. */
  readonly ingredients: readonly Ingredient[];
  readonly form: NormalisedValue | null;
  /** `#90`, `Qty: 90`. */
  readonly quantity: CountedValue | null;
  readonly refills: CountedValue | null;
  /** Package size of creams and suspensions ("120grams", "420ml"). */
  readonly amount: { readonly value: number; readonly unit: 'g' | 'ml' | 'oz'; readonly span: Span } | null;
  readonly daysSupply: CountedValue | null;
}

export interface SessionFrequency {
  readonly perWeek: NumberRange;
  readonly weeks: NumberRange;
  /** perWeek × weeks. */
  readonly total: { readonly min: number; readonly max: number };
  readonly span: Span;
}

export interface ServiceDuration {
  readonly value: NumberRange;
  readonly unit: 'day' | 'week' | 'month';
  readonly span: Span;
}

export interface BodyPartMention {
  readonly id: string;
  readonly name: string;
  readonly laterality: Laterality | null;
  readonly span: Span;
}

export interface SpineLevels {
  /** As printed: "L4-S1", "C5-C6", "L4". */
  readonly printed: Field;
  /** Motion segments of a range ("L4-5", "L5-S1"), or the single level printed ("L4"). */
  readonly levels: readonly string[];
}

export interface ServiceAnalysis {
  readonly category: ServiceCategoryMatch;
  readonly dwc: DwcPlacement;
  readonly drugs: readonly DrugMention[];
  /** Sessions or visits printed as a count ("12 visits", "#6", "x4", "Eight (8) ... sessions"). */
  readonly count: NumberRange | null;
  readonly frequency: SessionFrequency | null;
  readonly duration: ServiceDuration | null;
  readonly acquisition: NormalisedValue<'rental' | 'purchase'> | null;
  readonly bodyParts: readonly BodyPartMention[];
  /** The side the service concerns: one side, or bilateral when both or "bilateral" are printed. */
  readonly laterality: NormalisedValue<Laterality> | null;
  readonly spineLevels: readonly SpineLevels[];
  readonly warnings: readonly VocabularyWarning[];
}

/** An item's service, and for partial certifications each of its three parts on its own. */
export interface ItemServiceAnalysis {
  readonly service: ServiceAnalysis;
  readonly partial: {
    readonly originalRequest: ServiceAnalysis;
    readonly authorizedByClaimsAdministrator: ServiceAnalysis;
    readonly imrEligiblePortion: ServiceAnalysis;
  } | null;
}
