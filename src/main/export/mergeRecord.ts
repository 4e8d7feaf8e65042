/**
 * Merging another reviewer's record of a letter into ours, field by field. A side vouches for
 * a value when a person edited it or verified the letter. When the values differ: only their
 * side vouches -> their value is taken; both vouch -> a conflict is recorded for a person to
 * decide; otherwise ours stays. The letter's status is merged the same way: a side decided it
 * when it verified or flagged the letter, and two different decisions are a conflict. Nothing
 * either side vouched for or decided is overwritten silently. The merge of one letter is one
 * change group, recorded under their reviewer's name.
 */
import type { ExportedItem, ExportedLetter } from '../../shared/export.ts';
import type { SourceSpans } from '../../shared/letter.ts';
import type { ItemField, LetterField } from '../../shared/library.ts';
import { ITEM_FIELDS, LETTER_FIELDS } from '../../shared/library.ts';
import { change, isInsideText, planFieldValue } from '../review/index.ts';
import type { PlanContext } from '../review/index.ts';
import type { Db } from '../storage/index.ts';
import {
  addRecordNotes,
  addRecordTags,
  deleteLetterItems,
  hasOpenConflicts,
  insertRecordItems,
  itemIdsInOrder,
  letterRevision,
  readItemState,
  readLetterState,
  readRecordBySha256,
  recordConflict,
  refreshLetterSummary,
  writeItemState,
  writeLetterReview,
  writeLetterState,
} from '../storage/index.ts';
import { itemFieldValue, letterFieldValue } from './fieldValues.ts';
import { STATUS_FIELD, statusValue } from './statusValue.ts';

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

/** Who the history names for what a dataset brought: the person who verified it, else who the caller says, else its file. */
function theirReviewer(theirs: ExportedLetter, source: string, named: string | undefined): string {
  return theirs.verifiedBy ?? named ?? `reviewer of ${source}`;
}

/** Merges `theirs` into the stored letter with the same sha256, inside the caller's transaction. */
export function mergeRecord(db: Db, letterId: number, theirs: ExportedLetter, source: string, reviewer?: string): MergeOutcome {
  const actor = { reviewer: theirReviewer(theirs, source, reviewer), origin: 'dataset' as const };
  const ref = { letterId, revision: letterRevision(db, letterId) };
  return change(db, { letter: ref, action: 'dataset-merge', actor, allowVerified: true }, () => {
    const outcome = mergeInto(db, letterId, theirs, source);
    return { details: { file: source, count: outcome.fieldsTaken }, result: outcome };
  }).result;
}

function mergeInto(db: Db, letterId: number, theirs: ExportedLetter, source: string): MergeOutcome {
  const ours = readRecordBySha256(db, theirs.sha256, false);
  if (!ours) throw new Error(`Letter ${theirs.sha256} vanished during the merge`);
  let fieldsTaken = 0;
  let conflicts = 0;
  const conflict = (itemPosition: number | null, field: string, ourValue: string | null, theirValue: string | null) => {
    if (recordConflict(db, { letterId, itemPosition, field, ours: ourValue, theirs: theirValue, theirReviewer: theirs.verifiedBy, source })) conflicts++;
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
    takeLetterValue(db, letterId, field, theirValue, theirs.spans?.[field]);
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
        takeItemValue(db, itemIds[position] as number, field, theirValue, theirItem.spans?.[field]);
        fieldsTaken++;
      }
    });
  } else if (vouchesForItemList(theirs)) {
    if (vouchesForItemList(ours)) {
      conflict(null, 'items', itemListJson(ours.items), itemListJson(theirs.items));
    } else {
      replaceItems(db, letterId, theirs.items);
      fieldsTaken++;
    }
  }

  addRecordTags(db, letterId, theirs);
  addRecordNotes(db, letterId, theirs);
  refreshLetterSummary(db, letterId);
  const ourStatus = statusValue(ours);
  const theirStatus = statusValue(theirs);
  // A flag is a person asking for a second look and a verification a person's word that the
  // letter is right: when both sides decided differently, neither wins without a person.
  if (ourStatus !== null && theirStatus !== null) {
    if (ourStatus !== theirStatus) conflict(null, STATUS_FIELD, ourStatus, theirStatus);
  } else if (ourStatus === null) {
    adoptStatus(db, letterId, theirs);
  }
  return { fieldsTaken, conflicts };
}

/** Their spans, where they fall inside this letter's text (a dataset made elsewhere may carry any). */
function spansInside(spans: SourceSpans | undefined, text: string): SourceSpans | null {
  return spans && spans.every((span) => isInsideText(span, text)) ? spans : null;
}

/** Gives a letter field their value, with their spans where they fit, as a person's value. */
export function takeLetterValue(db: Db, letterId: number, field: LetterField, value: string | null, spans: SourceSpans | undefined): void {
  const state = readLetterState(db, letterId);
  const context: PlanContext = { text: state.text, addedByReviewer: false, resolvedBy: null };
  const kept = spansInside(spans, state.text);
  const plan = planFieldValue<LetterField>(state, field, { value, spans: kept, source: kept ? 'kept' : 'none' }, context);
  if (plan) writeLetterState(db, letterId, { ...plan.write, humanEdited: withEdited(plan.write.humanEdited, field) });
}

/** Gives an item field their value, with their spans where they fit, as a person's value. */
export function takeItemValue(db: Db, itemId: number, field: ItemField, value: string | null, spans: SourceSpans | undefined): void {
  const item = readItemState(db, itemId);
  const { text } = readLetterState(db, item.letterId);
  const kept = spansInside(spans, text);
  const plan = planFieldValue<ItemField>(item, field, { value, spans: kept, source: kept ? 'kept' : 'none' }, { text, addedByReviewer: item.addedByReviewer, resolvedBy: null });
  if (plan) writeItemState(db, itemId, { ...plan.write, humanEdited: withEdited(plan.write.humanEdited, field) });
}

/** A value a person vouched for on their side is a person's value here too, even where it matches the parser's. */
function withEdited<F extends string>(humanEdited: readonly F[] | undefined, field: F): F[] {
  return [...new Set([...(humanEdited ?? []), field])];
}

/** A side vouches for its list of items when the letter is verified or a person added or edited an item. */
function vouchesForItemList(letter: ExportedLetter): boolean {
  return letter.status === 'verified' || letter.items.some((item) => item.addedByReviewer || item.editedFields.length > 0);
}

/** The item list as a conflict stores it: values and review marks, without spans. */
export function itemListJson(items: readonly ExportedItem[]): string {
  return JSON.stringify(items.map(({ spans: _spans, ...item }) => item));
}

/** Replaces every item of the letter with `items`. */
export function replaceItems(db: Db, letterId: number, items: readonly ExportedItem[]): void {
  deleteLetterItems(db, letterId);
  insertRecordItems(db, letterId, items);
}

/**
 * While ours is still being reviewed (unreviewed or in progress): their verification is adopted
 * when nothing is left in dispute, since every value then is one their reviewer checked; their
 * flag always. (Any change marks an unreviewed letter in progress: see runChange.)
 */
function adoptStatus(db: Db, letterId: number, theirs: ExportedLetter): void {
  if (theirs.status === 'verified' && !hasOpenConflicts(db, letterId)) {
    writeLetterReview(db, letterId, { status: 'verified', flagReason: null, verifiedAt: theirs.verifiedAt, verifiedBy: theirs.verifiedBy });
  } else if (theirs.status === 'flagged') {
    writeLetterReview(db, letterId, { status: 'flagged', flagReason: theirs.flagReason, verifiedAt: null, verifiedBy: null });
  }
}
