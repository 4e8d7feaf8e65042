/**
 * Merging another reviewer's record of a letter into ours, field by field. A side vouches for
 * a value when a person edited it or verified the letter. When the values differ: only their
 * side vouches -> their value is taken; both vouch -> a conflict is recorded for a person to
 * decide; otherwise ours stays. Nothing either side vouched for is overwritten silently.
 */
import { ITEM_FIELDS, LETTER_FIELDS } from '../../shared/library.ts';
import type { ExportedItem, ExportedLetter } from '../../shared/export.ts';
import { ITEM_FIELD_COLUMNS, LETTER_FIELD_COLUMNS } from '../storage/fields.ts';
import { applyFieldEdit } from '../storage/fieldEdits.ts';
import { recordChange } from '../storage/history.ts';
import type { ChangeContext } from '../storage/history.ts';
import { statement } from '../storage/sql.ts';
import type { Db } from '../storage/sql.ts';
import { getItem } from '../storage/storedItems.ts';
import { refreshLetterSummary } from '../storage/summary.ts';
import { hasOpenConflicts, recordConflict } from './conflictRecords.ts';
import { itemFieldValue, letterFieldValue } from './fieldValues.ts';
import { readLetterBySha256 } from './records.ts';
import { addRecordNotes, addRecordTags, insertRecordItems, itemIdsInOrder } from './storeRecord.ts';

export interface MergeOutcome {
  readonly fieldsTaken: number;
  readonly conflicts: number;
}

interface Side {
  readonly verified: boolean;
  readonly edited: readonly string[];
}

function vouches(side: Side, field: string): boolean {
  return side.verified || side.edited.includes(field);
}

/** Merges `theirs` into the stored letter with the same sha256, inside the caller's transaction. */
export function mergeRecord(db: Db, letterId: number, theirs: ExportedLetter, context: ChangeContext, source: string): MergeOutcome {
  const ours = readLetterBySha256(db, theirs.sha256, false);
  if (!ours) throw new Error(`Letter ${theirs.sha256} vanished during the merge`);
  let fieldsTaken = 0;
  let conflicts = 0;
  const conflict = (itemPosition: number | null, field: string, ourValue: string | null, theirValue: string | null) => {
    const recorded = recordConflict(db, {
      letterId,
      itemPosition,
      field,
      ours: ourValue,
      theirs: theirValue,
      theirReviewer: theirs.verifiedBy,
      source,
    });
    if (recorded) conflicts++;
  };

  const ourLetter: Side = { verified: ours.status === 'verified', edited: ours.editedFields };
  const theirLetter: Side = { verified: theirs.status === 'verified', edited: theirs.editedFields };
  for (const field of LETTER_FIELDS) {
    const ourValue = letterFieldValue(ours, field);
    const theirValue = letterFieldValue(theirs, field);
    if (ourValue === theirValue || !vouches(theirLetter, field)) continue;
    if (vouches(ourLetter, field)) {
      conflict(null, field, ourValue, theirValue);
      continue;
    }
    const span = theirs.spans?.[field] ?? null;
    applyFieldEdit(db, context, { entityType: 'letter', entityId: letterId, field, column: LETTER_FIELD_COLUMNS[field], value: theirValue, span });
    fieldsTaken++;
  }

  if (ours.items.length === theirs.items.length) {
    const itemIds = itemIdsInOrder(db, letterId);
    theirs.items.forEach((theirItem, position) => {
      const ourItem = ours.items[position] as ExportedItem;
      const ourSide: Side = { verified: ourLetter.verified, edited: ourItem.editedFields };
      const theirSide: Side = { verified: theirLetter.verified, edited: theirItem.editedFields };
      for (const field of ITEM_FIELDS) {
        const ourValue = itemFieldValue(ourItem, field);
        const theirValue = itemFieldValue(theirItem, field);
        if (ourValue === theirValue || !vouches(theirSide, field)) continue;
        if (vouches(ourSide, field)) {
          conflict(position, field, ourValue, theirValue);
          continue;
        }
        const span = theirItem.spans?.[field] ?? null;
        const entityId = itemIds[position] as number;
        applyFieldEdit(db, context, { entityType: 'item', entityId, field, column: ITEM_FIELD_COLUMNS[field], value: theirValue, span });
        fieldsTaken++;
      }
    });
  } else if (vouchesForItemList(theirs)) {
    if (vouchesForItemList(ours)) {
      conflict(null, 'items', itemListJson(ours.items), itemListJson(theirs.items));
    } else {
      replaceItems(db, context, letterId, theirs.items);
      fieldsTaken++;
    }
  }

  addRecordTags(db, letterId, theirs);
  addRecordNotes(db, letterId, theirs);
  refreshLetterSummary(db, letterId);
  adoptStatus(db, context, letterId, ours, theirs, fieldsTaken > 0);
  return { fieldsTaken, conflicts };
}

/** A side vouches for its list of items when the letter is verified or a person added or edited an item. */
function vouchesForItemList(letter: ExportedLetter): boolean {
  return letter.status === 'verified' || letter.items.some((item) => item.addedByReviewer || item.editedFields.length > 0);
}

/** The item list as a conflict stores it: values and review marks, without spans. */
export function itemListJson(items: readonly ExportedItem[]): string {
  return JSON.stringify(items.map(({ spans: _spans, ...item }) => item));
}

/** Replaces every item of the letter with `items`, recording each removal and addition in the history. */
export function replaceItems(db: Db, context: ChangeContext, letterId: number, items: readonly ExportedItem[]): void {
  for (const itemId of itemIdsInOrder(db, letterId)) {
    recordChange(db, context, { entityType: 'item', entityId: itemId, action: 'delete-item', oldValue: JSON.stringify(getItem(db, itemId)) });
  }
  statement(db, 'DELETE FROM items WHERE letter_id = ?').run(letterId);
  insertRecordItems(db, letterId, items);
  itemIdsInOrder(db, letterId).forEach((itemId, position) => {
    recordChange(db, context, {
      entityType: 'item',
      entityId: itemId,
      action: 'add-item',
      newValue: JSON.stringify({ position, ...items[position] }),
    });
  });
}

/**
 * Their verification is adopted when ours is not verified and nothing is left in dispute, since
 * every value then is one their reviewer checked; their flag when ours is still being reviewed.
 */
function adoptStatus(db: Db, context: ChangeContext, letterId: number, ours: ExportedLetter, theirs: ExportedLetter, changed: boolean): void {
  let status = ours.status;
  if (ours.status !== 'verified' && theirs.status === 'verified' && !hasOpenConflicts(db, letterId)) {
    statement(db, "UPDATE letters SET status = 'verified', flag_reason = NULL, verified_at = ?, verified_by = ? WHERE id = ?").run(
      theirs.verifiedAt,
      theirs.verifiedBy,
      letterId,
    );
    status = 'verified';
  } else if ((ours.status === 'unreviewed' || ours.status === 'in_progress') && theirs.status === 'flagged') {
    statement(db, "UPDATE letters SET status = 'flagged', flag_reason = ? WHERE id = ?").run(theirs.flagReason, letterId);
    status = 'flagged';
  } else if (ours.status === 'unreviewed' && changed) {
    statement(db, "UPDATE letters SET status = 'in_progress' WHERE id = ?").run(letterId);
    status = 'in_progress';
  }
  if (status !== ours.status) {
    recordChange(db, context, { entityType: 'letter', entityId: letterId, action: 'set-status', field: 'status', oldValue: ours.status, newValue: status });
  }
  if (status !== ours.status || changed) statement(db, 'UPDATE letters SET updated_at = ? WHERE id = ?').run(context.at, letterId);
}
