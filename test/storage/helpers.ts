/**
 * Test letters written from plain values: the helper lays out an F1-style letter text and
 * records where it put each value, so every Field carries a real span into the text.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type {
  Decision,
  Field,
  LetterFormat,
  LetterHeader,
  ParsedItem,
  ParsedLetter,
  ParseWarning,
  SourceSpans,
  Span,
  WarningCode,
} from '../../src/shared/letter.ts';
import type { LetterSource } from '../../src/shared/source.ts';
import { openLibrary } from '../../src/main/storage/library.ts';
import type { Library } from '../../src/main/storage/library.ts';

export interface PlainItem {
  readonly service: string;
  readonly decision: Decision | null;
  readonly claimsAdministratorGuideline?: string;
  readonly maximusGuideline?: string;
  readonly rationale?: string;
  readonly partial?: { originalRequest: string; authorizedByClaimsAdministrator: string; imrEligiblePortion: string };
  readonly warnings?: readonly WarningCode[];
}

export interface PlainLetter {
  readonly caseNumber?: string | null;
  readonly format?: LetterFormat;
  readonly withHeader?: boolean;
  /** The date of injury as the letter prints it (a date, unless the letter printed something else). */
  readonly dateOfInjury?: string;
  readonly specialty?: string;
  readonly licensure?: string;
  readonly summary?: string;
  readonly items: readonly PlainItem[];
  readonly warnings?: readonly WarningCode[];
  readonly parserVersion?: string;
  readonly fileName?: string;
}

export interface BuiltLetter {
  readonly source: LetterSource;
  readonly parsed: ParsedLetter;
}

/** Appends text and hands back Fields whose spans point at the appended values. */
class LetterWriter {
  text = '';

  line(label: string, value: string): Field {
    this.text += label;
    const field = this.value(value);
    this.text += '\n';
    return field;
  }

  value<T extends string>(value: T): Field<T> {
    const start = this.text.length;
    this.text += value;
    return { value, span: [start, this.text.length] };
  }

  plain(text: string): void {
    this.text += text;
  }
}

export function warning(code: WarningCode, field?: string): ParseWarning {
  return field === undefined ? { code, message: `test warning ${code}` } : { code, message: `test warning ${code}`, field };
}

export function buildLetter(plain: PlainLetter): BuiltLetter {
  const writer = new LetterWriter();
  const caseNumber = plain.caseNumber === undefined ? 'CM16-0000001' : plain.caseNumber;
  const caseField = caseNumber === null ? null : writer.line('Case Number: ', caseNumber);
  let header: LetterHeader | null = null;
  if (plain.withHeader ?? true) {
    header = {
      dateAssigned: writer.line('Date Assigned: ', '11/09/2016'),
      dateOfInjury: writer.line('Date of Injury: ', plain.dateOfInjury ?? '10/13/2016'),
      decisionDate: writer.line('Decision Date: ', '12/09/2016'),
      urDenialDate: writer.line('UR Denial Date: ', '11/03/2016'),
      priority: writer.line('Priority: ', 'Standard'),
      applicationReceived: writer.line('Application Received: ', '11/03/2016'),
    };
  }
  writer.plain('\fHOW THE IMR FINAL DETERMINATION WAS MADE\nThe Expert Reviewer has the following credentials:\n');
  const licensure = writer.line('State(s) of Licensure: ', plain.licensure ?? 'California');
  const specialty = writer.line('Certification(s)/Specialty: ', plain.specialty ?? 'Orthopaedic Surgery');
  writer.plain('CLINICAL CASE SUMMARY\n');
  const summary = writer.line('', plain.summary ?? 'The injured worker reports chronic pain after a lifting injury.');
  const itemsStart = writer.text.length;
  writer.plain('IMR ISSUES, DECISIONS AND RATIONALES\n');
  const items = plain.items.map((item) => writeItem(writer, item));
  const text = writer.text;
  const parsed: ParsedLetter = {
    parserVersion: plain.parserVersion ?? 'test-1',
    format: plain.format ?? 'F1-credentials-block',
    caseNumber: caseField,
    header,
    reviewer: { specialty, licensure, subspecialty: null },
    clinicalCaseSummary: summary,
    itemsSection: [itemsStart, text.length],
    items,
    warnings: (plain.warnings ?? []).map((code) => warning(code)),
  };
  const fileName = plain.fileName ?? `${caseNumber ?? 'letter'}.txt`;
  const source: LetterSource = {
    path: `/letters/${fileName}`,
    fileName,
    size: Buffer.byteLength(text),
    sha256: createHash('sha256').update(text).digest('hex'),
    kind: 'text',
    text,
    pageOffsets: [0, text.indexOf('\f') + 1],
    encoding: 'utf-8',
  };
  return { source, parsed };
}

function writeItem(writer: LetterWriter, item: PlainItem): ParsedItem {
  const start = writer.text.length;
  const service = writer.value(item.service);
  writer.plain(': ');
  const decision = item.decision === null ? null : writer.value(item.decision);
  writer.plain('\n');
  const claimsAdministratorGuideline = writer.line(
    'Claims Administrator guideline: ',
    item.claimsAdministratorGuideline ?? 'Decision based on MTUS Chronic Pain Medical Treatment 2016.',
  );
  const maximusGuideline = writer.line(
    'MAXIMUS guideline: ',
    item.maximusGuideline ?? 'Decision based on MTUS Chronic Pain Medical Treatment 2016.',
  );
  const rationale = writer.line('Decision rationale: ', item.rationale ?? 'The request is not medically necessary.');
  // Partial-certification sentences live inside the service header; point their spans there.
  const partial = item.partial
    ? {
        originalRequest: spanWithin(service, item.partial.originalRequest),
        authorizedByClaimsAdministrator: spanWithin(service, item.partial.authorizedByClaimsAdministrator),
        imrEligiblePortion: spanWithin(service, item.partial.imrEligiblePortion),
      }
    : null;
  return {
    service,
    decision,
    claimsAdministratorGuideline,
    maximusGuideline,
    rationale,
    partial,
    span: [start, writer.text.length],
    warnings: (item.warnings ?? []).map((code) => warning(code)),
  };
}

function spanWithin(field: Field, part: string): Field {
  const offset = field.value.indexOf(part);
  if (offset < 0) throw new Error(`"${part}" is not inside "${field.value}"`);
  return { value: part, span: [field.span[0] + offset, field.span[0] + offset + part.length] };
}

/** A fresh temp folder per test, removed afterwards; libraries opened through here are closed first. */
export function useTempFolder(): { folder(): string; library(options?: { reviewer?: string }): Library } {
  const folders: string[] = [];
  const libraries: Library[] = [];
  afterEach(() => {
    for (const library of libraries.splice(0)) if (library.db.open) library.close();
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });
  const folder = (): string => {
    const created = mkdtempSync(join(tmpdir(), 'imr-storage-'));
    folders.push(created);
    return created;
  };
  return {
    folder,
    library(options = {}) {
      const library = openLibrary(join(folder(), 'library.imrlib'), options);
      libraries.push(library);
      return library;
    },
  };
}

/** The text a span points at; for a value's list of spans, each part's text joined by a space. */
export function slice(text: string, span: Span | SourceSpans | undefined): string | undefined {
  if (!span) return undefined;
  if (isSpanList(span)) return span.map(([start, end]) => text.slice(start, end)).join(' ');
  return text.slice(span[0], span[1]);
}

function isSpanList(span: Span | SourceSpans): span is SourceSpans {
  return Array.isArray(span[0]);
}
