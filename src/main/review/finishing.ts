/**
 * Finishing a letter in one step: every item still unreviewed is confirmed and the letter is
 * verified, as one change (one undo step). Verifying alone would leave the items' status
 * unreviewed on a verified letter, and the export would say nobody looked at them.
 */
import type { Actor, ChangeOutcome, Db, LetterRef } from '../storage/index.ts';
import { itemIdsInOrder, nowIso, readItemState, runChange, writeItemStatus, writeLetterReview } from '../storage/index.ts';
import { answerEveryWarning } from './letterStatus.ts';

/** Confirms the unreviewed items (flagged ones stay flagged) and verifies the letter; answers how many items it confirmed. */
export function confirmAndVerify(db: Db, actor: Actor, ref: LetterRef): ChangeOutcome<number> {
  return runChange(db, { letter: ref, action: 'verify', actor, allowVerified: true }, (letter) => {
    if (letter?.status === 'verified') return { details: {}, result: 0 };
    let confirmed = 0;
    for (const itemId of itemIdsInOrder(db, ref.letterId)) {
      if (readItemState(db, itemId).status !== 'unreviewed') continue;
      writeItemStatus(db, itemId, 'confirmed');
      confirmed++;
    }
    const at = nowIso();
    writeLetterReview(db, ref.letterId, { status: 'verified', flagReason: null, verifiedAt: at, verifiedBy: actor.reviewer });
    answerEveryWarning(db, ref.letterId, { by: actor.reviewer, at });
    return { details: { from: letter?.status ?? null, to: 'verified', count: confirmed }, result: confirmed };
  });
}
