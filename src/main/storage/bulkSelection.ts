/**
 * The items a bulk action selects: items whose fields match a full-text search (item_fts), in
 * letters the queue's filters select, with the item's own decision when one is asked for.
 * Verified letters are read-only: their items are counted apart and never selected.
 */
import type { BulkPreview, BulkSearchField, BulkTarget } from '../../shared/bulk.ts';
import type { Decision } from '../../shared/letter.ts';
import type { ItemField, TagLabel } from '../../shared/library.ts';
import { ITEM_FIELD_COLUMNS } from './fields.ts';
import { toFtsQuery } from './ftsQuery.ts';
import type { QueueFilter } from './queue.ts';
import { filterSql } from './queue.ts';
import type { Db } from './sql.ts';
import { statement } from './sql.ts';

export interface BulkSelection {
  /** Words, prefixes and phrases as the queue's search takes them; blank selects every item of the filtered letters. */
  readonly search: string;
  readonly searchIn: BulkSearchField;
  /** The letters' filters (status, tag, format, warnings); `decision` is the item's own decision here. */
  readonly filter: Omit<QueueFilter, 'search'>;
  /** The field whose current value the preview shows. */
  readonly showField?: ItemField;
}

/** The FTS5 expression for the search, confined to the service column when asked. */
function itemMatch(search: string, searchIn: BulkSearchField): string | null {
  const match = toFtsQuery(search);
  if (match === null) return null;
  return searchIn === 'service' ? `service : (${match})` : match;
}

function selectionSql(selection: BulkSelection): { where: string; params: Record<string, string | number> } {
  const { decision, ...letterFilter } = selection.filter;
  const { where, params } = filterSql(letterFilter);
  const conditions = where === '' ? [] : [where.slice('WHERE '.length)];
  const all: Record<string, string | number> = { ...params };
  if (decision !== undefined) {
    conditions.push('i.decision = @itemDecision');
    all.itemDecision = decision satisfies Decision;
  }
  const match = itemMatch(selection.search, selection.searchIn);
  if (match !== null) {
    conditions.push('i.id IN (SELECT rowid FROM item_fts WHERE item_fts MATCH @itemMatch)');
    all.itemMatch = match;
  }
  return { where: conditions.length > 0 ? conditions.join(' AND ') : '1', params: all };
}

/** The items selected, first `limit` of them in letter and item order, with the counts. */
export function previewBulkSelection(db: Db, selection: BulkSelection, limit: number): BulkPreview {
  const { where, params } = selectionSql(selection);
  const from = `FROM items i JOIN letters l ON l.id = i.letter_id WHERE ${where}`;
  const counts = statement(
    db,
    `SELECT COUNT(*) FILTER (WHERE l.status <> 'verified') AS total,
       COUNT(DISTINCT l.id) FILTER (WHERE l.status <> 'verified') AS letters,
       COUNT(*) FILTER (WHERE l.status = 'verified') AS skippedVerified ${from}`,
  ).get(params) as { total: number; letters: number; skippedVerified: number };
  const shown = selection.showField ? ITEM_FIELD_COLUMNS[selection.showField] : 'service';
  const rows = statement(
    db,
    `SELECT l.id AS letterId, l.revision, COALESCE(l.case_number, l.file_name) AS letterLabel, l.status AS letterStatus,
       i.id AS itemId, i.position + 1 AS itemNumber, i.service, i.decision, i.status, i.${shown} AS shown
     ${from} AND l.status <> 'verified' ORDER BY l.id, i.position LIMIT @limit`,
  ).all({ ...params, limit }) as (Omit<BulkTarget, 'tags' | 'values'> & { shown: string | null })[];
  const tagsOf = statement(db, 'SELECT g.id, g.name, g.colour FROM item_tags t JOIN tags g ON g.id = t.tag_id WHERE t.item_id = ? ORDER BY g.name');
  const targets = rows.map(({ shown: value, ...row }) => ({
    ...row,
    tags: tagsOf.all(row.itemId) as TagLabel[],
    values: { [selection.showField ?? 'service']: value },
  }));
  return { targets, ...counts };
}
