/**
 * Deciding a conflict a dataset merge or a blind pass left: keep ours, or take theirs. Either is a
 * review change to the letter, bound to the revision the reviewer saw the conflict on (so a value
 * changed since is not overwritten), recorded and undoable. A dataset's value is refused on a
 * verified letter; a blind pass's disagreement is adjudicated on the verified letter it re-read.
 * A conflict over the letter's status (see statusValue.ts) is decided on the letter as it is:
 * taking their flag on our verified letter is the reopening the flag asks for, and a reopen
 * first would change the very status the conflict is about.
 */
import type { ExportedItem } from '../../shared/export.ts';
import type { ItemField, LetterField } from '../../shared/library.ts';
import { ITEM_FIELDS, LETTER_FIELDS } from '../../shared/library.ts';
import { answerEveryWarning, change, checkedDate, planFieldValue } from '../review/index.ts';
import type { Actor, ChangeOutcome, Db } from '../storage/index.ts';
import {
  getConflict,
  InvalidEditError,
  itemCategories,
  itemIdsInOrder,
  letterRevision,
  markConflictResolved,
  readItemState,
  readLetterState,
  nowIso,
  readRecordBySha256,
  refreshLetterSummary,
  writeItemState,
  writeLetterReview,
  writeLetterState,
  writeStructureCorrections,
} from '../storage/index.ts';
import type { StructureCorrections } from '../../shared/derived.ts';
import { itemFieldValue, letterFieldValue } from './fieldValues.ts';
import { itemListJson, replaceItems } from './mergeRecord.ts';
import { decidedStatus, STATUS_FIELD, statusValue } from './statusValue.ts';

export function resolveConflict(db: Db, actor: Actor, conflictId: number, take: 'ours' | 'theirs'): ChangeOutcome<void> {
  if (take !== 'ours' && take !== 'theirs') throw new InvalidEditError(`Take "ours" or "theirs", not "${String(take)}"`);
  const conflict = getConflict(db, conflictId);
  const ref = { letterId: conflict.letterId, revision: letterRevision(db, conflict.letterId) };
  const allowVerified = take === 'ours' || conflict.blindPassId !== null || conflict.field === STATUS_FIELD;
  return change(db, { letter: ref, action: take === 'theirs' ? 'take-theirs' : 'keep-ours', actor, allowVerified }, () => {
    const fresh = getConflict(db, conflictId);
    if (fresh.resolution !== null) throw new InvalidEditError(`Conflict ${conflictId} is already resolved (${fresh.resolution})`);
    if (currentValue(db, fresh) !== fresh.ours) {
      throw new InvalidEditError(`The ${fresh.field} of ${fresh.caseNumber ?? fresh.sha256.slice(0, 12)} has changed since the conflict was found; check it and edit it by hand`);
    }
    if (take === 'theirs') applyTheirs(db, actor, fresh);
    markConflictResolved(db, conflictId, take, actor.reviewer);
    const item = fresh.itemPosition === null ? {} : { itemNumber: fresh.itemPosition + 1 };
    return { details: { ...item, field: fresh.field, from: fresh.ours, to: take === 'theirs' ? fresh.theirs : fresh.ours }, result: undefined };
  });
}

type Conflict = ReturnType<typeof getConflict>;

/** The value the conflict disputes, as the library holds it now. */
function currentValue(db: Db, conflict: Conflict): string | null {
  const record = readRecordBySha256(db, conflict.sha256, false);
  if (!record) return null;
  if (conflict.field === 'items') return itemListJson(record.items);
  if (conflict.field === STATUS_FIELD) return statusValue(record);
  if (conflict.field === 'category') return itemCategories(db, conflict.letterId)[conflict.itemPosition ?? -1] ?? null;
  if (conflict.itemPosition === null) return letterFieldValue(record, checkedField(conflict.field, LETTER_FIELDS));
  const item = record.items[conflict.itemPosition];
  return item ? itemFieldValue(item, checkedField(conflict.field, ITEM_FIELDS)) : null;
}

function applyTheirs(db: Db, actor: Actor, conflict: Conflict): void {
  if (conflict.field === STATUS_FIELD) {
    applyTheirStatus(db, actor, conflict);
    return;
  }
  const context = { text: readLetterState(db, conflict.letterId).text, addedByReviewer: false, resolvedBy: null };
  const next = { value: conflict.theirs, spans: null, source: 'none' as const };
  if (conflict.field === 'items') {
    replaceItems(db, conflict.letterId, JSON.parse(conflict.theirs ?? '[]') as ExportedItem[]);
  } else if (conflict.field === 'category') {
    const item = readItemState(db, itemAt(db, conflict));
    const corrections: Record<string, string> = { ...item.structureCorrections };
    if (conflict.theirs === null) delete corrections['category'];
    else corrections['category'] = conflict.theirs;
    writeStructureCorrections(db, item.id, corrections as StructureCorrections);
  } else if (conflict.itemPosition === null) {
    const field = checkedField<LetterField>(conflict.field, LETTER_FIELDS);
    // A blind reviewer's date is typed like any other, and held to the same form.
    const plan = planFieldValue(readLetterState(db, conflict.letterId), field, { ...next, value: checkedDate(field, next.value) }, context);
    if (plan) writeLetterState(db, conflict.letterId, plan.write);
  } else {
    const field = checkedField<ItemField>(conflict.field, ITEM_FIELDS);
    const item = readItemState(db, itemAt(db, conflict));
    const plan = planFieldValue(item, field, next, { ...context, addedByReviewer: item.addedByReviewer });
    if (plan) writeItemState(db, item.id, plan.write);
  }
  refreshLetterSummary(db, conflict.letterId);
}

/**
 * Their flag, with its reason; or their verification, under their reviewer's name (else the
 * deciding reviewer's) from the moment it is taken here, answering every warning as verifying
 * does: a verified letter's values are all checked ones.
 */
function applyTheirStatus(db: Db, actor: Actor, conflict: Conflict): void {
  const theirs = decidedStatus(conflict.theirs);
  if (theirs === null) throw new InvalidEditError(`"${conflict.theirs}" is not a status`);
  if (theirs.status === 'flagged') {
    writeLetterReview(db, conflict.letterId, { status: 'flagged', flagReason: theirs.flagReason, verifiedAt: null, verifiedBy: null });
    return;
  }
  const at = nowIso();
  writeLetterReview(db, conflict.letterId, { status: 'verified', flagReason: null, verifiedAt: at, verifiedBy: conflict.theirReviewer ?? actor.reviewer });
  answerEveryWarning(db, conflict.letterId, { by: actor.reviewer, at });
}

function itemAt(db: Db, conflict: Conflict): number {
  const position = conflict.itemPosition ?? -1;
  const itemId = itemIdsInOrder(db, conflict.letterId)[position];
  if (itemId === undefined) throw new InvalidEditError(`The letter has no item ${position + 1} any more`);
  return itemId;
}

function checkedField<F extends string>(field: string, fields: readonly F[]): F {
  if (!(fields as readonly string[]).includes(field)) throw new InvalidEditError(`Unknown field "${field}"`);
  return field as F;
}
