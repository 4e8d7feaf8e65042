/** Full-text search over letter text and item fields, best matches first, with highlighted snippets. */
import { FTS_ONE_ROW, toFtsQuery } from './ftsQuery.ts';
import { statement } from './sql.ts';
import type { Db } from './sql.ts';
import type { SearchHit } from '../../shared/library.ts';
import { SNIPPET_MARKERS } from '../../shared/library.ts';
export type { SearchHit } from '../../shared/library.ts';
export { SNIPPET_MARKERS } from '../../shared/library.ts';

export interface SearchOptions {
  readonly limit?: number;
  readonly markers?: readonly [open: string, close: string];
  /** Rank by relevance up to this many matching letters, by recency beyond (default RANKED_MATCH_LIMIT). */
  readonly rankedMatchLimit?: number;
}

const SNIPPET_TOKENS = 16;
/** Item hits read per letter wanted: several items of one letter can outrank other letters. */
const ITEM_HITS_PER_LETTER = 4;
/**
 * Past this many matching letters, bm25 costs more than it tells apart (it reads every
 * match's size, ~40 ms at 60,000 matches) and common words match near-identical boilerplate:
 * such searches list the most recently imported letters first instead.
 */
const RANKED_MATCH_LIMIT = 20_000;

/** Top hits of each index, best first; lower rank is better (bm25, or minus the rowid for recency). */
const RANKINGS = {
  relevance: {
    letters: 'SELECT rowid AS letterId, rank FROM letter_text_fts WHERE letter_text_fts MATCH ? ORDER BY rank LIMIT ?',
    items: `SELECT i.letter_id AS letterId, hits.itemId, hits.rank
      FROM (SELECT rowid AS itemId, rank FROM item_fts WHERE item_fts MATCH ? ORDER BY rank LIMIT ?) hits
      JOIN items i ON i.id = hits.itemId ORDER BY hits.rank`,
  },
  recency: {
    letters: 'SELECT rowid AS letterId, -rowid AS rank FROM letter_text_fts WHERE letter_text_fts MATCH ? ORDER BY rowid DESC LIMIT ?',
    items: `SELECT i.letter_id AS letterId, hits.itemId, -i.letter_id AS rank
      FROM (SELECT rowid AS itemId FROM item_fts WHERE item_fts MATCH ? ORDER BY rowid DESC LIMIT ?) hits
      JOIN items i ON i.id = hits.itemId ORDER BY i.letter_id DESC`,
  },
} as const;

/**
 * Best matches first (bm25), from the top hits of the letter-text index and of the item
 * index merged per letter; a letter's snippet comes from its best item when an item matched.
 */
export function searchLetters(db: Db, query: string, options: SearchOptions = {}): SearchHit[] {
  const match = toFtsQuery(query);
  if (match === null) return [];
  const limit = options.limit ?? 50;
  const [open, close] = options.markers ?? SNIPPET_MARKERS;

  const matches = (
    statement(db, 'SELECT COUNT(*) AS n FROM letter_text_fts WHERE letter_text_fts MATCH ?').get(match) as { n: number }
  ).n;
  const ranking = matches > (options.rankedMatchLimit ?? RANKED_MATCH_LIMIT) ? RANKINGS.recency : RANKINGS.relevance;
  const best = new Map<number, { rank: number; itemId: number | null }>();
  const textHits = statement(db, ranking.letters).all(match, limit) as { letterId: number; rank: number }[];
  for (const { letterId, rank } of textHits) best.set(letterId, { rank, itemId: null });
  const itemHits = statement(db, ranking.items).all(match, limit * ITEM_HITS_PER_LETTER) as {
    letterId: number;
    itemId: number;
    rank: number;
  }[];
  for (const { letterId, itemId, rank } of itemHits) {
    // Item hits come best first: the first one per letter names the item.
    const current = best.get(letterId);
    if (current && current.itemId !== null) continue;
    best.set(letterId, { rank: Math.min(rank, current?.rank ?? rank), itemId });
  }

  const ranked = [...best].sort(([idA, a], [idB, b]) => a.rank - b.rank || idA - idB).slice(0, limit);
  const describe = statement(db, 'SELECT case_number AS caseNumber, file_name AS fileName FROM letters WHERE id = ?');
  return ranked.map(([letterId, { itemId }]) => {
    const { caseNumber, fileName } = describe.get(letterId) as { caseNumber: string | null; fileName: string };
    const hit = { letterId, caseNumber, fileName, itemId };
    return { ...hit, snippet: snippetFor(db, match, hit, open, close) };
  });
}

/** An item's snippet when an item matched (it names the item), else one from the letter text. */
function snippetFor(db: Db, match: string, hit: Omit<SearchHit, 'snippet'>, open: string, close: string): string {
  const sql =
    hit.itemId === null
      ? `SELECT snippet(letter_text_fts, 0, @open, @close, '…', ${SNIPPET_TOKENS}) AS snippet
         FROM letter_text_fts WHERE letter_text_fts MATCH @match AND ${FTS_ONE_ROW}`
      : `SELECT snippet(item_fts, -1, @open, @close, '…', ${SNIPPET_TOKENS}) AS snippet
         FROM item_fts WHERE item_fts MATCH @match AND ${FTS_ONE_ROW}`;
  const row = statement(db, sql).get({ match, open, close, rowid: hit.itemId ?? hit.letterId }) as
    | { snippet: string }
    | undefined;
  return (row?.snippet ?? '').replace(/\s+/g, ' ').trim();
}
