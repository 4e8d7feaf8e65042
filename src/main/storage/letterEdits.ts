/** Reviewer changes to a letter: correcting its fields and moving it through review (verify, flag, reopen). */
import type { Span } from '../../shared/letter.ts';
import { LETTER_FORMATS } from '../../shared/letter.ts';
import { InvalidEditError, LetterReadOnlyError } from './errors.ts';
import { applyFieldEdit } from './fieldEdits.ts';
import { isLetterField, LETTER_FIELD_COLUMNS } from './fields.ts';
import type { LetterField, LetterStatus } from './fields.ts';
import { beginLetterChange, letterStatus, recordChange } from './history.ts';
import type { ChangeContext } from './history.ts';
import { requireReviewer } from './reviewer.ts';
import { inWriteTransaction, nowIso, statement } from './sql.ts';
import type { Db } from './sql.ts';

/** Corrects a letter field (case number, header date, credentials, format). Returns whether anything changed. */
export function updateLetterField(
  db: Db,
  letterId: number,
  field: LetterField,
  value: string | null,
  options: { readonly span?: Span | null } = {},
): boolean {
  if (!isLetterField(field)) throw new InvalidEditError(`"${field}" is not an editable letter field`);
  if (field === 'format' && !(LETTER_FORMATS as readonly (string | null)[]).includes(value)) {
    throw new InvalidEditError(`"${value}" is not a letter format`);
  }
  return inWriteTransaction(db, () => {
    const context = beginLetterChange(db, letterId);
    return applyFieldEdit(db, context, {
      entityType: 'letter',
      entityId: letterId,
      field,
      column: LETTER_FIELD_COLUMNS[field],
      value,
      ...(options.span === undefined ? {} : { span: options.span }),
    });
  });
}

/** Marks the letter verified by the reviewer; it stays read-only until reopened. */
export function verifyLetter(db: Db, letterId: number): void {
  inWriteTransaction(db, () => {
    const context = statusChange(db, letterId);
    const previous = letterStatus(db, letterId);
    if (previous === 'verified') return;
    statement(
      db,
      `UPDATE letters SET status = 'verified', flag_reason = NULL, verified_at = @at, verified_by = @reviewer,
         updated_at = @at WHERE id = @letterId`,
    ).run(context);
    recordStatus(db, context, previous, 'verified');
  });
}

/** Flags the letter for attention with a reason; a verified letter must be reopened first. */
export function flagLetter(db: Db, letterId: number, reason: string): void {
  const trimmed = reason.trim();
  if (trimmed === '') throw new InvalidEditError('Say why the letter is flagged');
  inWriteTransaction(db, () => {
    const context = statusChange(db, letterId);
    const previous = letterStatus(db, letterId);
    if (previous === 'verified') throw new LetterReadOnlyError(letterId);
    const { flag_reason: previousReason } = statement(db, 'SELECT flag_reason FROM letters WHERE id = ?').get(
      letterId,
    ) as { flag_reason: string | null };
    statement(
      db,
      "UPDATE letters SET status = 'flagged', flag_reason = ?, updated_at = ? WHERE id = ?",
    ).run(trimmed, context.at, letterId);
    if (previous !== 'flagged') recordStatus(db, context, previous, 'flagged');
    if (previousReason !== trimmed) {
      recordChange(db, context, {
        entityType: 'letter',
        entityId: letterId,
        action: 'set-status',
        field: 'flagReason',
        oldValue: previousReason,
        newValue: trimmed,
      });
    }
  });
}

/** Takes a verified or flagged letter back to 'in_progress' so it can be edited; other letters are left alone. */
export function reopenLetter(db: Db, letterId: number): void {
  inWriteTransaction(db, () => {
    const context = statusChange(db, letterId);
    const previous = letterStatus(db, letterId);
    if (previous !== 'verified' && previous !== 'flagged') return;
    statement(
      db,
      `UPDATE letters SET status = 'in_progress', flag_reason = NULL, verified_at = NULL, verified_by = NULL,
         updated_at = ? WHERE id = ?`,
    ).run(context.at, letterId);
    recordStatus(db, context, previous, 'in_progress');
  });
}

function statusChange(db: Db, letterId: number): ChangeContext {
  return { letterId, reviewer: requireReviewer(db), at: nowIso() };
}

function recordStatus(db: Db, context: ChangeContext, from: LetterStatus, to: LetterStatus): void {
  recordChange(db, context, {
    entityType: 'letter',
    entityId: context.letterId,
    action: 'set-status',
    field: 'status',
    oldValue: from,
    newValue: to,
  });
}
