/** Blind passes as the library keeps them: the letters each holds, and what was entered and compared. */
import type { BlindMode, BlindPass, BlindValues } from '../../../shared/quality.ts';
import { InvalidEditError, NotFoundError } from '../errors.ts';
import { inWriteTransaction, nowIso, parseJson, statement } from '../sql.ts';
import type { Db } from '../sql.ts';

/** A pass takes verified letters only: their verified values are what it is compared with. */
export function insertBlindPass(db: Db, reviewer: string, mode: BlindMode, letterIds: readonly number[]): number {
  return inWriteTransaction(db, () => {
    const unique = [...new Set(letterIds)];
    const isVerified = statement(db, "SELECT status = 'verified' AS verified FROM letters WHERE id = ?").pluck();
    const notVerified = unique.filter((letterId) => isVerified.get(letterId) !== 1);
    if (notVerified.length === unique.length) throw new InvalidEditError('A blind pass re-reads verified letters, and none of these is verified yet');
    const { lastInsertRowid } = statement(db, 'INSERT INTO blind_passes (reviewer, mode, created_at) VALUES (?, ?, ?)').run(reviewer, mode, nowIso());
    const passId = Number(lastInsertRowid);
    const add = statement(db, 'INSERT INTO blind_letters (pass_id, letter_id, position) VALUES (?, ?, ?)');
    const skipped = new Set(notVerified);
    unique.filter((letterId) => !skipped.has(letterId)).forEach((letterId, position) => add.run(passId, letterId, position));
    return passId;
  });
}

const PASS_SQL = `SELECT p.id, p.reviewer, p.mode, p.created_at AS createdAt,
    (SELECT COUNT(*) FROM blind_letters b WHERE b.pass_id = p.id) AS letters,
    (SELECT COUNT(*) FROM blind_letters b WHERE b.pass_id = p.id AND b.submitted_at IS NOT NULL) AS submitted
  FROM blind_passes p`;

export function listBlindPasses(db: Db): BlindPass[] {
  return statement(db, `${PASS_SQL} ORDER BY p.id DESC`).all() as BlindPass[];
}

export function getBlindPass(db: Db, passId: number): BlindPass {
  const pass = statement(db, `${PASS_SQL} WHERE p.id = ?`).get(passId) as BlindPass | undefined;
  if (!pass) throw new NotFoundError('blind pass', passId);
  return pass;
}

/** What the pass's reviewer entered for the letter; undefined when the letter is not in the pass, null before it is entered. */
export function blindEntry(db: Db, passId: number, letterId: number): BlindValues | null | undefined {
  const row = statement(db, 'SELECT blind FROM blind_letters WHERE pass_id = ? AND letter_id = ?').get(passId, letterId) as { blind: string | null } | undefined;
  if (!row) return undefined;
  return row.blind === null ? null : parseJson<BlindValues>(row.blind);
}

export function writeBlindEntry(db: Db, passId: number, letterId: number, entry: { blind: BlindValues; verified: BlindValues; verifiedBy: string | null }): void {
  statement(db, 'UPDATE blind_letters SET submitted_at = ?, blind = ?, verified = ?, verified_by = ? WHERE pass_id = ? AND letter_id = ?').run(
    nowIso(),
    JSON.stringify(entry.blind),
    JSON.stringify(entry.verified),
    entry.verifiedBy,
    passId,
    letterId,
  );
}

/** One entered letter of a pass: who entered it, what, and the verified values and verifier it was compared with. */
export interface BlindComparison {
  readonly passId: number;
  readonly letterId: number;
  readonly reviewer: string;
  readonly verifiedBy: string | null;
  readonly blind: BlindValues;
  readonly verified: BlindValues;
}

export function listBlindComparisons(db: Db): BlindComparison[] {
  const rows = statement(
    db,
    `SELECT b.pass_id AS passId, b.letter_id AS letterId, p.reviewer, b.verified_by AS verifiedBy, b.blind, b.verified
     FROM blind_letters b JOIN blind_passes p ON p.id = b.pass_id WHERE b.submitted_at IS NOT NULL ORDER BY b.pass_id, b.position`,
  ).all() as { passId: number; letterId: number; reviewer: string; verifiedBy: string | null; blind: string; verified: string }[];
  return rows.map((row) => ({ ...row, blind: parseJson<BlindValues>(row.blind), verified: parseJson<BlindValues>(row.verified) }));
}

/** Each item's category as the letter reads now (the vocabulary's, or a person's correction), in letter order. */
export function itemCategories(db: Db, letterId: number): (string | null)[] {
  return statement(
    db,
    `SELECT (SELECT f.value FROM item_facets f WHERE f.item_id = i.id AND f.facet = 'category' LIMIT 1) FROM items i WHERE i.letter_id = ? ORDER BY i.position`,
  )
    .pluck()
    .all(letterId) as (string | null)[];
}

/** How many adjudications are waiting, and decided. */
export function adjudicationCounts(db: Db): { open: number; resolved: number } {
  return statement(db, 'SELECT COUNT(*) FILTER (WHERE resolution IS NULL) AS open, COUNT(*) FILTER (WHERE resolution IS NOT NULL) AS resolved FROM dataset_conflicts').get() as {
    open: number;
    resolved: number;
  };
}
