/** Reading items back as the UI and the exporter see them. */
import type { StructureCorrections } from '../../shared/derived.ts';
import type { ParseWarning, SourceSpans } from '../../shared/letter.ts';
import type { ItemField } from './fields.ts';
import type { ItemsRow } from './rows.ts';
import { parseJson, statement } from './sql.ts';
import type { Db } from './sql.ts';
import { itemTagLabels } from './tags.ts';
import type { StoredItem, TagLabel } from '../../shared/library.ts';
export type { StoredItem } from '../../shared/library.ts';

/** The items of a letter in order, with their tags. */
export function listItems(db: Db, letterId: number): StoredItem[] {
  const tags = itemTagLabels(db, letterId);
  const rows = statement(db, 'SELECT * FROM items WHERE letter_id = ? ORDER BY position').all(letterId) as ItemsRow[];
  return rows.map((row) => toStoredItem(row, tags.get(row.id) ?? []));
}

/** One item with its tags; null when there is no such item. */
export function getItem(db: Db, itemId: number): StoredItem | null {
  const row = statement(db, 'SELECT * FROM items WHERE id = ?').get(itemId) as ItemsRow | undefined;
  if (!row) return null;
  return toStoredItem(row, itemTagLabels(db, row.letter_id).get(itemId) ?? []);
}

function toStoredItem(row: ItemsRow, tags: readonly TagLabel[]): StoredItem {
  return {
    id: row.id,
    letterId: row.letter_id,
    position: row.position,
    service: row.service,
    decision: row.decision,
    claimsAdministratorGuideline: row.claims_administrator_guideline,
    maximusGuideline: row.maximus_guideline,
    rationale: row.rationale,
    originalRequest: row.original_request,
    authorizedByClaimsAdministrator: row.authorized_by_claims_administrator,
    imrEligiblePortion: row.imr_eligible_portion,
    spans: parseJson<Record<string, SourceSpans>>(row.spans),
    warnings: parseJson<ParseWarning[]>(row.warnings),
    status: row.status,
    humanEdited: parseJson<ItemField[]>(row.human_edited),
    addedByReviewer: row.added_by_reviewer === 1,
    tags,
    structureCorrections: parseJson<StructureCorrections>(row.structure_corrections),
  };
}
