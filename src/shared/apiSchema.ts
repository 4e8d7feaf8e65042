/**
 * Argument schemas for every API method: the boundary checks in the main process
 * (IPC and HTTP alike) run each call through these before any service sees it.
 */
import { z } from 'zod';
import type { ApiMethod } from './api.ts';
import { QUEUE_SORTS } from './api.ts';
import { EXPORT_FORMATS } from './export.ts';
import { DECISIONS, LETTER_FORMATS } from './letter.ts';
import { ITEM_FIELDS, LETTER_FIELDS, LETTER_STATUSES, TAG_SCOPES } from './library.ts';

const id = z.number().int().positive();
const text = (max: number) => z.string().max(max);
const span = z
  .tuple([z.number().int().nonnegative(), z.number().int().nonnegative()])
  .readonly()
  .refine(([start, end]) => start <= end, 'span start after end');
const itemField = z.enum(ITEM_FIELDS);
const letterField = z.enum(LETTER_FIELDS);
const fieldValue = text(200_000).nullable();

export const queueFilterSchema = z.strictObject({
  status: z.enum(LETTER_STATUSES).optional(),
  decision: z.enum(DECISIONS).optional(),
  tagId: id.optional(),
  format: z.enum(LETTER_FORMATS).optional(),
  hasWarnings: z.boolean().optional(),
  search: text(500).optional(),
});
export type QueueFilter = z.infer<typeof queueFilterSchema>;

const queueQuery = queueFilterSchema.extend({
  sort: z.enum(QUEUE_SORTS),
  offset: z.number().int().nonnegative(),
  limit: z.number().int().min(1).max(1000),
});
export type QueueQuery = z.infer<typeof queueQuery>;

const newItem = z.strictObject({
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
});

/** Argument tuples, one schema per method. */
export const API_ARGS = {
  getAppInfo: z.tuple([]),
  setReviewer: z.tuple([text(120).min(1)]),
  getStats: z.tuple([]),
  queryQueue: z.tuple([queueQuery]),
  nextLetterToReview: z.tuple([id.nullable(), queueFilterSchema, z.enum(QUEUE_SORTS)]),
  searchLetters: z.tuple([text(500), z.number().int().min(1).max(200)]),
  getLetter: z.tuple([id]),
  listHistory: z.tuple([id]),
  updateItemField: z.tuple([id, itemField, fieldValue, span.nullable().optional()]),
  setDecision: z.tuple([id, z.enum(DECISIONS).nullable()]),
  addItem: z.tuple([id, newItem, z.number().int().nonnegative().optional()]),
  deleteItem: z.tuple([id]),
  splitItem: z.tuple([id, z.strictObject({ first: newItem.optional(), second: newItem })]),
  mergeItems: z.tuple([id, id]),
  reorderItems: z.tuple([id, z.array(id).max(1000)]),
  updateLetterField: z.tuple([id, letterField, fieldValue, span.nullable().optional()]),
  verifyLetter: z.tuple([id]),
  flagLetter: z.tuple([id, text(2000).min(1)]),
  reopenLetter: z.tuple([id]),
  listTags: z.tuple([]),
  createTag: z.tuple([tagInput]),
  updateTag: z.tuple([id, tagChanges]),
  deleteTag: z.tuple([id]),
  mergeTags: z.tuple([id, id]),
  tagLetter: z.tuple([id, id]),
  untagLetter: z.tuple([id, id]),
  tagItem: z.tuple([id, id]),
  untagItem: z.tuple([id, id]),
  addNote: z.tuple([id, text(20_000).min(1)]),
  deleteNote: z.tuple([id]),
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
} as const satisfies Record<ApiMethod, z.ZodTuple>;

