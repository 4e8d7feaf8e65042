/**
 * Reads letters out of a library as export records (the JSONL line shape), one at a time in sha256 order, so an
 * export of any size holds one letter in memory and the same library always gives the same order.
 */
import { HOME_STATE, isLicensedIn, licensureStates } from '../../shared/licensure.ts';
import type { ParseWarning, SourceSpans } from '../../shared/letter.ts';
import type { ItemField, LetterField } from '../../shared/library.ts';
import type { CheckFinding, StructureCorrections } from '../../shared/derived.ts';
import type { ExportedItem, ExportedLetter, ExportedNote, ExportedStructure } from '../../shared/export.ts';
import type { ReviewState } from '../../shared/quality.ts';
import { filterSql } from './queue.ts';
import type { QueueFilter } from './queue.ts';
import { parseJson, statement } from './sql.ts';
import type { Db } from './sql.ts';
import type { ItemsRow, LettersRow } from './rows.ts';
import { headerOfRow } from './rows.ts';

/** The letter columns an export reads (letterColumnsSql): never the text or the case summary, and the spans only when asked. */
type LetterRow = Pick<
  LettersRow,
  | 'id'
  | 'sha256'
  | 'file_name'
  | 'file_size'
  | 'source_kind'
  | 'page_count'
  | 'format'
  | 'case_number'
  | 'has_header'
  | 'date_assigned'
  | 'decision_date'
  | 'priority'
  | 'date_of_injury'
  | 'ur_denial_date'
  | 'application_received'
  | 'reviewer_specialty'
  | 'reviewer_licensure'
  | 'reviewer_subspecialty'
  | 'warnings'
  | 'human_edited'
  | 'parser_version'
  | 'status'
  | 'flag_reason'
  | 'verified_at'
  | 'verified_by'
  | 'checks'
> & { review_state: ReviewState; spans?: string };

/**
 * The strongest review state that holds for letter `l` (see REVIEW_STATES): an index probe per
 * table, in order, stopping at the first that holds; most letters are in none of the tables.
 */
const REVIEW_STATE_SQL = `CASE
    WHEN EXISTS (SELECT 1 FROM dataset_conflicts c WHERE c.letter_id = l.id AND c.blind_pass_id IS NOT NULL AND c.resolution IS NOT NULL) THEN 'adjudicated'
    WHEN EXISTS (SELECT 1 FROM blind_letters b WHERE b.letter_id = l.id AND b.submitted_at IS NOT NULL) THEN 're-reviewed'
    WHEN l.status <> 'verified' THEN 'machine'
    WHEN EXISTS (SELECT 1 FROM audit_sample_letters a WHERE a.letter_id = l.id) THEN 'audited'
    ELSE 'verified'
  END AS review_state`;

const LETTER_COLUMNS = `l.id, l.sha256, l.file_name, l.file_size, l.source_kind, l.page_count, l.format,
  l.case_number, l.has_header, l.date_assigned, l.decision_date, l.priority, l.date_of_injury, l.ur_denial_date,
  l.application_received, l.reviewer_specialty, l.reviewer_licensure, l.reviewer_subspecialty,
  l.warnings, l.human_edited, l.parser_version, l.status, l.flag_reason, l.verified_at, l.verified_by, l.checks,
  ${REVIEW_STATE_SQL}`;

function letterColumnsSql(withSpans: boolean): string {
  return withSpans ? `${LETTER_COLUMNS}, l.spans` : LETTER_COLUMNS;
}

/** How many letters the queue filter selects. */
export function countRecords(db: Db, filter: QueueFilter): number {
  const scope = filterSql(filter);
  return (db.prepare(`SELECT COUNT(*) AS n FROM letters l ${scope.where}`).get(scope.params) as { n: number }).n;
}

/** Whether the letter has tags, item tags or notes: most have none, and a check in SQL is cheaper than a query. */
const EXTRAS = `,
  EXISTS (SELECT 1 FROM letter_tags WHERE letter_id = l.id) AS has_tags,
  EXISTS (SELECT 1 FROM items x JOIN item_tags it ON it.item_id = x.id WHERE x.letter_id = l.id) AS has_item_tags,
  EXISTS (SELECT 1 FROM notes WHERE letter_id = l.id) AS has_notes`;

interface ScopedLetterRow extends LetterRow {
  has_tags: number;
  has_item_tags: number;
  has_notes: number;
}

/** Gives a record read from letter `letterId` the values it should carry instead of the stored ones (derived values of an older version). */
export type RecordFreshener = (letterId: number, letter: ExportedLetter) => ExportedLetter;

/**
 * The letters in scope, in sha256 order, read row by row. Items come from a second cursor in
 * the same order, merged as they arrive: one pass over each table instead of a query per letter.
 */
export function* readRecords(db: Db, filter: QueueFilter, withSpans: boolean, freshen?: RecordFreshener): Generator<ExportedLetter> {
  const scope = filterSql(filter);
  const letters = db
    .prepare(`SELECT ${letterColumnsSql(withSpans)}${EXTRAS} FROM letters l ${scope.where} ORDER BY l.sha256`)
    .iterate(scope.params) as IterableIterator<ScopedLetterRow>;
  const items = db
    .prepare(`SELECT ${itemColumnsSql(withSpans)} FROM letters l JOIN items i ON i.letter_id = l.id ${scope.where} ORDER BY l.sha256, i.position`)
    .iterate(scope.params) as IterableIterator<ExportItemRow>;
  let nextItem = items.next();
  try {
    for (const row of letters) {
      const itemRows: ExportItemRow[] = [];
      while (!nextItem.done && nextItem.value.letter_id === row.id) {
        itemRows.push(nextItem.value);
        nextItem = items.next();
      }
      const record = toExportedLetter(db, row, itemRows, withSpans);
      yield freshen ? freshen(row.id, record) : record;
    }
  } finally {
    items.return?.();
  }
}

/** The item columns an export reads: never the parser's original values, and the spans only when asked. */
type ExportItemRow = Omit<ItemsRow, 'original' | 'spans'> & { spans?: string };

const ITEM_COLUMNS = `i.id, i.letter_id, i.position, i.service, i.decision, i.claims_administrator_guideline, i.maximus_guideline,
  i.rationale, i.original_request, i.authorized_by_claims_administrator, i.imr_eligible_portion, i.warnings, i.status,
  i.human_edited, i.added_by_reviewer, i.structure_corrections, i.structure`;

function itemColumnsSql(withSpans: boolean): string {
  return withSpans ? `${ITEM_COLUMNS}, i.spans` : ITEM_COLUMNS;
}

/** One letter by sha256, or null. */
export function readRecordBySha256(db: Db, sha256: string, withSpans: boolean): ExportedLetter | null {
  const row = statement(db, `SELECT ${letterColumnsSql(withSpans)}${EXTRAS} FROM letters l WHERE l.sha256 = ?`).get(sha256) as
    | ScopedLetterRow
    | undefined;
  if (!row) return null;
  const itemRows = statement(db, `SELECT ${itemColumnsSql(withSpans)} FROM items i WHERE i.letter_id = ? ORDER BY i.position`).all(row.id) as ExportItemRow[];
  return toExportedLetter(db, row, itemRows, withSpans);
}

function toExportedLetter(db: Db, row: ScopedLetterRow, itemRows: ExportItemRow[], withSpans: boolean): ExportedLetter {
  const letter: ExportedLetter = {
    file: row.file_name,
    sha256: row.sha256,
    format: row.format,
    caseNumber: row.case_number,
    reviewerSpecialty: row.reviewer_specialty,
    reviewerLicensure: row.reviewer_licensure,
    reviewerSubspecialty: row.reviewer_subspecialty,
    licensureStates: licensureStates(row.reviewer_licensure),
    licensedInCalifornia: isLicensedIn(row.reviewer_licensure, HOME_STATE),
    header: headerOfRow(row),
    items: toExportedItems(db, row, itemRows, withSpans),
    warnings: parseJson<ParseWarning[]>(row.warnings),
    parserVersion: row.parser_version,
    fileSize: row.file_size,
    sourceKind: row.source_kind,
    pageCount: row.page_count,
    status: row.status,
    flagReason: row.flag_reason,
    verifiedBy: row.verified_by,
    verifiedAt: row.verified_at,
    reviewState: row.review_state,
    editedFields: parseJson<LetterField[]>(row.human_edited),
    tags: row.has_tags ? (statement(db, LETTER_TAGS_SQL).all(row.id) as { name: string }[]).map((tag) => tag.name) : [],
    notes: row.has_notes ? (statement(db, NOTES_SQL).all(row.id) as ExportedNote[]) : [],
    checks: parseJson<CheckFinding[]>(row.checks),
  };
  return withSpans ? { ...letter, spans: parseJson<Record<string, SourceSpans>>(row.spans ?? '{}') } : letter;
}

const LETTER_TAGS_SQL = `SELECT t.name FROM letter_tags lt JOIN tags t ON t.id = lt.tag_id
  WHERE lt.letter_id = ? ORDER BY t.name`;
const ITEM_TAGS_SQL = `SELECT it.item_id AS itemId, t.name FROM items i
  JOIN item_tags it ON it.item_id = i.id JOIN tags t ON t.id = it.tag_id
  WHERE i.letter_id = ? ORDER BY i.position, t.name`;
const NOTES_SQL = `SELECT author, created_at AS createdAt, body FROM notes WHERE letter_id = ? ORDER BY created_at, id`;

function toExportedItems(db: Db, letter: ScopedLetterRow, rows: ExportItemRow[], withSpans: boolean): ExportedItem[] {
  const tagsByItem = new Map<number, string[]>();
  const tagRows = letter.has_item_tags ? (statement(db, ITEM_TAGS_SQL).all(letter.id) as { itemId: number; name: string }[]) : [];
  for (const { itemId, name } of tagRows) {
    const names = tagsByItem.get(itemId) ?? [];
    names.push(name);
    tagsByItem.set(itemId, names);
  }
  return rows.map((row) => {
    const partial =
      row.original_request === null && row.authorized_by_claims_administrator === null && row.imr_eligible_portion === null
        ? null
        : {
            originalRequest: row.original_request,
            authorizedByClaimsAdministrator: row.authorized_by_claims_administrator,
            imrEligiblePortion: row.imr_eligible_portion,
          };
    const item: ExportedItem = {
      service: row.service,
      decision: row.decision,
      claimsAdministratorGuideline: row.claims_administrator_guideline,
      maximusGuideline: row.maximus_guideline,
      rationale: row.rationale,
      partial,
      warnings: parseJson<ParseWarning[]>(row.warnings),
      status: row.status,
      addedByReviewer: row.added_by_reviewer === 1,
      editedFields: parseJson<ItemField[]>(row.human_edited),
      tags: tagsByItem.get(row.id) ?? [],
      structureCorrections: parseJson<StructureCorrections>(row.structure_corrections),
      ...(row.structure === null ? {} : { structure: parseJson<ExportedStructure>(row.structure) }),
    };
    return withSpans ? { ...item, spans: parseJson<Record<string, SourceSpans>>(row.spans ?? '{}') } : item;
  });
}
