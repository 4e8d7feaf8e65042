/**
 * Reading a JSONL export back, line by line: each line must be UTF-8, JSON, and an exported
 * letter (types, ISO timestamps, tag names, texts no longer than the API takes), and is reported
 * with its number when it is not. A line longer than any letter is passed over unread, so a
 * hostile file costs no more memory than a letter.
 */
import { DWC_DRUG_CLASSES, DWC_SUB_CATEGORIES, type DwcDrugClass } from '../../shared/dwcTaxonomy.ts';
import type { Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { z } from 'zod';
import { printedOfIso } from '../../shared/dates.ts';
import { DECISIONS, LETTER_FORMATS } from '../../shared/letter.ts';
import { ITEM_FIELDS, ITEM_STATUSES, LETTER_FIELDS, LETTER_STATUSES } from '../../shared/library.ts';
import type { ExportedLetter } from '../../shared/export.ts';
import { REVIEW_STATES } from '../../shared/quality.ts';
import { DRUG_CLASSES, SERVICE_CATEGORIES } from '../../shared/vocabulary.ts';
import type { DrugClass, ServiceCategory } from '../../shared/vocabulary.ts';

/** As the API's field values (apiSchema.ts): a longer text is no letter's, and would hold the library server reading it. */
const MAX_TEXT_CHARACTERS = 200_000;
/** A letter's line holds a few texts of at most MAX_TEXT_CHARACTERS each, with their spans: far under this. */
const MAX_LINE_BYTES = 16 * 1024 * 1024;

const longText = z.string().max(MAX_TEXT_CHARACTERS);
const text = longText.nullable();
/**
 * A date another tool wrote as ISO YYYY-MM-DD is read as the date it is and kept as the letters
 * print it (MM/DD/YYYY), as a reviewer typing it would have it; any other value comes in as it
 * is, like the parser's reading of an odd printed date.
 */
const date = text.transform((value) => (value === null ? null : (printedOfIso(value) ?? value)));
const span = z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]);
const spans = z.record(z.string(), z.array(span).min(1));
const warning = z.looseObject({ code: z.string(), message: longText });
const timestamp = z.iso.datetime({ offset: true });
const tagName = z.string().trim().min(1, 'a tag name cannot be blank').max(80);

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
  tags: z.array(tagName),
  // Exports made before structured values were kept have none.
  structureCorrections: z
    .strictObject({
      category: z.enum(SERVICE_CATEGORIES.map((term) => term.id) as [ServiceCategory, ...ServiceCategory[]]).optional(),
      drugClass: z.enum(DRUG_CLASSES.map((term) => term.id) as [DrugClass, ...DrugClass[]]).optional(),
      dwcSubCategory: z.enum(DWC_SUB_CATEGORIES.map((term) => term.id) as [string, ...string[]]).optional(),
      dwcDrugClass: z.enum(DWC_DRUG_CLASSES.map((term) => term.id) as [DwcDrugClass, ...DwcDrugClass[]]).optional(),
    })
    .default({}),
  spans: spans.optional(),
});

const letterSchema = z.object({
  file: longText,
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  format: z.enum(LETTER_FORMATS),
  caseNumber: text,
  reviewerSpecialty: text,
  reviewerLicensure: text,
  reviewerSubspecialty: text,
  header: z
    .object({ dateAssigned: date, decisionDate: date, priority: text, dateOfInjury: date, urDenialDate: date, applicationReceived: date })
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
  verifiedAt: timestamp.nullable(),
  // Exports made before review states were kept have none; an import works its own out anyway.
  reviewState: z.enum(REVIEW_STATES).optional(),
  editedFields: z.array(z.enum(LETTER_FIELDS)),
  tags: z.array(tagName),
  notes: z.array(z.object({ author: longText.min(1), createdAt: timestamp, body: longText.min(1) })),
  spans: spans.optional(),
});

export class DatasetFileError extends Error {
  override readonly name = 'DatasetFileError';
}

export interface DatasetLine {
  readonly lineNumber: number;
  readonly record: ExportedLetter | null;
  /** Why the line is not a letter; null when it is. */
  readonly problem: string | null;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Every non-blank line of the file with its number, parsed or with the reason it cannot be; `hash` sees every byte read. */
export async function* readDatasetLines(file: string, hash?: Hash): AsyncGenerator<DatasetLine> {
  for await (const { lineNumber, bytes } of rawLines(file, hash)) {
    if (bytes === null) {
      yield { lineNumber, record: null, problem: `longer than ${MAX_LINE_BYTES / (1024 * 1024)} MB, more than any exported letter holds` };
      continue;
    }
    let line: string;
    try {
      line = utf8.decode(bytes);
    } catch {
      yield { lineNumber, record: null, problem: 'not UTF-8 text' };
      continue;
    }
    if (line.trim() === '') continue;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (error) {
      yield { lineNumber, record: null, problem: `not JSON (${(error as Error).message})` };
      continue;
    }
    const parsed = letterSchema.safeParse(json);
    yield parsed.success
      ? { lineNumber, record: parsed.data as ExportedLetter, problem: null }
      : { lineNumber, record: null, problem: `not an exported letter: ${z.prettifyError(parsed.error).replace(/\n/g, ' ')}` };
  }
}

/** The letters of a JSONL export, in file order; throws DatasetFileError on the first bad line. */
export async function* readDatasetFile(file: string): AsyncGenerator<ExportedLetter> {
  for await (const line of readDatasetLines(file)) {
    if (!line.record) throw new DatasetFileError(`${file}:${line.lineNumber}: ${line.problem}`);
    yield line.record;
  }
}

/**
 * Lines as bytes (null for a line over MAX_LINE_BYTES, whose bytes are not kept): a newline byte
 * never occurs inside a UTF-8 character, so splitting first is safe.
 */
async function* rawLines(file: string, hash: Hash | undefined): AsyncGenerator<{ lineNumber: number; bytes: Buffer | null }> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let lineNumber = 0;
  const keep = (part: Buffer) => {
    pendingBytes += part.length;
    if (pendingBytes <= MAX_LINE_BYTES) pending.push(part);
    else pending = [];
  };
  const line = () => {
    const bytes = pendingBytes > MAX_LINE_BYTES ? null : stripCarriageReturn(Buffer.concat(pending));
    pending = [];
    pendingBytes = 0;
    return { lineNumber: ++lineNumber, bytes };
  };
  try {
    for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
      hash?.update(chunk);
      let from = 0;
      for (let at = chunk.indexOf(0x0a); at >= 0; at = chunk.indexOf(0x0a, from)) {
        keep(chunk.subarray(from, at));
        yield line();
        from = at + 1;
      }
      if (from < chunk.length) keep(chunk.subarray(from));
    }
  } catch (error) {
    throw new DatasetFileError(`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  if (pendingBytes > 0) yield line();
}

function stripCarriageReturn(bytes: Buffer): Buffer {
  return bytes.at(-1) === 0x0d ? bytes.subarray(0, -1) : bytes;
}
