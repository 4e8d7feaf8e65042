/**
 * Where a search matched in one letter's text, as FTS5 itself found it: highlight() over that one
 * row, so a prefix (lumb*) marks the words it matched and a phrase is marked as the phrase, with
 * the same tokenizer (case and diacritics folded) the queue's search used. One row is read by
 * rowid, so the cost does not grow with the library.
 */
import type { Span } from '../../shared/letter.ts';
import { FTS_ONE_ROW, toFtsQuery } from './ftsQuery.ts';
import type { Db } from './sql.ts';
import { statement } from './sql.ts';

/** Markers that never occur in letter text (the snippet markers), so they can be counted out exactly. */
const OPEN = '\u0002';
const CLOSE = '\u0003';

/** The [start, end) offsets in the letter's text of every match of `search`, in order; empty when nothing matched there. */
export function searchMarks(db: Db, letterId: number, search: string): Span[] {
  const match = toFtsQuery(search);
  if (match === null) return [];
  const row = statement(
    db,
    `SELECT highlight(letter_text_fts, 0, '${OPEN}', '${CLOSE}') AS marked FROM letter_text_fts WHERE letter_text_fts MATCH @match AND ${FTS_ONE_ROW}`,
  ).get({ match, rowid: letterId }) as { marked: string } | undefined;
  return row ? markedSpans(row.marked) : [];
}

/** The spans between the markers, as offsets into the text without them. */
export function markedSpans(marked: string): Span[] {
  const spans: Span[] = [];
  let offset = 0;
  let start = -1;
  for (const char of marked) {
    if (char === OPEN) start = offset;
    else if (char === CLOSE) {
      if (start >= 0) spans.push([start, offset]);
      start = -1;
    } else offset += char.length;
  }
  return spans;
}
