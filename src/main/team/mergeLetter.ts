/**
 * One letter of a package merged back: a three-way merge of the letter as the package took it
 * (the base), as its reviewer left it (theirs) and as this library has it now (ours).
 *
 * A side vouches for a value when it changed it since the base, or when it verified the letter.
 * Where the values differ: only their side vouches -> theirs is taken; both vouch -> a conflict
 * for a person to decide; only ours -> ours stays. So a reviewer who verified a value another
 * reviewer (or the coordinator) changed meanwhile is a disagreement, never a silent win. The
 * status (verified, flagged with its reason) merges the same way, and the item list as a whole
 * when either side added, deleted, split or merged items. Tags and notes each side added or
 * removed are carried over.
 */
import type { ExportedItem, ExportedLetter } from '../../shared/export.ts';
import { ITEM_FIELDS, LETTER_FIELDS } from '../../shared/library.ts';
import type { Db } from '../storage/index.ts';
import {
  addRecordNotes,
  hasOpenConflicts,
  itemIdsInOrder,
  linkTagByName,
  recordConflict,
  refreshLetterSummary,
  unlinkTagByName,
  writeItemStatus,
  writeLetterReview,
  writeStructureCorrections,
} from '../storage/index.ts';
import { itemFieldValue, itemListJson, letterFieldValue, replaceItems, STATUS_FIELD, statusValue, takeItemValue, takeLetterValue } from '../export/index.ts';

export interface LetterMergeOutcome {
  readonly taken: number;
  readonly conflicts: number;
}

/** Who a conflict names, and the file it came from. */
export interface MergeSource {
  readonly reviewer: string;
  readonly source: string;
}

type Verdict = 'same' | 'take' | 'conflict' | 'keep';

/** The three-way rule for one value; `theirsVerified`/`oursVerified` make a side vouch for values it left alone. */
function verdict<V>(base: V, theirs: V, ours: V, theirsVerified: boolean, oursVerified: boolean): Verdict {
  if (theirs === ours) return 'same';
  const theirsVouch = theirs !== base || theirsVerified;
  if (!theirsVouch) return 'keep';
  const oursVouch = ours !== base || oursVerified;
  return oursVouch ? 'conflict' : 'take';
}

export function mergeLetter(db: Db, letterId: number, base: ExportedLetter, theirs: ExportedLetter, ours: ExportedLetter, from: MergeSource): LetterMergeOutcome {
  let taken = 0;
  let conflicts = 0;
  const conflict = (itemPosition: number | null, field: string, ourValue: string | null, theirValue: string | null) => {
    if (recordConflict(db, { letterId, itemPosition, field, ours: ourValue, theirs: theirValue, theirReviewer: from.reviewer, source: from.source })) conflicts++;
  };
  const theirsVerified = theirs.status === 'verified';
  const oursVerified = ours.status === 'verified';

  for (const field of LETTER_FIELDS) {
    const [b, t, o] = [letterFieldValue(base, field), letterFieldValue(theirs, field), letterFieldValue(ours, field)];
    const outcome = verdict(b, t, o, theirsVerified, oursVerified);
    if (outcome === 'take') {
      takeLetterValue(db, letterId, field, t, theirs.spans?.[field]);
      taken++;
    } else if (outcome === 'conflict') conflict(null, field, o, t);
  }

  const sameShape = base.items.length === theirs.items.length && theirs.items.length === ours.items.length;
  if (sameShape) {
    const itemIds = itemIdsInOrder(db, letterId);
    theirs.items.forEach((theirItem, position) => {
      const baseItem = base.items[position] as ExportedItem;
      const ourItem = ours.items[position] as ExportedItem;
      for (const field of ITEM_FIELDS) {
        const [b, t, o] = [itemFieldValue(baseItem, field), itemFieldValue(theirItem, field), itemFieldValue(ourItem, field)];
        const outcome = verdict(b, t, o, theirsVerified, oursVerified);
        if (outcome === 'take') {
          takeItemValue(db, itemIds[position] as number, field, t, theirItem.spans?.[field]);
          taken++;
        } else if (outcome === 'conflict') conflict(position, field, o, t);
      }
      const itemId = itemIds[position] as number;
      if (verdict(baseItem.status, theirItem.status, ourItem.status, false, false) === 'take') writeItemStatus(db, itemId, theirItem.status);
      const corrections = verdict(JSON.stringify(baseItem.structureCorrections), JSON.stringify(theirItem.structureCorrections), JSON.stringify(ourItem.structureCorrections), false, false);
      if (corrections === 'take') {
        writeStructureCorrections(db, itemId, theirItem.structureCorrections);
        taken++;
      } else if (corrections === 'conflict' && theirItem.structure?.category !== ourItem.structure?.category) {
        conflict(position, 'category', ourItem.structure?.category ?? null, theirItem.structure?.category ?? null);
      }
      mergeTagSets(db, 'item', itemId, baseItem.tags, theirItem.tags);
    });
  } else {
    const outcome = verdict(itemListJson(base.items), itemListJson(theirs.items), itemListJson(ours.items), theirsVerified, oursVerified);
    if (outcome === 'take') {
      replaceItems(db, letterId, theirs.items);
      taken++;
    } else if (outcome === 'conflict') conflict(null, 'items', itemListJson(ours.items), itemListJson(theirs.items));
  }

  mergeTagSets(db, 'letter', letterId, base.tags, theirs.tags);
  addRecordNotes(db, letterId, { ...theirs, notes: theirs.notes.filter((note) => !base.notes.some((old) => sameNote(old, note))) });
  refreshLetterSummary(db, letterId);

  // Only a decided status (verified, flagged) is a side's word; a verification is taken only
  // once nothing on the letter is left in dispute.
  const [bs, ts, os] = [statusValue(base), statusValue(theirs), statusValue(ours)];
  const statusOutcome = verdict(bs, ts, os, false, false);
  if (statusOutcome === 'conflict' && ts !== null && os !== null) conflict(null, STATUS_FIELD, os, ts);
  else if (statusOutcome === 'take' || (statusOutcome === 'conflict' && os === null)) {
    if (adoptStatus(db, letterId, theirs)) taken++;
  }
  return { taken, conflicts };
}

function sameNote(a: ExportedLetter['notes'][number], b: ExportedLetter['notes'][number]): boolean {
  return a.body === b.body && a.author === b.author && a.createdAt === b.createdAt;
}

/** Tags their side added since the base are added here; tags it removed are removed here. */
function mergeTagSets(db: Db, kind: 'letter' | 'item', id: number, base: readonly string[], theirs: readonly string[]): void {
  for (const name of theirs) if (!base.includes(name)) linkTagByName(db, kind, id, name);
  for (const name of base) if (!theirs.includes(name)) unlinkTagByName(db, kind, id, name);
}

/** Their decided status, or their reopening of a letter the base had decided. */
function adoptStatus(db: Db, letterId: number, theirs: ExportedLetter): boolean {
  if (theirs.status === 'verified') {
    if (hasOpenConflicts(db, letterId)) return false;
    writeLetterReview(db, letterId, { status: 'verified', flagReason: null, verifiedAt: theirs.verifiedAt, verifiedBy: theirs.verifiedBy });
  } else if (theirs.status === 'flagged') {
    writeLetterReview(db, letterId, { status: 'flagged', flagReason: theirs.flagReason, verifiedAt: null, verifiedBy: null });
  } else {
    writeLetterReview(db, letterId, { status: 'in_progress', flagReason: null, verifiedAt: null, verifiedBy: null });
  }
  return true;
}
