/**
 * A letter's review status as a dataset conflict holds it (field 'status'): "verified", or
 * "flagged: <reason>". Only a decided status is a side's word on the letter; a letter still
 * unreviewed or in progress says nothing about it, so it has no value here.
 */
import type { LetterStatus } from '../../shared/library.ts';

export const STATUS_FIELD = 'status';

const VERIFIED = 'verified';
const FLAGGED = 'flagged';
const REASON_AFTER = `${FLAGGED}: `;

/** The status a side decided, as a conflict's value; null when the letter is still being reviewed. */
export function statusValue(letter: { readonly status: LetterStatus; readonly flagReason: string | null }): string | null {
  if (letter.status === 'verified') return VERIFIED;
  if (letter.status !== 'flagged') return null;
  return letter.flagReason === null ? FLAGGED : `${REASON_AFTER}${letter.flagReason}`;
}

export type DecidedStatus = { readonly status: 'verified' } | { readonly status: 'flagged'; readonly flagReason: string | null };

/** The status a conflict's value stands for; null for a value statusValue never gives. */
export function decidedStatus(value: string | null): DecidedStatus | null {
  if (value === VERIFIED) return { status: 'verified' };
  if (value === FLAGGED) return { status: 'flagged', flagReason: null };
  if (value?.startsWith(REASON_AFTER)) return { status: 'flagged', flagReason: value.slice(REASON_AFTER.length) };
  return null;
}
