/**
 * Moving a letter through review (verify, flag, reopen) and confirming or flagging one item.
 * Verifying confirms every value, so it answers every warning still open; undo gives them back.
 */
import type { ItemStatus } from '../../shared/library.ts';
import { ITEM_STATUSES } from '../../shared/library.ts';
import type { Actor, ChangeOutcome, Db, LetterRef } from '../storage/index.ts';
import { change } from './derived.ts';
import {
  InvalidEditError,
  itemIdsInOrder,
  nowIso,
  readItemState,
  readLetterState,
  refreshLetterSummary,
  writeItemState,
  writeItemStatus,
  writeLetterReview,
  writeLetterState,
} from '../storage/index.ts';
import { resolveWarnings } from './fieldPlan.ts';
import { itemDetails, itemOfLetter } from './items.ts';

/** Marks the letter verified by the reviewer; it stays read-only until reopened. */
export function verifyLetter(db: Db, actor: Actor, ref: LetterRef): ChangeOutcome<void> {
  return change(db, { letter: ref, action: 'verify', actor, allowVerified: true }, (letter) => {
    if (letter?.status === 'verified') return { details: {}, result: undefined };
    const at = nowIso();
    writeLetterReview(db, ref.letterId, { status: 'verified', flagReason: null, verifiedAt: at, verifiedBy: actor.reviewer });
    answerEveryWarning(db, ref.letterId, { by: actor.reviewer, at });
    return { details: { from: letter?.status ?? null, to: 'verified' }, result: undefined };
  });
}

/** Flags the letter with a reason; a verified letter must be reopened first. */
export function flagLetter(db: Db, actor: Actor, ref: LetterRef, reason: string): ChangeOutcome<void> {
  const text = reason.trim();
  if (text === '') throw new InvalidEditError('Say why the letter is flagged');
  return change(db, { letter: ref, action: 'flag', actor }, (letter) => {
    writeLetterReview(db, ref.letterId, { status: 'flagged', flagReason: text, verifiedAt: null, verifiedBy: null });
    return { details: { from: letter?.status ?? null, to: 'flagged', text }, result: undefined };
  });
}

/** Takes a verified or flagged letter back to being reviewed; other letters are left as they are. */
export function reopenLetter(db: Db, actor: Actor, ref: LetterRef): ChangeOutcome<void> {
  return change(db, { letter: ref, action: 'reopen', actor, allowVerified: true }, (letter) => {
    if (letter?.status !== 'verified' && letter?.status !== 'flagged') return { details: {}, result: undefined };
    writeLetterReview(db, ref.letterId, { status: 'in_progress', flagReason: null, verifiedAt: null, verifiedBy: null });
    return { details: { from: letter.status, to: 'in_progress' }, result: undefined };
  });
}

/** Confirms an item (answering its warnings), flags it, or puts it back to unreviewed. */
export function setItemStatus(db: Db, actor: Actor, ref: LetterRef, itemId: number, status: ItemStatus): ChangeOutcome<void> {
  if (!ITEM_STATUSES.includes(status)) throw new InvalidEditError(`"${status}" is not an item status`);
  return change(db, { letter: ref, action: 'set-item-status', actor }, () => {
    const item = itemOfLetter(db, ref.letterId, itemId);
    writeItemStatus(db, itemId, status);
    if (status === 'confirmed') {
      writeItemState(db, itemId, { warnings: resolveWarnings(item.warnings, () => true, { by: actor.reviewer, at: nowIso() }) });
      refreshLetterSummary(db, ref.letterId);
    }
    return { details: { ...itemDetails(item), from: item.status, to: status }, result: undefined };
  });
}

function answerEveryWarning(db: Db, letterId: number, by: { by: string; at: string }): void {
  const letter = readLetterState(db, letterId);
  writeLetterState(db, letterId, { warnings: resolveWarnings(letter.warnings, () => true, by) });
  for (const itemId of itemIdsInOrder(db, letterId)) {
    writeItemState(db, itemId, { warnings: resolveWarnings(readItemState(db, itemId).warnings, () => true, by) });
  }
  refreshLetterSummary(db, letterId);
}

