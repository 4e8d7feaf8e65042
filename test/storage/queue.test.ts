import { beforeEach, describe, expect, it } from 'vitest';
import type { Decision, LetterFormat, WarningCode } from '../../src/shared/letter.ts';
import { flagLetter, updateItemField, verifyLetter } from '../review/asReviewer.ts';
import { getLetter, insertParsedLetter } from '../../src/main/storage/letters.ts';
import { countQueue, queryQueue, queuePosition, queueProgress, queueSql } from '../../src/main/storage/queue.ts';
import type { QueueFilter, QueueQuery } from '../../src/main/storage/queue.ts';
import type { Db } from '../../src/main/storage/sql.ts';
import { createTag, tagItem, tagLetter } from '../../src/main/storage/tags.ts';
import { buildLetter, useTempFolder } from './helpers.ts';

const temp = useTempFolder();

interface Sample {
  caseNumber: string | null;
  decisions: (Decision | null)[];
  format?: LetterFormat;
  warnings?: WarningCode[];
  rationale?: string;
}

// Imported in this order, so ids 1..6 are the import order.
const SAMPLES: Sample[] = [
  { caseNumber: 'CM16-0000005', decisions: ['Upheld'] },
  { caseNumber: 'CM16-0000002', decisions: ['Upheld', 'Overturned'], warnings: ['header-missing'] },
  { caseNumber: null, decisions: [null], format: 'unknown', warnings: ['unknown-format', 'case-number-missing'] },
  { caseNumber: 'CM16-0000004', decisions: ['Overturned'], rationale: 'Chiropractic manipulation is supported.' },
  { caseNumber: 'CM16-0000001', decisions: ['Upheld', 'Upheld'], format: 'F1-prose-credentials' },
  { caseNumber: 'CM16-0000003', decisions: [], warnings: ['no-items'] },
];

let db: Db;
let ids: number[];

beforeEach(() => {
  db = temp.library({ reviewer: 'Dana Reyes' }).db;
  ids = SAMPLES.map((sample, n) => {
    const { source, parsed } = buildLetter({
      caseNumber: sample.caseNumber,
      fileName: `letter-${n + 1}.txt`,
      format: sample.format ?? 'F1-credentials-block',
      warnings: sample.warnings ?? [],
      items: sample.decisions.map((decision, index) => ({
        service: `Service ${n}-${index}`,
        decision,
        ...(sample.rationale ? { rationale: sample.rationale } : {}),
      })),
    });
    return insertParsedLetter(db, source, parsed, null).letterId;
  });
});

function idsOf(query: Partial<QueueQuery>): number[] {
  return queryQueue(db, { sort: 'import', offset: 0, limit: 100, ...query }).map((row) => ids.indexOf(row.id) + 1);
}

describe('queryQueue', () => {
  it('sorts by import order, case number, or attention (most warnings first)', () => {
    expect(idsOf({ sort: 'import' })).toEqual([1, 2, 3, 4, 5, 6]);
    expect(idsOf({ sort: 'caseNumber' })).toEqual([3, 5, 2, 6, 4, 1]);
    expect(idsOf({ sort: 'attention' })).toEqual([3, 2, 6, 1, 4, 5]);
  });

  it('filters by status, decision, format and warnings', () => {
    verifyLetter(db, ids[0] ?? 0);
    flagLetter(db, ids[3] ?? 0, 'Unreadable page');
    expect(idsOf({ status: 'verified' })).toEqual([1]);
    expect(idsOf({ status: 'flagged' })).toEqual([4]);
    expect(idsOf({ status: 'unreviewed', sort: 'caseNumber' })).toEqual([3, 5, 2, 6]);
    expect(idsOf({ decision: 'Overturned' })).toEqual([2, 4]);
    expect(idsOf({ decision: 'Upheld', sort: 'caseNumber' })).toEqual([5, 2, 1]);
    expect(idsOf({ format: 'unknown' })).toEqual([3]);
    expect(idsOf({ hasWarnings: true })).toEqual([2, 3, 6]);
    expect(idsOf({ hasWarnings: false, decision: 'Upheld' })).toEqual([1, 5]);
  });

  it('follows decision edits through the letter counts', () => {
    updateItemField(db, getLetter(db, ids[2] ?? 0)?.items[0]?.id ?? 0, 'decision', 'Overturned');
    expect(idsOf({ decision: 'Overturned' })).toEqual([2, 3, 4]);
  });

  it('filters by a tag on the letter or on one of its items', () => {
    const tagId = createTag(db, { name: 'Second look', colour: '#aa0000' });
    tagLetter(db, ids[4] ?? 0, tagId);
    tagItem(db, getLetter(db, ids[1] ?? 0)?.items[1]?.id ?? 0, tagId);
    expect(idsOf({ tagId })).toEqual([2, 5]);
    expect(countQueue(db, { tagId })).toBe(2);
  });

  it('filters by full-text search over letter text and item fields', () => {
    expect(idsOf({ search: 'chiropractic' })).toEqual([4]);
    expect(idsOf({ search: 'CM16-0000002' })).toEqual([2]);
    expect(idsOf({ search: '  ' })).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('returns the row fields and pages without overlap', () => {
    const [second] = queryQueue(db, { sort: 'import', offset: 1, limit: 1 });
    expect(second).toEqual({
      id: ids[1],
      status: 'unreviewed',
      caseNumber: 'CM16-0000002',
      fileName: 'letter-2.txt',
      format: 'F1-credentials-block',
      itemCount: 2,
      upheldCount: 1,
      overturnedCount: 1,
      warningCount: 1,
      checkCount: 0,
    });
    const pages = [0, 2, 4].map((offset) => idsOf({ sort: 'caseNumber', offset, limit: 2 }));
    expect(pages).toEqual([
      [3, 5],
      [2, 6],
      [4, 1],
    ]);
    expect(() => queryQueue(db, { sort: 'import', offset: -1, limit: 10 })).toThrow('Bad queue offset -1');
    expect(() => queryQueue(db, { sort: 'import', offset: 0, limit: 0 })).toThrow(/^Queue page size must be 1\.\.\d+, not 0$/);
  });
});

describe('queue query plans', () => {
  // Paging stays fast at 100,000 letters only if each page is one scan of a covering index
  // with no sort step; the plan shows that without timing anything.
  it('read one covering index per sort and never sort rows', () => {
    const filters = [{}, { status: 'unreviewed' }, { decision: 'Overturned' }, { hasWarnings: false }, { format: 'F2' },
      { status: 'flagged', decision: 'Upheld', hasWarnings: true }, { decidedIn: '2016-12' }, { decidedIn: '2016' }, { decidedIn: '2015..2016' },
      { decidedIn: 'unknown' }, { reviewerSpecialty: 'Pain Medicine' }, { reviewerSpecialty: null }] as const;
    const indexes = { import: 'queue_by_import', caseNumber: 'queue_by_case_number', attention: 'queue_by_attention' };
    for (const [sort, index] of Object.entries(indexes) as [QueueQuery['sort'], string][]) {
      for (const filter of filters) {
        const { sql, params } = queueSql({ sort, offset: 5000, limit: 100, ...filter });
        const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((row) => row.detail);
        expect(plan, `${sort} ${JSON.stringify(filter)}`).toHaveLength(1);
        expect(plan[0]).toMatch(new RegExp(`^(SCAN|SEARCH) l USING COVERING INDEX ${index}\\b`));
      }
    }
  });
});

describe('queue criteria on one item', () => {
  // What the insights' bars open: read from an index, never from the items' rows.
  const planOf = (filter: Omit<QueueQuery, 'sort' | 'offset' | 'limit'>) => {
    const { sql, params } = queueSql({ sort: 'attention', offset: 0, limit: 100, ...filter });
    return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((row) => row.detail).join('\n');
  };

  it('read one facet value, with or without a decision, from the per-letter counts of each value', () => {
    for (const decision of [undefined, 'Upheld', 'Overturned', 'none'] as const) {
      const plan = planOf({ items: [{ ...(decision === undefined ? {} : { decision }), facets: [{ facet: 'category', values: ['physical-therapy', 'chiropractic'] }] }] });
      expect(plan, String(decision)).toMatch(/SEARCH letter_facets USING COVERING INDEX letter_facets_by_value \(facet=\? AND value=\?\)/);
      expect(plan, String(decision)).not.toMatch(/\bitems?\b|item_facets/);
    }
  });

  it('read partial certifications, with or without a decision, from the letter counts every queue index holds', () => {
    for (const decision of [undefined, 'Upheld', 'Overturned', 'none'] as const) {
      expect(planOf({ items: [{ partial: true, ...(decision === undefined ? {} : { decision }) }] }), String(decision)).toMatch(/^SCAN l USING COVERING INDEX queue_by_attention$/);
    }
  });
});

describe('countQueue and queueProgress', () => {
  it('count what the filters select and how many letters are verified', () => {
    verifyLetter(db, ids[1] ?? 0);
    verifyLetter(db, ids[4] ?? 0);
    expect(countQueue(db)).toBe(6);
    expect(countQueue(db, { decision: 'Upheld', status: 'verified' })).toBe(2);
    // Verifying a letter answers its warnings: they no longer count.
    expect(countQueue(db, { hasWarnings: true })).toBe(2);
    expect(queueProgress(db)).toEqual({ total: 6, verified: 2 });
  });
});

describe('queuePosition', () => {
  const FILTERS: QueueFilter[] = [{}, { decision: 'Upheld' }, { hasWarnings: true }, { search: 'chiropractic' }, { status: 'verified' }];

  it('is where the letter stands in the whole queue, for every sort and filter, null where the filter leaves it out', () => {
    flagLetter(db, ids[3]!, 'check the rationale');
    verifyLetter(db, ids[1]!);
    for (const sort of ['import', 'caseNumber', 'attention'] as const) {
      for (const filter of FILTERS) {
        const order = queryQueue(db, { ...filter, sort, offset: 0, limit: 1000 }).map((row) => row.id);
        for (const id of ids) {
          const index = order.indexOf(id);
          expect(queuePosition(db, id, filter, sort), `${sort} ${JSON.stringify(filter)} letter ${id}`).toBe(index < 0 ? null : index);
        }
      }
    }
  });

  it('is null for a letter that is not in the library', () => {
    expect(queuePosition(db, 999, {}, 'import')).toBeNull();
  });
});
