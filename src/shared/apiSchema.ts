/**
 * Argument schemas for every API method: the boundary checks in the main process
 * (IPC and HTTP alike) run each call through these before any service sees it.
 */
import { z } from 'zod';
import { BULK_MAX_ITEMS, BULK_SEARCH_FIELDS } from './bulk.ts';
import { EXPORT_FORMATS } from './export.ts';
import { INSIGHTS_SCOPES } from './insights.ts';
import { DECISIONS, LETTER_FORMATS } from './letter.ts';
import { ITEM_FIELDS, ITEM_STATUSES, LETTER_FIELDS, LETTER_STATUSES, TAG_SCOPES } from './library.ts';
import { STRUCTURE_KEYS } from './derived.ts';
import { BLIND_MODES, QUALITY_MEASURES, STRATIFIERS } from './quality.ts';
import type { QualityMeasure } from './quality.ts';
import { MAX_PACKAGE_LETTERS } from './team.ts';
import { queueFilterSchema, queueQuery } from './queueFilter.ts';
import { QUEUE_SORTS } from './queueSorts.ts';
import { id, text } from './schemaParts.ts';

const span = z
  .tuple([z.number().int().nonnegative(), z.number().int().nonnegative()])
  .readonly()
  .refine(([start, end]) => start <= end, 'span start after end');
const itemField = z.enum(ITEM_FIELDS);
const letterField = z.enum(LETTER_FIELDS);
const fieldValue = text(200_000).nullable();
/** The stretches one selection may join: a page holds a few hundred text runs. */
const MAX_SELECTED_STRETCHES = 256;

/** The letter a change is made on, and its revision as the reviewer saw it. */
const letterRef = z.strictObject({ letterId: id, revision: z.number().int().nonnegative() });
export type LetterRef = z.infer<typeof letterRef>;

/** A typed value, or a selection in the source whose text becomes the value (from the page, several stretches in the page's order). */
const fieldEdit = <F extends z.ZodType<string>>(field: F) =>
  z.union([
    z.strictObject({ field, value: fieldValue }),
    z.strictObject({ field, selection: span }),
    z.strictObject({ field, selections: z.array(span).min(1).max(MAX_SELECTED_STRETCHES).readonly() }),
  ]);
const itemEdit = fieldEdit(itemField);
const letterEdit = fieldEdit(letterField);
export type FieldEdit = z.infer<typeof itemEdit> | z.infer<typeof letterEdit>;

export { DECIDED_IN_PATTERN, queueFilterSchema } from './queueFilter.ts';
export type { ItemCriteria, QueueFilter, QueueQuery } from './queueFilter.ts';

const newItem = z.strictObject({
  position: z.number().int().nonnegative().optional(),
  values: z.partialRecord(itemField, fieldValue).optional(),
  spans: z.partialRecord(z.union([itemField, z.literal('item')]), span).optional(),
});
export type NewItemInput = z.infer<typeof newItem>;

const tagInput = z.strictObject({
  name: text(80).min(1),
  colour: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  hotkey: z.string().regex(/^[0-9a-z]$/).nullable().optional(),
  scope: z.enum(TAG_SCOPES).optional(),
});
const tagChanges = tagInput.partial();
/** The step the reviewer was offered ("Undo: …"), so a different one is never taken. */
const undoExpectation = z.strictObject({ expected: id.optional() });
const paths = z.array(text(4096).min(1)).min(1).max(10_000);
const exportOptions = z.strictObject({
  format: z.enum(EXPORT_FORMATS),
  outDir: text(4096).min(1),
  scope: z.enum(['verified', 'all']).optional(),
  filter: z
    .strictObject({
      tagId: id.optional(),
      decision: z.enum(DECISIONS).optional(),
      format: z.enum(LETTER_FORMATS).optional(),
      status: z.enum(LETTER_STATUSES).optional(),
    })
    .optional(),
  withSpans: z.boolean().optional(),
  bom: z.boolean().optional(),
  force: z.boolean().optional(),
});

const bulkSelection = z.strictObject({
  search: text(500),
  searchIn: z.enum(BULK_SEARCH_FIELDS),
  filter: queueFilterSchema.omit({ search: true }),
  showField: itemField.optional(),
});
export type BulkSelectionInput = z.infer<typeof bulkSelection>;
/** The items of one letter a bulk action changes, with the letter's revision as previewed. */
const bulkLetter = z.strictObject({ letterId: id, revision: z.number().int().nonnegative(), itemIds: z.array(id).min(1).max(BULK_MAX_ITEMS) });
export type BulkLetterInput = z.infer<typeof bulkLetter>;
const bulkOperation = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('tag'), tagId: id, on: z.boolean() }),
  z.strictObject({ kind: z.literal('status'), status: z.enum(ITEM_STATUSES) }),
  z.strictObject({ kind: z.literal('field'), field: itemField, value: fieldValue }),
]);

const auditTarget = z.strictObject({
  measure: z.enum(QUALITY_MEASURES as readonly QualityMeasure[] as [QualityMeasure, ...QualityMeasure[]]),
  rate: z.number().gt(0).lt(1),
  confidence: z.number().gt(0).lt(1),
});
const sampleRequest = z.strictObject({
  name: text(200).optional(),
  frame: queueFilterSchema,
  strata: z.array(z.enum(STRATIFIERS)).max(STRATIFIERS.length).readonly(),
  seed: z.number().int().min(0).max(2 ** 32 - 1).optional(),
  size: z.number().int().min(1).max(1_000_000).optional(),
  target: auditTarget.optional(),
});
const blindText = text(200_000).nullable();
const blindValues = z.strictObject({
  letter: z.partialRecord(letterField, blindText),
  items: z.array(z.partialRecord(z.union([itemField, z.literal('category')]), blindText)).max(1000).readonly(),
});
const blindPassRequest = z.union([
  z.strictObject({ mode: z.enum(BLIND_MODES), sampleId: id }),
  z.strictObject({ mode: z.enum(BLIND_MODES), letterIds: z.array(id).min(1).max(100_000).readonly() }),
]);

const packagesRequest = z.strictObject({
  name: text(120).min(1),
  reviewers: z.array(text(120).min(1)).min(1).max(100).readonly(),
  filter: queueFilterSchema,
  count: z.number().int().min(1).max(MAX_PACKAGE_LETTERS).optional(),
  seed: z.number().int().min(0).max(2 ** 32 - 1).optional(),
  overlap: z.number().min(0).max(1),
  folder: text(4096).min(1),
});

const windowDays = z.number().int().min(1).max(365);
const checkSettings = z.strictObject({
  decisionWindowDays: z.strictObject({ standard: windowDays, expedited: windowDays }),
  /** Turning the licensure finding on takes a reason, shown with every finding. */
  licensureFinding: z.strictObject({ state: text(80).min(1), why: text(500).min(1) }).nullable(),
});

/** Argument tuples, one schema per method. */
export const API_ARGS = {
  getAppInfo: z.tuple([]),
  setReviewer: z.tuple([text(120).min(1)]),
  getStats: z.tuple([]),
  getCheckSettings: z.tuple([]),
  setCheckSettings: z.tuple([checkSettings]),
  queryQueue: z.tuple([queueQuery]),
  nextLetterToReview: z.tuple([id.nullable(), queueFilterSchema, z.enum(QUEUE_SORTS)]),
  queuePosition: z.tuple([id, queueFilterSchema, z.enum(QUEUE_SORTS)]),
  searchLetters: z.tuple([text(500), z.number().int().min(1).max(200)]),
  getLetter: z.tuple([id]),
  getLetterPages: z.tuple([id]),
  listHistory: z.tuple([id]),
  updateItemField: z.tuple([letterRef, id, itemEdit]),
  setDecision: z.tuple([letterRef, id, z.enum(DECISIONS).nullable()]),
  setItemStatus: z.tuple([letterRef, id, z.enum(ITEM_STATUSES)]),
  setStructureValue: z.tuple([letterRef, id, z.strictObject({ key: z.enum(STRUCTURE_KEYS), value: text(80).nullable() })]),
  addItem: z.tuple([letterRef, newItem]),
  deleteItem: z.tuple([letterRef, id]),
  splitItem: z.tuple([letterRef, id, span]),
  mergeItems: z.tuple([letterRef, id, id]),
  reorderItems: z.tuple([letterRef, z.array(id).max(1000)]),
  updateLetterField: z.tuple([letterRef, letterEdit]),
  verifyLetter: z.tuple([letterRef]),
  flagLetter: z.tuple([letterRef, text(2000).min(1)]),
  reopenLetter: z.tuple([letterRef]),
  listTags: z.tuple([]),
  createTag: z.tuple([tagInput]),
  updateTag: z.tuple([id, tagChanges]),
  deleteTag: z.tuple([id]),
  mergeTags: z.tuple([id, id]),
  tagLetter: z.tuple([letterRef, id]),
  untagLetter: z.tuple([letterRef, id]),
  tagItem: z.tuple([letterRef, id, id]),
  untagItem: z.tuple([letterRef, id, id]),
  addNote: z.tuple([letterRef, text(20_000).min(1)]),
  deleteNote: z.tuple([letterRef, id]),
  getUndoState: z.tuple([]),
  undo: z.tuple([undoExpectation]),
  redo: z.tuple([undoExpectation]),
  startImport: z.tuple([paths]),
  getImportStatus: z.tuple([]),
  cancelImport: z.tuple([]),
  listImportErrors: z.tuple([id]),
  loadSampleLetters: z.tuple([]),
  startExport: z.tuple([exportOptions]),
  getExportStatus: z.tuple([]),
  cancelExport: z.tuple([]),
  listConflicts: z.tuple([z.enum(['open', 'resolved', 'all'])]),
  resolveConflict: z.tuple([id, z.enum(['ours', 'theirs'])]),
  confirmAndVerify: z.tuple([letterRef]),
  searchMarks: z.tuple([id, text(500)]),
  previewBulk: z.tuple([bulkSelection, z.number().int().min(1).max(BULK_MAX_ITEMS)]),
  applyBulk: z.tuple([z.array(bulkLetter).min(1).max(BULK_MAX_ITEMS), bulkOperation]),
  getCorrections: z.tuple([]),
  listCorrections: z.tuple([z.union([itemField, letterField]), z.number().int().min(1).max(1000)]),
  getInsights: z.tuple([z.strictObject({ filter: queueFilterSchema, scope: z.enum(INSIGHTS_SCOPES) })]),
  listSamples: z.tuple([]),
  drawSample: z.tuple([sampleRequest]),
  getQuality: z.tuple([]),
  listBlindPasses: z.tuple([]),
  startBlindPass: z.tuple([blindPassRequest]),
  getBlindLetter: z.tuple([id, id]),
  submitBlindLetter: z.tuple([id, id, blindValues]),
  listPackages: z.tuple([]),
  makePackages: z.tuple([packagesRequest]),
  mergePackage: z.tuple([text(4096).min(1)]),
  getPackageAgreement: z.tuple([]),
} as const satisfies Record<string, z.ZodTuple>;

