/** A letter's review status as a row: verified, flagged, being reviewed. */
import type { LetterStatus } from '../../shared/library.ts';
import { NotFoundError } from './errors.ts';
import type { Db } from './sql.ts';
import { statement } from './sql.ts';

export interface LetterReview {
  readonly status: LetterStatus;
  readonly flagReason: string | null;
  readonly verifiedAt: string | null;
  readonly verifiedBy: string | null;
}

export function writeLetterReview(db: Db, letterId: number, review: LetterReview): void {
  const { changes } = statement(db, 'UPDATE letters SET status = ?, flag_reason = ?, verified_at = ?, verified_by = ? WHERE id = ?').run(
    review.status,
    review.flagReason,
    review.verifiedAt,
    review.verifiedBy,
    letterId,
  );
  if (changes === 0) throw new NotFoundError('letter', letterId);
}

/** How messages name a letter: its case number, else its file name. */
export function letterLabel(db: Db, letterId: number): string {
  const row = statement(db, 'SELECT case_number, file_name FROM letters WHERE id = ?').get(letterId) as
    | { case_number: string | null; file_name: string }
    | undefined;
  if (!row) throw new NotFoundError('letter', letterId);
  return row.case_number ?? row.file_name;
}
