/**
 * Independent readers for the exports: DuckDB (what analysts open them with) for Parquet and
 * CSV, and a hand-written flattening of the JSONL record that says what each tabular row must hold.
 */
import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { ITEM_FIELDS, LETTER_FIELDS } from '../../src/shared/library.ts';
import type { ExportedItem, ExportedLetter } from '../../src/shared/export.ts';

export type Row = Record<string, unknown>;

/** How a format writes a list: Parquet as a LIST, CSV and the workbook as JSON array text. */
export type ListForm = 'array' | 'json';

/** A value as the JS reader hands it over, with dates and instants as ISO strings and big integers as numbers, at any depth. */
function plain(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, member]) => [key, plain(member)]));
  return value;
}

/** Rows of a DuckDB query, with dates and instants as ISO strings and big integers as numbers. */
export async function duckRows(sql: string): Promise<Row[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll(sql);
    return reader.getRowObjectsJS().map((row) => plain(row) as Row);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** Column name -> DuckDB type, in file order. */
export async function duckTypes(source: string): Promise<Record<string, string>> {
  const rows = await duckRows(`DESCRIBE SELECT * FROM ${source}`);
  return Object.fromEntries(rows.map((row) => [String(row.column_name), String(row.column_type)]));
}

export function readJsonl(file: string): ExportedLetter[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as ExportedLetter);
}

function printedDate(printed: string | null | undefined): string | null {
  const match = /^(\d\d)\/(\d\d)\/(\d{4})$/.exec(printed ?? '');
  return match ? `${match[3]}-${match[1]}-${match[2]}T00:00:00.000Z` : null;
}

export function expectedLetterRow(letter: ExportedLetter, lists: ListForm): Row {
  const list = listIn(lists);
  const edited = Object.fromEntries(LETTER_FIELDS.map((field) => [`${field}Edited`, letter.editedFields.includes(field)]));
  return {
    sha256: letter.sha256,
    file: letter.file,
    fileSize: letter.fileSize,
    sourceKind: letter.sourceKind,
    pageCount: letter.pageCount,
    format: letter.format,
    caseNumber: letter.caseNumber,
    dateAssigned: printedDate(letter.header?.dateAssigned),
    decisionDate: printedDate(letter.header?.decisionDate),
    priority: letter.header?.priority ?? null,
    dateOfInjury: printedDate(letter.header?.dateOfInjury),
    urDenialDate: printedDate(letter.header?.urDenialDate),
    applicationReceived: printedDate(letter.header?.applicationReceived),
    reviewerSpecialty: letter.reviewerSpecialty,
    reviewerLicensure: letter.reviewerLicensure,
    reviewerSubspecialty: letter.reviewerSubspecialty,
    licensureStates: list(letter.licensureStates ?? []),
    licensedInCalifornia: letter.licensedInCalifornia ?? null,
    itemCount: letter.items.length,
    status: letter.status,
    flagReason: letter.flagReason,
    verifiedBy: letter.verifiedBy,
    verifiedAt: letter.verifiedAt,
    reviewState: letter.reviewState ?? null,
    parserVersion: letter.parserVersion,
    ...edited,
    checkCount: letter.checks?.length ?? 0,
    checkCodes: list((letter.checks ?? []).map((check) => check.code)),
    tags: list(letter.tags),
    notes: list(letter.notes.map((note) => ({ author: note.author, createdAt: note.createdAt, body: note.body }))),
  };
}

/** An item's row; a letter without items has one CSV row whose item cells, lists too, are empty. */
export function expectedItemRow(item: ExportedItem | null, index: number, lists: ListForm): Row {
  const list = (values: readonly unknown[]) => (item ? listIn(lists)(values) : null);
  const edited = Object.fromEntries(ITEM_FIELDS.map((field) => [`${field}Edited`, item ? item.editedFields.includes(field) : null]));
  return {
    itemNumber: item ? index + 1 : null,
    service: item?.service ?? null,
    decision: item?.decision ?? null,
    claimsAdministratorGuideline: item?.claimsAdministratorGuideline ?? null,
    maximusGuideline: item?.maximusGuideline ?? null,
    rationale: item?.rationale ?? null,
    originalRequest: item?.partial?.originalRequest ?? null,
    authorizedByClaimsAdministrator: item?.partial?.authorizedByClaimsAdministrator ?? null,
    imrEligiblePortion: item?.partial?.imrEligiblePortion ?? null,
    itemStatus: item?.status ?? null,
    addedByReviewer: item ? item.addedByReviewer : null,
    ...edited,
    itemTags: list(item?.tags ?? []),
    serviceCategory: item?.structure?.category ?? null,
    serviceCategoryCorrected: item ? (item.structure?.categoryCorrected ?? false) : null,
    drugs: list((item?.structure?.drugs ?? []).map((drug) => drug.generic ?? drug.name)),
    drugClasses: list(item?.structure?.drugClasses ?? []),
    dwcRequestCategory: item?.structure?.dwcCategory ?? null,
    dwcSubCategory: item?.structure?.dwcSubCategory ?? null,
    dwcCategoryCorrected: item ? (item.structure?.dwcCategoryCorrected ?? false) : null,
    dwcDrugClasses: list(item?.structure?.dwcDrugClasses ?? []),
    sessionsTotal: item?.structure?.sessions?.total ?? null,
    bodyParts: list((item?.structure?.bodyParts ?? []).map((part) => (part.laterality ? `${part.laterality} ${part.name}` : part.name))),
    claimsAdministratorSources: list([...new Set((item?.structure?.claimsAdministratorCitations ?? []).map((c) => c.source))]),
    claimsAdministratorNoEvidence: item ? (item.structure?.claimsAdministratorNoEvidence ?? false) : null,
    claimsAdministratorNotBasedOnMtus: item ? (item.structure?.claimsAdministratorNotBasedOnMtus ?? false) : null,
    maximusSources: list([...new Set((item?.structure?.maximusCitations ?? []).map((c) => c.source))]),
    maximusTopics: list([...new Set((item?.structure?.maximusCitations ?? []).flatMap((c) => (c.topic ? [c.topic] : [])))]),
  };
}

function listIn(form: ListForm): (values: readonly unknown[]) => unknown {
  return (values) => (form === 'array' ? values : JSON.stringify(values));
}
