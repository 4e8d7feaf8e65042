/** The conflicts a dataset import left for a person: listing them and taking one side. */
import { ITEM_FIELDS, LETTER_FIELDS } from '../../shared/library.ts';
import type { ItemField, LetterField } from '../../shared/library.ts';
import type { DatasetConflict, ExportedItem } from '../../shared/export.ts';
import { InvalidEditError, updateItemField, updateLetterField } from '../storage/index.ts';
import { beginLetterChange } from '../storage/history.ts';
import { requireReviewer } from '../storage/reviewer.ts';
import { inWriteTransaction, nowIso, statement } from '../storage/sql.ts';
import type { Db } from '../storage/sql.ts';
import { replaceItems } from './mergeRecord.ts';
import { itemIdsInOrder } from './storeRecord.ts';

export interface ConflictQuery {
  /** 'open' (the default): not decided yet; 'resolved': decided; 'all': both. */
  readonly state?: 'open' | 'resolved' | 'all';
  readonly letterId?: number;
}

const CONFLICT_COLUMNS = `c.id, c.letter_id AS letterId, l.sha256, l.case_number AS caseNumber,
  c.item_position AS itemPosition, c.field, c.ours, c.theirs, c.their_reviewer AS theirReviewer, c.source,
  c.detected_at AS detectedAt, c.resolution, c.resolved_by AS resolvedBy, c.resolved_at AS resolvedAt`;

const STATE_CONDITIONS = { open: 'c.resolution IS NULL', resolved: 'c.resolution IS NOT NULL', all: '1' } as const;

/** Conflicts in the order they were found (open ones by default). */
export function listConflicts(db: Db, query: ConflictQuery = {}): DatasetConflict[] {
  const state = STATE_CONDITIONS[query.state ?? 'open'];
  if (state === undefined) throw new InvalidEditError(`Unknown conflict state "${query.state}"`);
  const letter = query.letterId === undefined ? '' : 'AND c.letter_id = @letterId';
  return statement(
    db,
    `SELECT ${CONFLICT_COLUMNS} FROM dataset_conflicts c JOIN letters l ON l.id = c.letter_id
     WHERE ${state} ${letter} ORDER BY c.id`,
  ).all(query.letterId === undefined ? {} : { letterId: query.letterId }) as DatasetConflict[];
}

/**
 * Decides a conflict. 'ours' keeps the library's value; 'theirs' writes the dataset's value
 * through the normal edit services (history, human-edited mark), so a verified letter must be
 * reopened first. Either way the conflict is marked resolved by the reviewer.
 */
export function resolveConflict(db: Db, conflictId: number, take: 'ours' | 'theirs'): void {
  if (take !== 'ours' && take !== 'theirs') throw new InvalidEditError(`Take "ours" or "theirs", not "${String(take)}"`);
  inWriteTransaction(db, () => {
    const conflict = statement(db, `SELECT ${CONFLICT_COLUMNS} FROM dataset_conflicts c JOIN letters l ON l.id = c.letter_id WHERE c.id = ?`).get(
      conflictId,
    ) as DatasetConflict | undefined;
    if (!conflict) throw new InvalidEditError(`No dataset conflict with id ${conflictId}`);
    if (conflict.resolution !== null) throw new InvalidEditError(`Conflict ${conflictId} is already resolved (${conflict.resolution})`);
    const reviewer = requireReviewer(db);
    if (take === 'theirs') applyTheirs(db, conflict);
    statement(db, 'UPDATE dataset_conflicts SET resolution = ?, resolved_by = ?, resolved_at = ? WHERE id = ?').run(
      take,
      reviewer,
      nowIso(),
      conflictId,
    );
  });
}

function applyTheirs(db: Db, conflict: DatasetConflict): void {
  if (conflict.field === 'items') {
    const context = beginLetterChange(db, conflict.letterId);
    replaceItems(db, context, conflict.letterId, JSON.parse(conflict.theirs ?? '[]') as ExportedItem[]);
    return;
  }
  if (conflict.itemPosition === null) {
    if (!(LETTER_FIELDS as readonly string[]).includes(conflict.field)) throw new InvalidEditError(`Unknown letter field "${conflict.field}"`);
    updateLetterField(db, conflict.letterId, conflict.field as LetterField, conflict.theirs);
    return;
  }
  if (!(ITEM_FIELDS as readonly string[]).includes(conflict.field)) throw new InvalidEditError(`Unknown item field "${conflict.field}"`);
  const itemId = itemIdsInOrder(db, conflict.letterId)[conflict.itemPosition];
  if (itemId === undefined) {
    throw new InvalidEditError(`Letter ${conflict.letterId} has no item ${conflict.itemPosition + 1} any more`);
  }
  updateItemField(db, itemId, conflict.field as ItemField, conflict.theirs);
}
