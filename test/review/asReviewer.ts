/**
 * Review changes as a test writes them: by letter or item id, on the letter's current revision,
 * as the test reviewer. The services themselves take the revision a person saw (see src/main/review).
 */
import type { Decision } from '../../src/shared/letter.ts';
import type { ItemField, ItemStatus, LetterField } from '../../src/shared/library.ts';
import * as review from '../../src/main/review/index.ts';
import type { NewItem } from '../../src/main/review/index.ts';
import type { Db } from '../../src/main/storage/index.ts';
import { getReviewer, letterRevision, readItemState } from '../../src/main/storage/index.ts';

export const TEST_ACTOR = { reviewer: 'Test Reviewer', origin: 'review' } as const;

/** The library's own reviewer when it has one, as the app would stamp. */
const actorOf = (db: Db) => ({ ...TEST_ACTOR, reviewer: getReviewer(db) ?? TEST_ACTOR.reviewer });
const refOf = (db: Db, letterId: number) => ({ letterId, revision: letterRevision(db, letterId) });
const letterOfItem = (db: Db, itemId: number) => readItemState(db, itemId).letterId;

export function verifyLetter(db: Db, letterId: number): void {
  review.verifyLetter(db, actorOf(db), refOf(db, letterId));
}

export function flagLetter(db: Db, letterId: number, reason: string): void {
  review.flagLetter(db, actorOf(db), refOf(db, letterId), reason);
}

export function reopenLetter(db: Db, letterId: number): void {
  review.reopenLetter(db, actorOf(db), refOf(db, letterId));
}

export function updateItemField(db: Db, itemId: number, field: ItemField, value: string | null): boolean {
  return review.editItemField(db, actorOf(db), refOf(db, letterOfItem(db, itemId)), itemId, field, { value }).changeId !== null;
}

export function setDecision(db: Db, itemId: number, decision: Decision | null): boolean {
  return updateItemField(db, itemId, 'decision', decision);
}

export function updateLetterField(db: Db, letterId: number, field: LetterField, value: string | null): boolean {
  return review.editLetterField(db, actorOf(db), refOf(db, letterId), field, { value }).changeId !== null;
}

export function setItemStatus(db: Db, itemId: number, status: ItemStatus): void {
  review.setItemStatus(db, actorOf(db), refOf(db, letterOfItem(db, itemId)), itemId, status);
}

export function addItem(db: Db, letterId: number, item: NewItem = {}): number {
  return review.addItem(db, actorOf(db), refOf(db, letterId), item).result;
}

export function deleteItem(db: Db, itemId: number): void {
  review.deleteItem(db, actorOf(db), refOf(db, letterOfItem(db, itemId)), itemId);
}

export function addNote(db: Db, letterId: number, body: string): number {
  return review.addNote(db, actorOf(db), refOf(db, letterId), body).result;
}
