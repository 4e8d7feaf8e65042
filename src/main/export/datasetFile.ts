/**
 * Reading a JSONL export back, line by line: each line is checked against the record's shape
 * before anything is stored or compared, and a bad line is reported with its number.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { DECISIONS, LETTER_FORMATS } from '../../shared/letter.ts';
import { ITEM_FIELDS, ITEM_STATUSES, LETTER_FIELDS, LETTER_STATUSES } from '../../shared/library.ts';
import type { ExportedLetter } from '../../shared/export.ts';

const text = z.string().nullable();
const span = z.tuple([z.number().int(), z.number().int()]);
const warning = z.looseObject({ code: z.string(), message: z.string() });

const itemSchema = z.object({
  service: text,
  decision: z.enum(DECISIONS).nullable(),
  claimsAdministratorGuideline: text,
  maximusGuideline: text,
  rationale: text,
  partial: z.object({ originalRequest: text, authorizedByClaimsAdministrator: text, imrEligiblePortion: text }).nullable(),
  warnings: z.array(warning),
  status: z.enum(ITEM_STATUSES),
  addedByReviewer: z.boolean(),
  editedFields: z.array(z.enum(ITEM_FIELDS)),
  tags: z.array(z.string()),
  spans: z.record(z.string(), span).optional(),
});

const letterSchema = z.object({
  file: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  format: z.enum(LETTER_FORMATS),
  caseNumber: text,
  reviewerSpecialty: text,
  reviewerLicensure: text,
  reviewerSubspecialty: text,
  header: z
    .object({ dateAssigned: text, decisionDate: text, priority: text, dateOfInjury: text, urDenialDate: text, applicationReceived: text })
    .nullable(),
  items: z.array(itemSchema),
  warnings: z.array(warning),
  parserVersion: z.string(),
  fileSize: z.number().int().nonnegative(),
  sourceKind: z.enum(['pdf', 'text']),
  pageCount: z.number().int().nonnegative(),
  status: z.enum(LETTER_STATUSES),
  flagReason: text,
  verifiedBy: text,
  verifiedAt: text,
  editedFields: z.array(z.enum(LETTER_FIELDS)),
  tags: z.array(z.string()),
  notes: z.array(z.object({ author: z.string(), createdAt: z.string(), body: z.string() })),
  spans: z.record(z.string(), span).optional(),
});

export class DatasetFileError extends Error {
  override readonly name = 'DatasetFileError';
}

/** The letters of a JSONL export, in file order; throws DatasetFileError on the first bad line. */
export async function* readDatasetFile(file: string): AsyncGenerator<ExportedLetter> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === '') continue;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (error) {
      throw new DatasetFileError(`${file}:${lineNumber}: not JSON (${(error as Error).message})`);
    }
    const parsed = letterSchema.safeParse(json);
    if (!parsed.success) throw new DatasetFileError(`${file}:${lineNumber}: not an exported letter: ${z.prettifyError(parsed.error)}`);
    yield parsed.data as ExportedLetter;
  }
}
