/**
 * Tags and notes on one letter: recorded and undoable like any change, and refused on a verified
 * letter; a note or a letter tag is commentary (it does not start the letter's review).
 */
import type { Actor, ChangeOutcome, Db, LetterRef } from '../storage/index.ts';
import { change } from './derived.ts';
import { deleteNoteRow, getNote, getTag, insertNote, InvalidEditError, letterLabel, nowIso, tagItem, tagLetter, untagItem, untagLetter } from '../storage/index.ts';
import { itemDetails, itemOfLetter } from './items.ts';

/** Puts a tag on the letter (`on: true`) or takes it off. */
export function setLetterTag(db: Db, actor: Actor, ref: LetterRef, tagId: number, on: boolean): ChangeOutcome<void> {
  return change(db, { letter: ref, action: on ? 'tag' : 'untag', actor, commentary: true }, () => {
    const tag = getTag(db, tagId);
    if (on) tagLetter(db, ref.letterId, tagId);
    else untagLetter(db, ref.letterId, tagId);
    return { details: { tagName: tag.name }, result: undefined };
  });
}

/** Puts a tag on one of the letter's items, or takes it off. */
export function setItemTag(db: Db, actor: Actor, ref: LetterRef, itemId: number, tagId: number, on: boolean): ChangeOutcome<void> {
  return change(db, { letter: ref, action: on ? 'tag' : 'untag', actor }, () => {
    const item = itemOfLetter(db, ref.letterId, itemId);
    const tag = getTag(db, tagId);
    if (on) tagItem(db, itemId, tagId);
    else untagItem(db, itemId, tagId);
    return { details: { ...itemDetails(item), tagName: tag.name }, result: undefined };
  });
}

/** Adds a note signed by the reviewer; returns its id. */
export function addNote(db: Db, actor: Actor, ref: LetterRef, body: string): ChangeOutcome<number> {
  const text = body.trim();
  if (text === '') throw new InvalidEditError('A note cannot be empty');
  return change(db, { letter: ref, action: 'add-note', actor, commentary: true }, () => ({
    details: { text },
    result: insertNote(db, ref.letterId, text, actor.reviewer, nowIso()),
  }));
}

export function deleteNote(db: Db, actor: Actor, ref: LetterRef, noteId: number): ChangeOutcome<void> {
  return change(db, { letter: ref, action: 'delete-note', actor, commentary: true }, () => {
    const note = getNote(db, noteId);
    if (note.letterId !== ref.letterId) throw new InvalidEditError(`Note ${noteId} is not a note of ${letterLabel(db, ref.letterId)}`);
    deleteNoteRow(db, noteId);
    return { details: { text: note.body }, result: undefined };
  });
}
