/** Writing dataset records (JSONL export lines) into a library: a letter known only from a dataset, and its items, tags and notes. */
import type { ExportedItem, ExportedLetter } from '../../shared/export.ts';
import { itemIdsInOrder } from './itemRows.ts';
import { nowIso, statement } from './sql.ts';
import type { Db } from './sql.ts';
import { refreshLetterSummary } from './summary.ts';
import { createTag } from './tags.ts';

/** Colour of tags that arrive with a dataset; the reviewer can recolour them. */
const IMPORTED_TAG_COLOUR = '#868e96';

/**
 * Creates a letter from its record, inside the caller's transaction. The export carries no
 * letter text, so the text is stored empty (one page at offset 0) and no spans are kept:
 * they would point into text this library does not have.
 */
export function createLetterFromRecord(db: Db, record: ExportedLetter): number {
  const now = nowIso();
  const { lastInsertRowid } = statement(
    db,
    `INSERT INTO letters (sha256, file_name, file_path, file_size, source_kind, page_count, format, case_number,
       has_header, date_assigned, decision_date, date_of_injury, ur_denial_date, application_received, priority,
       reviewer_specialty, reviewer_licensure, reviewer_subspecialty, warnings, human_edited, parser_version,
       imported_at, status, flag_reason, verified_at, verified_by, updated_at)
     VALUES (@sha256, @file, @file, @fileSize, @sourceKind, @pageCount, @format, @caseNumber, @hasHeader,
       @dateAssigned, @decisionDate, @dateOfInjury, @urDenialDate, @applicationReceived, @priority,
       @reviewerSpecialty, @reviewerLicensure, @reviewerSubspecialty, @warnings, @humanEdited, @parserVersion,
       @now, @status, @flagReason, @verifiedAt, @verifiedBy, @now)`,
  ).run({
    sha256: record.sha256,
    file: record.file,
    fileSize: record.fileSize,
    sourceKind: record.sourceKind,
    pageCount: record.pageCount,
    format: record.format,
    caseNumber: record.caseNumber,
    hasHeader: record.header ? 1 : 0,
    dateAssigned: record.header?.dateAssigned ?? null,
    decisionDate: record.header?.decisionDate ?? null,
    dateOfInjury: record.header?.dateOfInjury ?? null,
    urDenialDate: record.header?.urDenialDate ?? null,
    applicationReceived: record.header?.applicationReceived ?? null,
    priority: record.header?.priority ?? null,
    reviewerSpecialty: record.reviewerSpecialty,
    reviewerLicensure: record.reviewerLicensure,
    reviewerSubspecialty: record.reviewerSubspecialty,
    warnings: JSON.stringify(record.warnings),
    humanEdited: JSON.stringify([...record.editedFields].sort()),
    parserVersion: record.parserVersion,
    now,
    status: record.status,
    flagReason: record.flagReason,
    verifiedAt: record.verifiedAt,
    verifiedBy: record.verifiedBy,
  });
  const letterId = Number(lastInsertRowid);
  statement(db, "INSERT INTO letter_texts (letter_id, text, page_offsets) VALUES (?, '', '[0]')").run(letterId);
  insertRecordItems(db, letterId, record.items);
  addRecordTags(db, letterId, record);
  addRecordNotes(db, letterId, record);
  return letterId;
}

/** Deletes every item of the letter (with their tags). */
export function deleteLetterItems(db: Db, letterId: number): void {
  statement(db, 'DELETE FROM items WHERE letter_id = ?').run(letterId);
}

/** Inserts items at positions 0..n-1 (the letter must have none) and recounts the letter. */
export function insertRecordItems(db: Db, letterId: number, items: readonly ExportedItem[]): void {
  const insert = statement(
    db,
    `INSERT INTO items (letter_id, position, service, decision, claims_administrator_guideline, maximus_guideline,
       rationale, original_request, authorized_by_claims_administrator, imr_eligible_portion, warnings, status,
       human_edited, added_by_reviewer, structure_corrections)
     VALUES (@letterId, @position, @service, @decision, @claimsAdministratorGuideline, @maximusGuideline,
       @rationale, @originalRequest, @authorizedByClaimsAdministrator, @imrEligiblePortion, @warnings, @status,
       @humanEdited, @addedByReviewer, @structureCorrections)`,
  );
  items.forEach((item, position) => {
    const { lastInsertRowid } = insert.run({
      letterId,
      position,
      service: item.service,
      decision: item.decision,
      claimsAdministratorGuideline: item.claimsAdministratorGuideline,
      maximusGuideline: item.maximusGuideline,
      rationale: item.rationale,
      originalRequest: item.partial?.originalRequest ?? null,
      authorizedByClaimsAdministrator: item.partial?.authorizedByClaimsAdministrator ?? null,
      imrEligiblePortion: item.partial?.imrEligiblePortion ?? null,
      warnings: JSON.stringify(item.warnings),
      status: item.status,
      humanEdited: JSON.stringify([...item.editedFields].sort()),
      addedByReviewer: item.addedByReviewer ? 1 : 0,
      structureCorrections: JSON.stringify(item.structureCorrections),
    });
    for (const name of item.tags) linkTagByName(db, 'item', Number(lastInsertRowid), name);
  });
  refreshLetterSummary(db, letterId);
}

/** Adds the record's letter tags the letter lacks, and its item tags to the items at the same positions. */
export function addRecordTags(db: Db, letterId: number, record: ExportedLetter): void {
  for (const name of record.tags) linkTagByName(db, 'letter', letterId, name);
  const itemIds = itemIdsInOrder(db, letterId);
  if (itemIds.length !== record.items.length) return;
  record.items.forEach((item, position) => {
    for (const name of item.tags) linkTagByName(db, 'item', itemIds[position] as number, name);
  });
}

/** Adds the record's notes the letter does not already have (same author, time and text). */
export function addRecordNotes(db: Db, letterId: number, record: ExportedLetter): number {
  let added = 0;
  for (const note of record.notes) {
    const { changes } = statement(
      db,
      `INSERT INTO notes (letter_id, body, author, created_at)
       SELECT @letterId, @body, @author, @createdAt WHERE NOT EXISTS (
         SELECT 1 FROM notes WHERE letter_id = @letterId AND body = @body AND author = @author AND created_at = @createdAt)`,
    ).run({ letterId, ...note });
    added += changes;
  }
  return added;
}

const TAG_LINKS = { letter: ['letter_tags', 'letter_id'], item: ['item_tags', 'item_id'] } as const;

/** Tags travel by name: an unknown name becomes a new tag usable on letters and items. */
export function linkTagByName(db: Db, kind: 'letter' | 'item', id: number, name: string): void {
  const [table, column] = TAG_LINKS[kind];
  const existing = statement(db, 'SELECT id FROM tags WHERE name = ?').get(name) as { id: number } | undefined;
  const tagId = existing?.id ?? createTag(db, { name, colour: IMPORTED_TAG_COLOUR, scope: 'both' });
  statement(db, `INSERT OR IGNORE INTO ${table} (${column}, tag_id, tagged_at) VALUES (?, ?, ?)`).run(id, tagId, nowIso());
}

/** Takes the tag of that name off the letter or item, if it has it. */
export function unlinkTagByName(db: Db, kind: 'letter' | 'item', id: number, name: string): void {
  const [table, column] = TAG_LINKS[kind];
  statement(db, `DELETE FROM ${table} WHERE ${column} = ? AND tag_id = (SELECT id FROM tags WHERE name = ?)`).run(id, name);
}

