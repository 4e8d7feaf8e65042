/** Full-text search over letter text and item fields, best matches first, with highlighted snippets. */
import { toFtsQuery } from './ftsQuery.ts';
import { statement } from './sql.ts';
import type { Db } from './sql.ts';

export interface SearchHit {
  readonly letterId: number;
  readonly caseNumber: string | null;
  readonly fileName: string;
  /** The best-matching item, when the match is in an item's fields. */
  readonly itemId: number | null;
  /** Matched text with each match between the two markers, whitespace collapsed. */
  readonly snippet: string;
}

export interface SearchOptions {
  readonly limit?: number;
  readonly markers?: readonly [open: string, close: string];
}

/** Default snippet markers: control characters that never occur in letter text, for the UI to split on. */
export const SNIPPET_MARKERS = ['\u0002', '\u0003'] as const;

const SNIPPET_TOKENS = 16;

export function searchLetters(db: Db, query: string, options: SearchOptions = {}): SearchHit[] {
  const match = toFtsQuery(query);
  if (match === null) return [];
  const [open, close] = options.markers ?? SNIPPET_MARKERS;
  const rows = statement(
    db,
    `WITH text_hits AS MATERIALIZED (
       SELECT rowid AS letter_id, rank FROM letter_text_fts WHERE letter_text_fts MATCH @match
     ), item_hits AS MATERIALIZED (
       SELECT i.letter_id, f.rowid AS item_id, f.rank
       FROM item_fts f JOIN items i ON i.id = f.rowid WHERE item_fts MATCH @match
     ), best AS (
       SELECT letter_id, MIN(rank) AS rank
       FROM (SELECT letter_id, rank FROM text_hits UNION ALL SELECT letter_id, rank FROM item_hits)
       GROUP BY letter_id ORDER BY rank, letter_id LIMIT @limit
     )
     SELECT b.letter_id AS letterId, l.case_number AS caseNumber, l.file_name AS fileName,
       (SELECT item_id FROM item_hits h WHERE h.letter_id = b.letter_id ORDER BY h.rank LIMIT 1) AS itemId
     FROM best b JOIN letters l ON l.id = b.letter_id
     ORDER BY b.rank, b.letter_id`,
  ).all({ match, limit: options.limit ?? 50 }) as Omit<SearchHit, 'snippet'>[];
  return rows.map((row) => ({ ...row, snippet: snippetFor(db, match, row, open, close) }));
}

/** An item's snippet when an item matched (it names the item), else one from the letter text. */
function snippetFor(db: Db, match: string, hit: Omit<SearchHit, 'snippet'>, open: string, close: string): string {
  const sql =
    hit.itemId === null
      ? `SELECT snippet(letter_text_fts, 0, @open, @close, '…', ${SNIPPET_TOKENS}) AS snippet
         FROM letter_text_fts WHERE letter_text_fts MATCH @match AND rowid = @rowid`
      : `SELECT snippet(item_fts, -1, @open, @close, '…', ${SNIPPET_TOKENS}) AS snippet
         FROM item_fts WHERE item_fts MATCH @match AND rowid = @rowid`;
  const row = statement(db, sql).get({ match, open, close, rowid: hit.itemId ?? hit.letterId }) as
    | { snippet: string }
    | undefined;
  return (row?.snippet ?? '').replace(/\s+/g, ' ').trim();
}
