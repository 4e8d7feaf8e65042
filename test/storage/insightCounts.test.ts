/**
 * The insights' counts from the counts kept per letter and per status (migration 009) against
 * the same counts worked out from the items, facets and letters themselves, over generated
 * letters stored as an import stores them, under filters that take each of the three ways
 * of reading the facet counts.
 */
import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Facet } from '../../src/shared/derived.ts';
import type { Decision } from '../../src/shared/letter.ts';
import { derivableOfParsed, deriveValues } from '../../src/main/letters/derive.ts';
import { parseLetter } from '../../src/main/letters/parsing/index.ts';
import * as review from '../../src/main/review/index.ts';
import type { Db, InsightCounts, Library, QueueFilter } from '../../src/main/storage/index.ts';
import { countQueue, createTag, filterSql, insertParsedLetter, insightCounts, tagLetter } from '../../src/main/storage/index.ts';
import { facetPlan } from '../../src/main/storage/insightFacets.ts';
import type { FacetPlan } from '../../src/main/storage/insightFacets.ts';
import { letterGroupsSql } from '../../src/main/storage/insights.ts';
import { generateLetter, renderLetterText } from '../fixtures/index.ts';
import { flagLetter, setDecision, verifyLetter } from '../review/asReviewer.ts';
import { useTempFolder } from './helpers.ts';
import { recountedInsightRows, storedInsightRows } from './insightRecount.ts';

const temp = useTempFolder();
const FACETS: readonly Facet[] = ['category', 'drug-class', 'maximus-source', 'maximus-mtus-part', 'maximus-topic', 'ca-evidence'];
const LETTERS = 48;
let library: Library;
let tagId: number;

/** Generated letters (a quarter verified, a twelfth flagged, an eighth tagged), with the values an import derives. */
beforeEach(() => {
  library = temp.library({ reviewer: 'Test Reviewer' });
  const { db } = library;
  tagId = createTag(db, { name: 'second look', colour: '#d9480f', scope: 'letter' });
  for (let seed = 0; seed < LETTERS; seed++) {
    const text = renderLetterText(generateLetter(seed, { headerTable: true }), 'plain');
    const parsed = parseLetter(text);
    const source = { path: `/g/${seed}.txt`, fileName: `${seed}.txt`, size: text.length, sha256: createHash('sha256').update(text).digest('hex'), kind: 'text' as const, text, pageOffsets: [0], encoding: 'utf-8' };
    const { letterId } = insertParsedLetter(db, source, parsed, null, deriveValues(derivableOfParsed(parsed)));
    if (seed % 4 === 0) verifyLetter(db, letterId);
    else if (seed % 12 === 1) flagLetter(db, letterId, 'check the rationale');
    if (seed % 8 === 3) tagLetter(db, letterId, tagId);
  }
});

/** The counts of insightCounts, worked out from the rows themselves: every letter, item and facet row of the selected letters. */
function recount(db: Db, filter: QueueFilter): InsightCounts {
  const { where, params } = filterSql(filter);
  const selected = `SELECT l.id FROM letters l ${where}`;
  const readable = "(l.decision_date GLOB '0[1-9]/[0-3][0-9]/[12][0-9][0-9][0-9]' OR l.decision_date GLOB '1[0-2]/[0-3][0-9]/[12][0-9][0-9][0-9]')";
  const letters = `SELECT l.id, l.reviewer_specialty AS specialty,
      CASE WHEN ${readable} THEN substr(l.decision_date, 7, 4) || '-' || substr(l.decision_date, 1, 2) END AS month,
      (SELECT COUNT(*) FROM items i WHERE i.letter_id = l.id) AS n,
      (SELECT COUNT(*) FROM items i WHERE i.letter_id = l.id AND i.decision = 'Upheld') AS up,
      (SELECT COUNT(*) FROM items i WHERE i.letter_id = l.id AND i.decision = 'Overturned') AS ov
    FROM letters l WHERE l.id IN (${selected})`;
  const letterCounts = `COUNT(*) AS letters, COUNT(*) FILTER (WHERE n > 0) AS lettersWithItems, COUNT(*) FILTER (WHERE n > 1) AS multiItemLetters,
    COALESCE(SUM(n), 0) AS items, COALESCE(SUM(up), 0) AS upheld, COALESCE(SUM(ov), 0) AS overturned, COALESCE(SUM(n * n), 0) AS itemsSquared`;
  const groups = (key: string) => db.prepare(`SELECT ${key} AS key, ${letterCounts} FROM (${letters}) GROUP BY 1`).all(params) as never[];
  const items = `SELECT i.decision, substr(s.month, 1, 4) AS year,
      i.original_request IS NOT NULL OR i.authorized_by_claims_administrator IS NOT NULL OR i.imr_eligible_portion IS NOT NULL AS partial,
      EXISTS (SELECT 1 FROM item_facets c WHERE c.item_id = i.id AND c.facet = 'category' AND c.value IN ('prescription-drug', 'compounded-topical-drug')) AS drug,
      EXISTS (SELECT 1 FROM item_facets o WHERE o.item_id = i.id AND o.facet = 'drug-class' AND o.value = 'opioid') AS opioid
    FROM (${letters}) s JOIN items i ON i.letter_id = s.id`;
  const itemCounts = `COUNT(*) AS items, COUNT(*) FILTER (WHERE partial) AS partial, COUNT(*) FILTER (WHERE partial AND decision = 'Upheld') AS partialUpheld,
    COUNT(*) FILTER (WHERE partial AND decision = 'Overturned') AS partialOverturned, COUNT(*) FILTER (WHERE drug) AS drugItems,
    COUNT(*) FILTER (WHERE drug AND opioid) AS opioidDrugItems`;
  const { key: _none, ...allLetters } = db.prepare(`SELECT NULL AS key, ${letterCounts} FROM (${letters})`).get(params) as { key: null } & InsightCounts['letters']['all'];
  return {
    letters: { all: allLetters, by: { year: groups('substr(month, 1, 4)'), month: groups('month'), specialty: groups('specialty') } },
    items: {
      all: db.prepare(`SELECT ${itemCounts} FROM (${items})`).get(params) as InsightCounts['items']['all'],
      byYear: db.prepare(`SELECT year, ${itemCounts} FROM (${items}) GROUP BY year`).all(params) as never[],
    },
    facets: db
      .prepare(
        `SELECT f.facet, f.value, COUNT(DISTINCT f.letter_id) AS letters, COUNT(*) AS items, COUNT(*) FILTER (WHERE i.decision = 'Upheld') AS upheld,
           COUNT(*) FILTER (WHERE i.decision = 'Overturned') AS overturned
         FROM item_facets f JOIN items i ON i.id = f.item_id
         WHERE f.letter_id IN (${selected}) AND f.facet IN (${FACETS.map((facet) => `'${facet}'`).join(', ')}) GROUP BY f.facet, f.value`,
      )
      .all(params) as never[],
    facetsByYear: [],
  };
}

/** The per-year facet counts insightCounts gives for `yearFacets`, each year recounted as the filter narrowed to it. */
function recountByYear(db: Db, filter: QueueFilter, yearFacets: readonly Facet[]): InsightCounts['facetsByYear'] {
  return recount(db, filter)
    .letters.by.year.flatMap((group) => (group.key === null ? [] : [group.key]))
    .map((year) => {
      const decidedIn = filter.decidedIn !== undefined && !filter.decidedIn.includes('..') ? filter.decidedIn : year;
      return { year, facets: recount(db, { ...filter, decidedIn }).facets.filter((row) => yearFacets.includes(row.facet as Facet)) };
    });
}

/** Groups in one order, whatever order each side lists them in. */
function sorted(counts: InsightCounts): InsightCounts {
  const byKey = <T,>(rows: readonly T[], keyOf: (row: T) => unknown) => [...rows].sort((a, b) => JSON.stringify(keyOf(a)).localeCompare(JSON.stringify(keyOf(b))));
  const { letters, items, facets, facetsByYear } = counts;
  const { year, month, specialty } = letters.by;
  return {
    letters: { all: letters.all, by: { year: byKey(year, (row) => row.key), month: byKey(month, (row) => row.key), specialty: byKey(specialty, (row) => row.key) } },
    items: { all: items.all, byYear: byKey(items.byYear, (row) => row.year) },
    facets: byKey(facets, (row) => [row.facet, row.value]),
    facetsByYear: byKey(facetsByYear, (row) => row.year).map((row) => ({ year: row.year, facets: byKey(row.facets, (facet) => [facet.facet, facet.value]) })),
  };
}

/** The plan facetCounts takes for a filter, from the same three sizes. */
function planOf(db: Db, filter: QueueFilter): FacetPlan {
  return facetPlan(countQueue(db), countQueue(db, filter.status === undefined ? {} : { status: filter.status }), countQueue(db, filter));
}

describe('insight counts from the kept counts', () => {
  it('equal a count of the rows themselves under every kind of filter, by every plan', () => {
    const { db } = library;
    const specialty = db.prepare('SELECT reviewer_specialty FROM letters GROUP BY 1 ORDER BY COUNT(*) DESC LIMIT 1').pluck().get() as string;
    const year = db.prepare("SELECT substr(decision_date, 7, 4) FROM letters WHERE decision_date IS NOT NULL GROUP BY 1 ORDER BY COUNT(*) DESC LIMIT 1").pluck().get() as string;
    const filters: QueueFilter[] = [
      {},
      { status: 'verified' },
      { status: 'unreviewed' },
      { status: 'flagged' },
      { tagId },
      { reviewerSpecialty: specialty },
      { decidedIn: year },
      { decidedIn: 'unknown' },
      { decision: 'Overturned' },
      { minItems: 2 },
      { hasChecks: false },
      { status: 'unreviewed', hasWarnings: false },
      { items: [{ partial: true }] },
      { items: [{ decision: 'Upheld', facets: [{ facet: 'category', values: ['prescription-drug'] }] }] },
      { minItems: Number.MAX_SAFE_INTEGER },
    ];
    const plans = new Set<FacetPlan>();
    for (const filter of filters) {
      plans.add(planOf(db, filter));
      expect(sorted(insightCounts(db, filter, FACETS)), JSON.stringify(filter)).toEqual(sorted(recount(db, filter)));
      const byYear = insightCounts(db, filter, FACETS, ['category']).facetsByYear;
      expect(sorted({ ...recount(db, filter), facetsByYear: byYear }).facetsByYear, `by year, ${JSON.stringify(filter)}`).toEqual(
        sorted({ ...recount(db, filter), facetsByYear: recountByYear(db, filter, ['category']) }).facetsByYear,
      );
    }
    expect([...plans].sort()).toEqual(['letters', 'totals', 'values']);
    expect(insightCounts(db, {}, FACETS).facets.length).toBeGreaterThan(10);
  });

  it('follow a decision changed, the letter verified, and both undone', () => {
    const { db } = library;
    const opioidItem = db.prepare(
      `SELECT i.id, i.letter_id AS letterId FROM items i JOIN letters l ON l.id = i.letter_id
       WHERE l.status = 'unreviewed' AND i.decision = 'Upheld' AND i.id IN (SELECT item_id FROM item_facets WHERE facet = 'drug-class' AND value = 'opioid') LIMIT 1`,
    ).get() as { id: number; letterId: number };
    const opioids = (filter: QueueFilter) => insightCounts(db, filter, ['drug-class']).facets.find((row) => row.value === 'opioid');
    const before = { all: opioids({}), verified: opioids({ status: 'verified' }) };
    setDecision(db, opioidItem.id, 'Overturned');
    verifyLetter(db, opioidItem.letterId);
    expect(opioids({})).toEqual({ ...before.all, upheld: before.all!.upheld - 1, overturned: before.all!.overturned + 1 });
    expect(opioids({ status: 'verified' })!.letters).toBe((before.verified?.letters ?? 0) + 1);
    expect(storedInsightRows(db)).toEqual(recountedInsightRows(db));
    review.undo(db);
    review.undo(db);
    expect({ all: opioids({}), verified: opioids({ status: 'verified' }) }).toEqual(before);
    expect(storedInsightRows(db)).toEqual(recountedInsightRows(db));
  });
});

describe('queue criteria read from the kept counts', () => {
  const onItem = (decision: Decision | 'none' | undefined) => (decision === undefined ? '' : decision === 'none' ? 'AND i.decision IS NULL' : `AND i.decision = '${decision}'`);

  it('find the letters with a partial certification of each decision', () => {
    const { db } = library;
    const partial = db.prepare("SELECT i.id FROM items i JOIN letters l ON l.id = i.letter_id WHERE l.status = 'unreviewed' AND i.original_request IS NOT NULL LIMIT 1").pluck().get() as number;
    setDecision(db, partial, null);
    for (const decision of [undefined, 'Upheld', 'Overturned', 'none'] as const) {
      const expected = db
        .prepare(`SELECT COUNT(DISTINCT i.letter_id) FROM items i WHERE (i.original_request IS NOT NULL OR i.authorized_by_claims_administrator IS NOT NULL OR i.imr_eligible_portion IS NOT NULL) ${onItem(decision)}`)
        .pluck()
        .get();
      expect(countQueue(db, { items: [{ partial: true, ...(decision === undefined ? {} : { decision }) }] }), String(decision)).toBe(expected);
      expect(expected, String(decision)).toBeGreaterThan(0);
    }
  });

  it('find the letters with an item of one facet value and each decision', () => {
    const { db } = library;
    // One such item without a decision, so each criterion has letters to find.
    const drugItem = db.prepare(
      `SELECT f.item_id FROM item_facets f JOIN letters l ON l.id = f.letter_id WHERE l.status = 'unreviewed' AND f.facet = 'category' AND f.value = 'prescription-drug' LIMIT 1`,
    ).pluck().get() as number;
    setDecision(db, drugItem, null);
    for (const decision of [undefined, 'Upheld', 'Overturned', 'none'] as const) {
      const expected = db
        .prepare(`SELECT COUNT(DISTINCT f.letter_id) FROM item_facets f JOIN items i ON i.id = f.item_id WHERE f.facet = 'category' AND f.value IN ('prescription-drug', 'surgery') ${onItem(decision)}`)
        .pluck()
        .get();
      const criterion = { ...(decision === undefined ? {} : { decision }), facets: [{ facet: 'category' as const, values: ['prescription-drug', 'surgery'] }] };
      expect(countQueue(db, { items: [criterion] }), String(decision)).toBe(expected);
      expect(expected, String(decision)).toBeGreaterThan(0);
    }
  });
});

describe('the facet plan', () => {
  it('reads the totals when all but a few letters of the status are selected, the few letters themselves, else one pass', () => {
    expect(facetPlan(100_000, 10_000, 10_000)).toBe('totals');
    expect(facetPlan(100_000, 100_000, 95_000)).toBe('totals');
    expect(facetPlan(100_000, 100_000, 3_000)).toBe('letters');
    expect(facetPlan(100_000, 100_000, 57_000)).toBe('values');
    expect(facetPlan(100_000, 90_000, 30_000)).toBe('values');
  });
});

describe('the letter groupings', () => {
  it('read only indexes, under every filter', () => {
    const { db } = library;
    const filters: QueueFilter[] = [
      {},
      { status: 'verified', decision: 'Upheld', format: 'F1-credentials-block', hasWarnings: true, hasChecks: false, minItems: 2 },
      { decidedIn: '2016-03', reviewerSpecialty: 'Pain Medicine' },
      { decidedIn: '2015..2016', reviewerSpecialty: null },
      { tagId, category: 'surgery', drugClass: 'opioid', guidelineSource: 'mtus', search: 'lumbar' },
      { items: [{ partial: true, decision: 'none' }, { facets: [{ facet: 'category', values: ['surgery'] }] }] },
    ];
    for (const filter of filters) {
      const { sql, params } = letterGroupsSql(filter);
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((row) => row.detail);
      const letterReads = plan.filter((detail) => / l\b/.test(detail));
      for (const detail of letterReads) expect(detail, JSON.stringify(filter)).toMatch(/^(SCAN|SEARCH) l USING COVERING INDEX insights_by_(decision_date|specialty)\b/);
      expect(new Set(letterReads.map((detail) => detail.split(' ')[5])), JSON.stringify(filter)).toEqual(new Set(['insights_by_decision_date', 'insights_by_specialty']));
      // In index order, each group is summed as it goes by: the only sorts are of the few dates into months and of months into years.
      if (filter.decidedIn === undefined) expect(plan.filter((detail) => detail.includes('TEMP B-TREE FOR GROUP BY')), JSON.stringify(filter)).toHaveLength(2);
    }
  });
});
