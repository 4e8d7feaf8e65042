/**
 * Which letters the queue shows and in what order: the filter every list, sample and export
 * scope shares, checked at the API's boundary like every argument.
 */
import { z } from 'zod';
import { FACETS } from './derived.ts';
import { DWC_DRUG_CLASSES, DWC_REQUEST_CATEGORIES, type DwcDrugClass, type DwcRequestCategory } from './dwcTaxonomy.ts';
import { DECISIONS, LETTER_FORMATS } from './letter.ts';
import { LETTER_STATUSES } from './library.ts';
import { QUEUE_SORTS } from './queueSorts.ts';
import { id, text } from './schemaParts.ts';
import { CITATION_SOURCES, DRUG_CLASSES, SERVICE_CATEGORIES } from './vocabulary.ts';
import type { CitationSource, DrugClass, ServiceCategory } from './vocabulary.ts';


/** What one item must be: its decision ('none': it has none), facet values, a partial certification. */
const itemCriteria = z.strictObject({
  decision: z.enum([...DECISIONS, 'none']).optional(),
  /** Each facet must have one of its values on the item. */
  facets: z
    .array(z.strictObject({ facet: z.enum(FACETS), values: z.array(text(200)).min(1).max(50).readonly() }).readonly())
    .min(1)
    .max(4)
    .readonly()
    .optional(),
  partial: z.literal(true).optional(),
});
export type ItemCriteria = z.infer<typeof itemCriteria>;

/** A decision period: a year ('2016'), a month ('2016-12'), years ('2016..2017'), or 'unknown'. */
export const DECIDED_IN_PATTERN = /^(\d{4}(-(0[1-9]|1[0-2])|\.\.\d{4})?|unknown)$/;

export const queueFilterSchema = z.strictObject({
  status: z.enum(LETTER_STATUSES).optional(),
  decision: z.enum(DECISIONS).optional(),
  tagId: id.optional(),
  format: z.enum(LETTER_FORMATS).optional(),
  hasWarnings: z.boolean().optional(),
  hasChecks: z.boolean().optional(),
  category: z.enum(SERVICE_CATEGORIES.map((term) => term.id) as [ServiceCategory, ...ServiceCategory[]]).optional(),
  drugClass: z.enum(DRUG_CLASSES.map((term) => term.id) as [DrugClass, ...DrugClass[]]).optional(),
  /** Letters with an item in this DWC Request Category, or with a drug of this DWC drug class. */
  dwcCategory: z.enum(DWC_REQUEST_CATEGORIES.map((term) => term.id) as [DwcRequestCategory, ...DwcRequestCategory[]]).optional(),
  dwcDrugClass: z.enum(DWC_DRUG_CLASSES.map((term) => term.id) as [DwcDrugClass, ...DwcDrugClass[]]).optional(),
  guidelineSource: z.enum(CITATION_SOURCES.map((term) => term.id) as [CitationSource, ...CitationSource[]]).optional(),
  search: text(500).optional(),
  /** Letters decided in a year ('2016'), a month ('2016-12') or years ('2016..2017'), or 'unknown' (no MM/DD/YYYY decision date). */
  decidedIn: z.string().regex(DECIDED_IN_PATTERN).optional(),
  /** The expert reviewer's specialty as printed; null: letters that print none. */
  reviewerSpecialty: text(500).nullable().optional(),
  /** Letters whose expert reviewer is (or, of the letters printing a licensure, is not) licensed in the state. */
  licensure: z.strictObject({ state: text(80).min(1), licensed: z.boolean() }).optional(),
  /** Letters with at least this many items. */
  minItems: z.number().int().min(0).max(1000).optional(),
  /** Letters with, for each of these, an item that matches all of it at once. */
  items: z.array(itemCriteria).min(1).max(8).readonly().optional(),
  /** The letters drawn into this audit sample. */
  sampleId: id.optional(),
  /** The letters of this blind pass not entered yet. */
  blindPassId: id.optional(),
});
export type QueueFilter = z.infer<typeof queueFilterSchema>;

export const queueQuery = queueFilterSchema.extend({
  sort: z.enum(QUEUE_SORTS),
  offset: z.number().int().nonnegative(),
  limit: z.number().int().min(1).max(1000),
});
export type QueueQuery = z.infer<typeof queueQuery>;
