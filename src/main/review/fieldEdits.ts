/** Correcting one field of a letter or of an item: the value, its source span and its edited mark. */
import { DECISIONS, LETTER_FORMATS } from '../../shared/letter.ts';
import type { Decision } from '../../shared/letter.ts';
import type { ItemField, LetterField } from '../../shared/library.ts';
import { ITEM_FIELDS, LETTER_FIELDS } from '../../shared/library.ts';
import type { Actor, ChangeOutcome, Db, LetterRef } from '../storage/index.ts';
import { change } from './derived.ts';
import {
  InvalidEditError,
  nowIso,
  readLetterState,
  refreshLetterSummary,
  writeItemState,
  writeLetterState,
} from '../storage/index.ts';
import { inputValue, planFieldEdit } from './fieldPlan.ts';
import type { FieldInput } from './fieldPlan.ts';
import { itemDetails, itemOfLetter } from './items.ts';

export type { FieldInput } from './fieldPlan.ts';

/** Sets an item field from a typed value or a source selection; `changeId` is null when nothing changed. */
export function editItemField(db: Db, actor: Actor, ref: LetterRef, itemId: number, field: ItemField, input: FieldInput): ChangeOutcome<void> {
  if (!(ITEM_FIELDS as readonly string[]).includes(field)) throw new InvalidEditError(`"${field}" is not an item field`);
  return change(db, { letter: ref, action: 'edit-field', actor }, () => {
    const item = itemOfLetter(db, ref.letterId, itemId);
    const { text } = readLetterState(db, ref.letterId);
    if (field === 'decision') checkDecision(inputValue(input, text));
    const plan = planFieldEdit(item, field, input, { text, addedByReviewer: item.addedByReviewer, resolvedBy: { by: actor.reviewer, at: nowIso() } });
    if (plan) {
      writeItemState(db, itemId, plan.write);
      refreshLetterSummary(db, ref.letterId);
    }
    return { details: { ...itemDetails(item), ...plan?.details }, result: undefined };
  });
}

export function setDecision(db: Db, actor: Actor, ref: LetterRef, itemId: number, decision: Decision | null): ChangeOutcome<void> {
  return editItemField(db, actor, ref, itemId, 'decision', { value: decision });
}

/** Sets a letter field (case number, header date, credentials, format). */
export function editLetterField(db: Db, actor: Actor, ref: LetterRef, field: LetterField, input: FieldInput): ChangeOutcome<void> {
  if (!(LETTER_FIELDS as readonly string[]).includes(field)) throw new InvalidEditError(`"${field}" is not a letter field`);
  return change(db, { letter: ref, action: 'edit-field', actor }, () => {
    const letter = readLetterState(db, ref.letterId);
    if (field === 'format') checkFormat(inputValue(input, letter.text));
    const plan = planFieldEdit(letter, field, input, { text: letter.text, addedByReviewer: false, resolvedBy: { by: actor.reviewer, at: nowIso() } });
    if (plan) {
      writeLetterState(db, ref.letterId, plan.write);
      refreshLetterSummary(db, ref.letterId);
    }
    return { details: { field, ...plan?.details }, result: undefined };
  });
}

export function checkDecision(value: string | null): void {
  if (value !== null && !(DECISIONS as readonly string[]).includes(value)) {
    throw new InvalidEditError(`A decision is ${DECISIONS.join(' or ')}, not "${value}"`);
  }
}

function checkFormat(value: string | null): void {
  if (!(LETTER_FORMATS as readonly (string | null)[]).includes(value)) {
    throw new InvalidEditError(`A letter format is one of ${LETTER_FORMATS.join(', ')}, not "${value}"`);
  }
}
