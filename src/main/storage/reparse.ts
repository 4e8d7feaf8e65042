/**
 * Re-parsing letters with a newer parser. Only letters nobody has touched are replaced:
 * unreviewed, no recorded change to their data (notes and letter tags are commentary), no
 * human-edited, reviewer-added or tagged items.
 */
import type { ParsedLetter } from '../../shared/letter.ts';
import { NotFoundError } from './errors.ts';
import { insertParsedItems, PARSED_LETTER_ASSIGNMENTS, parsedLetterColumns } from './parsedRows.ts';
import { inWriteTransaction, nowIso, statement } from './sql.ts';
import type { Db } from './sql.ts';
import { refreshLetterSummary } from './summary.ts';

export interface ReparseCandidate {
  readonly id: number;
  readonly sha256: string;
  readonly filePath: string;
  readonly parserVersion: string;
}

/** True for a letter `l` that holds no human work, so its parse may be replaced. */
const UNTOUCHED_LETTER = `
  l.status = 'unreviewed'
  AND l.human_edited = '[]'
  AND NOT EXISTS (
    SELECT 1 FROM change_group_letters h JOIN change_groups g ON g.id = h.group_id
    WHERE h.letter_id = l.id AND g.commentary = 0 AND g.state = 'done')
  AND NOT EXISTS (
    SELECT 1 FROM items i
    WHERE i.letter_id = l.id
      AND (i.human_edited <> '[]' OR i.added_by_reviewer = 1
           OR EXISTS (SELECT 1 FROM item_tags t WHERE t.item_id = i.id)))`;

/** Untouched letters parsed by a parser version other than `parserVersion`, in import order. */
export function listReparseCandidates(db: Db, parserVersion: string): ReparseCandidate[] {
  return statement(
    db,
    `SELECT l.id, l.sha256, l.file_path AS filePath, l.parser_version AS parserVersion
     FROM letters l WHERE l.parser_version <> ? AND ${UNTOUCHED_LETTER} ORDER BY l.id`,
  ).all(parserVersion) as ReparseCandidate[];
}

/**
 * Replaces the parse of an untouched letter (fields, spans, warnings, items); its text, tags
 * and notes stay. Returns false, changing nothing, when the letter holds human work.
 */
export function replaceParse(db: Db, letterId: number, parsed: ParsedLetter): boolean {
  return inWriteTransaction(db, () => {
    if (statement(db, 'SELECT 1 FROM letters WHERE id = ?').get(letterId) === undefined) {
      throw new NotFoundError('letter', letterId);
    }
    const untouched = statement(db, `SELECT 1 FROM letters l WHERE l.id = ? AND ${UNTOUCHED_LETTER}`).get(letterId);
    if (untouched === undefined) return false;
    statement(db, `UPDATE letters SET ${PARSED_LETTER_ASSIGNMENTS}, updated_at = @now, revision = revision + 1 WHERE id = @letterId`).run({
      ...parsedLetterColumns(parsed),
      now: nowIso(),
      letterId,
    });
    statement(db, 'DELETE FROM items WHERE letter_id = ?').run(letterId);
    insertParsedItems(db, letterId, parsed.items);
    refreshLetterSummary(db, letterId);
    return true;
  });
}
