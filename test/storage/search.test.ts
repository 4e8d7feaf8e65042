import { beforeEach, describe, expect, it } from 'vitest';
import { toFtsQuery } from '../../src/main/storage/ftsQuery.ts';
import { deleteItem, updateItemField } from '../review/asReviewer.ts';
import { getLetter, insertParsedLetter } from '../../src/main/storage/letters.ts';
import { searchLetters, SNIPPET_MARKERS } from '../../src/main/storage/search.ts';
import type { Db } from '../../src/main/storage/sql.ts';
import { buildLetter, useTempFolder } from './helpers.ts';

const temp = useTempFolder();

let db: Db;
let lumbarId: number;
let kneeId: number;

beforeEach(() => {
  db = temp.library({ reviewer: 'Dana Reyes' }).db;
  const lumbar = buildLetter({
    caseNumber: 'CM16-0213037',
    summary: 'The worker fell from a ladder and reports radicular symptoms.',
    items: [
      {
        service: 'Lumbar epidural steroid injection L4-L5',
        decision: 'Upheld',
        rationale: 'Radiculopathy is not corroborated by imaging.',
      },
    ],
  });
  const knee = buildLetter({
    caseNumber: 'CM17-0000456',
    items: [
      { service: 'Knee arthroscopy', decision: 'Overturned', rationale: 'Meniscal tear confirmed; surgery is indicated.' },
      { service: 'Post-op physical therapy x12', decision: 'Overturned', maximusGuideline: 'MTUS Postsurgical Treatment 2009' },
    ],
  });
  lumbarId = insertParsedLetter(db, lumbar.source, lumbar.parsed, null).letterId;
  kneeId = insertParsedLetter(db, knee.source, knee.parsed, null).letterId;
});

const [OPEN, CLOSE] = SNIPPET_MARKERS;

describe('searchLetters', () => {
  it('finds item fields and names the matching item', () => {
    const [hit, ...rest] = searchLetters(db, 'postsurgical');
    expect(rest).toEqual([]);
    expect(hit?.letterId).toBe(kneeId);
    expect(hit?.caseNumber).toBe('CM17-0000456');
    expect(hit?.fileName).toBe('CM17-0000456.txt');
    expect(hit?.itemId).toBe(getLetter(db, kneeId)?.items[1]?.id);
    expect(hit?.snippet).toContain(`${OPEN}Postsurgical${CLOSE}`);
  });

  it('finds text that is only in the letter, with a text snippet', () => {
    const [hit, ...rest] = searchLetters(db, 'ladder', { markers: ['[', ']'] });
    expect(rest).toEqual([]);
    expect(hit).toMatchObject({ letterId: lumbarId, itemId: null });
    expect(hit?.snippet).toContain('fell from a [ladder] and reports');
  });

  it('supports phrases, prefixes and OR', () => {
    expect(searchLetters(db, '"steroid injection"').map((hit) => hit.letterId)).toEqual([lumbarId]);
    expect(searchLetters(db, '"injection steroid"')).toEqual([]);
    expect(searchLetters(db, 'arthro*').map((hit) => hit.letterId)).toEqual([kneeId]);
    expect(new Set(searchLetters(db, 'ladder OR meniscal').map((hit) => hit.letterId))).toEqual(new Set([lumbarId, kneeId]));
    expect(searchLetters(db, 'ladder meniscal')).toEqual([]);
  });

  it('follows item edits and deletions', () => {
    const kneeItems = getLetter(db, kneeId)?.items ?? [];
    updateItemField(db, kneeItems[0]?.id ?? 0, 'rationale', 'Corrected wording: synovectomy warranted.');
    expect(searchLetters(db, 'synovectomy').map((hit) => hit.itemId)).toEqual([kneeItems[0]?.id]);
    deleteItem(db, kneeItems[0]?.id ?? 0);
    expect(searchLetters(db, 'synovectomy')).toEqual([]);
    // The letter text itself still says it.
    expect(searchLetters(db, 'meniscal').map((hit) => [hit.letterId, hit.itemId])).toEqual([[kneeId, null]]);
  });

  it('survives hostile and empty queries', () => {
    const hostile = ['"', 'AND(', 'NEAR(knee', 'knee"', '"knee', '*', 'OR', 'knee OR', 'OR knee', 'a:b', '-knee',
      '^knee', '(((', ')', 'knee AND', 'NOT', '{col}: x', "'; DROP TABLE letters; --", '', '   ', '\u0000'];
    for (const query of hostile) {
      expect(() => searchLetters(db, query), query).not.toThrow();
    }
    expect(searchLetters(db, 'knee"').map((hit) => hit.letterId)).toEqual([kneeId]);
    // A stray operator is just the word: both letters say "DECISIONS AND RATIONALES".
    expect(searchLetters(db, 'AND(')).toHaveLength(2);
    expect(searchLetters(db, 'OR knee').map((hit) => hit.letterId)).toEqual([kneeId]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM letters').get()).toEqual({ n: 2 });
  });

  it('ranks by relevance, and by recency once more letters match than ranking is worth', () => {
    // The newest letter mentions the knee once, deep in a long rationale: it ranks lower on relevance.
    const filler = Array.from({ length: 120 }, (_, i) => `finding${i}`).join(' ');
    const third = buildLetter({
      caseNumber: 'CM17-0000999',
      items: [{ service: 'Lumbar brace', decision: 'Upheld', rationale: `${filler} and an old knee sprain.` }],
    });
    const newestId = insertParsedLetter(db, third.source, third.parsed, null).letterId;
    expect(searchLetters(db, 'knee').map((hit) => hit.letterId)[0]).toBe(kneeId);
    expect(searchLetters(db, 'knee', { rankedMatchLimit: 1 }).map((hit) => hit.letterId)).toEqual([newestId, kneeId]);
  });

  it('limits the number of letters returned', () => {
    expect(searchLetters(db, 'decision', { limit: 1 })).toHaveLength(1);
    expect(searchLetters(db, 'decision')).toHaveLength(2);
  });
});

describe('toFtsQuery', () => {
  it('quotes every term so operators and punctuation are text', () => {
    expect(toFtsQuery('knee AND(')).toBe('"knee" "AND("');
    expect(toFtsQuery('"steroid injection" L4-L5 arthro*')).toBe('"steroid injection" "L4-L5" "arthro"*');
    expect(toFtsQuery('OR a OR OR b OR')).toBe('"a" OR "b"');
    expect(toFtsQuery('" ( ) * ')).toBeNull();
  });
});
