/** Adding parsed letters to the library and reading one back whole, for the split view and re-parsing. */
import type { CheckFinding } from '../../shared/derived.ts';
import type { ParsedLetter, ParseWarning, SourceSpans } from '../../shared/letter.ts';
import type { LetterSource, PackedPdfCopy, PdfCopy, StorableSource } from '../../shared/source.ts';
import type { LetterField } from './fields.ts';
import { contentSha256 } from './contentHash.ts';
import { insertLetterPages } from './letterPages.ts';
import { listNotes } from './notes.ts';
import { insertParsedItems, parsedLetterColumns } from './parsedRows.ts';
import { inWriteTransaction, nowIso, parseJson, statement } from './sql.ts';
import type { Db } from './sql.ts';
import { writeDerived } from './derivedRows.ts';
import type { StoredDerived } from './derivedRows.ts';
import { refreshLetterSummary } from './summary.ts';
import type { LettersRow } from './rows.ts';
import { headerOfRow } from './rows.ts';
import { listItems } from './storedItems.ts';
import { letterTagLabels } from './tags.ts';
import type { StoredLetter } from '../../shared/library.ts';
export type { StoredLetter } from '../../shared/library.ts';

export type InsertLetterResult =
  | { readonly status: 'inserted'; readonly letterId: number }
  | { readonly status: 'duplicate'; readonly letterId: number }
  /** Other bytes, the same text (another encoding, other line ends): not stored again. */
  | { readonly status: 'content-duplicate'; readonly letterId: number; readonly duplicateOf: string };

/**
 * Cheap check before extracting a file: is a file with these bytes already in the library, with
 * all that reading it gives? A PDF letter stored without its pages (imported before the library
 * kept them) is not: reading it again gives them their copy (see insertParsedLetter).
 */
export function hasLetterWithSha256(db: Db, sha256: string): boolean {
  const sql = `SELECT 1 FROM letters l WHERE l.sha256 = ?
    AND (l.source_kind = 'text' OR EXISTS (SELECT 1 FROM letter_pages p WHERE p.letter_id = l.id))`;
  return statement(db, sql).get(sha256) !== undefined;
}

/** The id of the letter with these bytes, or null. */
export function letterIdOfSha256(db: Db, sha256: string): number | null {
  const row = statement(db, 'SELECT id FROM letters WHERE sha256 = ?').get(sha256) as { id: number } | undefined;
  return row?.id ?? null;
}

/**
 * Stores a letter, its text (a PDF with its copy and layout), its items and what was derived from
 * them in one transaction; a file already stored, or one whose text a stored letter already has,
 * is left out. A PDF stored before the library kept pages gets them now, when its text reads
 * exactly as stored (so every span it holds lands on the same characters).
 */
export function insertParsedLetter(
  db: Db,
  source: StorableSource,
  parsed: ParsedLetter,
  importRunId: number | null,
  derived?: StoredDerived,
): InsertLetterResult {
  return inWriteTransaction(db, () => {
    const existing = statement(db, 'SELECT id FROM letters WHERE sha256 = ?').get(source.sha256) as
      | { id: number }
      | undefined;
    if (existing) {
      if (source.pdf) addMissingPages(db, existing.id, source.text, source.pdf);
      return { status: 'duplicate', letterId: existing.id };
    }
    const content = contentSha256(source.text);
    const sameText = content === null ? undefined : (statement(db, 'SELECT id, file_path FROM letters WHERE content_sha256 = ? ORDER BY id LIMIT 1').get(content) as
      | { id: number; file_path: string }
      | undefined);
    if (sameText) return { status: 'content-duplicate', letterId: sameText.id, duplicateOf: sameText.file_path };
    const now = nowIso();
    const { lastInsertRowid } = statement(
      db,
      `INSERT INTO letters (sha256, file_name, file_path, file_size, source_kind, encoding, page_count,
         format, case_number, has_header, date_assigned, decision_date, date_of_injury, ur_denial_date,
         application_received, priority, reviewer_specialty, reviewer_licensure, reviewer_subspecialty,
         clinical_case_summary, spans, warnings, parser_version, parsed_item_count, parser_warning_count, import_run_id, imported_at, updated_at, content_sha256)
       VALUES (@sha256, @fileName, @filePath, @fileSize, @sourceKind, @encoding, @pageCount,
         @format, @caseNumber, @hasHeader, @dateAssigned, @decisionDate, @dateOfInjury, @urDenialDate,
         @applicationReceived, @priority, @reviewerSpecialty, @reviewerLicensure, @reviewerSubspecialty,
         @clinicalCaseSummary, @spans, @warnings, @parserVersion, @parsedItemCount, @parserWarningCount, @importRunId, @now, @now, @content)`,
    ).run({
      sha256: source.sha256,
      fileName: source.fileName,
      filePath: source.path,
      fileSize: source.size,
      sourceKind: source.kind,
      encoding: source.encoding,
      pageCount: source.pageOffsets.length,
      ...parsedLetterColumns(parsed),
      importRunId,
      now,
      content,
    });
    const letterId = Number(lastInsertRowid);
    statement(db, 'INSERT INTO letter_texts (letter_id, text, page_offsets) VALUES (?, ?, ?)').run(
      letterId,
      source.text,
      JSON.stringify(source.pageOffsets),
    );
    if (source.pdf) insertLetterPages(db, letterId, source.pdf);
    insertParsedItems(db, letterId, parsed.items);
    if (derived) writeDerived(db, letterId, derived);
    refreshLetterSummary(db, letterId);
    return { status: 'inserted', letterId };
  });
}

function addMissingPages(db: Db, letterId: number, text: string, copy: PdfCopy | PackedPdfCopy): void {
  const stored = statement(
    db,
    'SELECT t.text FROM letter_texts t WHERE t.letter_id = ? AND NOT EXISTS (SELECT 1 FROM letter_pages p WHERE p.letter_id = t.letter_id)',
  ).get(letterId) as { text: string } | undefined;
  if (stored?.text === text) insertLetterPages(db, letterId, copy);
}

/** The letter with its text, items, spans, tags and notes; null when there is no such letter. */
export function getLetter(db: Db, letterId: number): StoredLetter | null {
  return db.transaction(() => readLetter(db, letterId))();
}

/** The stored source of a letter, enough to parse it again without the original file. */
export function getLetterSource(db: Db, letterId: number): LetterSource | null {
  const row = statement(
    db,
    `SELECT l.file_path, l.file_name, l.file_size, l.sha256, l.source_kind, l.encoding, t.text, t.page_offsets
     FROM letters l JOIN letter_texts t ON t.letter_id = l.id WHERE l.id = ?`,
  ).get(letterId) as SourceRow | undefined;
  if (!row) return null;
  return {
    path: row.file_path,
    fileName: row.file_name,
    size: row.file_size,
    sha256: row.sha256,
    kind: row.source_kind,
    text: row.text,
    pageOffsets: parseJson<number[]>(row.page_offsets),
    encoding: row.encoding,
  };
}

type SourceRow = Pick<LettersRow, 'file_path' | 'file_name' | 'file_size' | 'sha256' | 'source_kind' | 'encoding'> & {
  text: string;
  page_offsets: string;
};

type LetterRow = LettersRow & Pick<SourceRow, 'text' | 'page_offsets'>;

function readLetter(db: Db, letterId: number): StoredLetter | null {
  const row = statement(
    db,
    'SELECT l.*, t.text, t.page_offsets FROM letters l JOIN letter_texts t ON t.letter_id = l.id WHERE l.id = ?',
  ).get(letterId) as LetterRow | undefined;
  if (!row) return null;
  const items = listItems(db, letterId);
  return {
    id: row.id,
    revision: row.revision,
    sha256: row.sha256,
    fileName: row.file_name,
    filePath: row.file_path,
    fileSize: row.file_size,
    sourceKind: row.source_kind,
    encoding: row.encoding,
    pageCount: row.page_count,
    text: row.text,
    pageOffsets: parseJson<number[]>(row.page_offsets),
    format: row.format,
    caseNumber: row.case_number,
    header: headerOfRow(row),
    reviewerSpecialty: row.reviewer_specialty,
    reviewerLicensure: row.reviewer_licensure,
    reviewerSubspecialty: row.reviewer_subspecialty,
    clinicalCaseSummary: row.clinical_case_summary,
    spans: parseJson<Record<string, SourceSpans>>(row.spans),
    warnings: parseJson<ParseWarning[]>(row.warnings),
    humanEdited: parseJson<LetterField[]>(row.human_edited),
    parserVersion: row.parser_version,
    importRunId: row.import_run_id,
    importedAt: row.imported_at,
    status: row.status,
    flagReason: row.flag_reason,
    verifiedAt: row.verified_at,
    verifiedBy: row.verified_by,
    updatedAt: row.updated_at,
    itemCount: row.item_count,
    upheldCount: row.upheld_count,
    overturnedCount: row.overturned_count,
    warningCount: row.warning_count,
    checks: parseJson<CheckFinding[]>(row.checks),
    items,
    tags: letterTagLabels(db, letterId),
    notes: listNotes(db, letterId),
  };
}
