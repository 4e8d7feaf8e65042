/**
 * The insights' facet counts over the letters a queue filter selects, from the per-letter
 * counts of migration 009, read the cheapest of three ways for how many letters that is:
 * - 'totals': every letter of the status asked for, or all but a few: that status's
 *   facet_totals, less the rows of the letters left out;
 * - 'letters': a few letters: the rows of each, found by its id;
 * - 'values': one pass over the rows of the facets asked for, in value order, keeping the
 *   selected letters' (each row's letter looked up among them).
 */
import type { Facet, LetterFacet } from '../../shared/derived.ts';
import { filterSql } from './queue.ts';
import type { QueueFilter } from './queue.ts';
import { statement } from './sql.ts';
import type { Db } from './sql.ts';

/** Items carrying one facet value (a letter's value: all its items), and their decisions. An item with two values counts under each. */
export interface FacetCounts {
  readonly facet: Facet | LetterFacet;
  readonly value: string;
  readonly letters: number;
  readonly items: number;
  readonly upheld: number;
  readonly overturned: number;
}

export type FacetPlan = 'totals' | 'letters' | 'values';

/**
 * The plan that reads least, by a cost model measured at 100,000 letters: reading one letter's
 * rows by its id (and sorting them into their groups) takes about 6 µs, so 'letters' costs
 * `selected` and 'totals' the letters left out; the one pass takes about 55 ms plus 1 µs per
 * selected letter, that is (library + 2 × selected) / 10 in the same units.
 */
export function facetPlan(library: number, pool: number, selected: number): FacetPlan {
  const costs: [FacetPlan, number][] = [
    ['totals', pool - selected],
    ['letters', selected],
    ['values', (library + 2 * selected) / 10],
  ];
  return costs.reduce((best, plan) => (plan[1] < best[1] ? plan : best))[0];
}

const COUNTS = 'COUNT(*) AS letters, SUM(f.items) AS items, SUM(f.upheld) AS upheld, SUM(f.overturned) AS overturned';

/**
 * The counts of the given facets' values over the letters the filter selects, `selected` of
 * them; run in the same read transaction as the count of those letters.
 */
export function facetCounts(db: Db, filter: QueueFilter, facets: readonly (Facet | LetterFacet)[], selected: number): FacetCounts[] {
  if (facets.length === 0) return [];
  const facetList = facets.map((facet) => `'${facet}'`).join(', ');
  const { status, ...others } = filter;
  const byStatus = filterSql(status === undefined ? {} : { status });
  const rest = filterSql(others);
  const all = filterSql(filter);
  const sizes = statement(
    db,
    `SELECT COUNT(*) AS library, COUNT(*) FILTER (WHERE ${conditionOf(byStatus.where)}) AS pool FROM letters l INDEXED BY queue_by_import`,
  ).get(byStatus.params) as { library: number; pool: number };
  const plan = facetPlan(sizes.library, sizes.pool, selected);
  if (plan === 'totals') {
    const ofStatus = status === undefined ? '' : 'AND t.status = @status';
    // +f.facet: the letter's rows are found by its id alone, then the facets kept (not a seek per facet).
    const leftOut =
      sizes.pool === selected
        ? ''
        : `UNION ALL SELECT f.facet, f.value, -1, -f.items, -f.upheld, -f.overturned
           FROM letters l INDEXED BY queue_by_import CROSS JOIN letter_facets f ON f.letter_id = l.id
           WHERE ${conditionOf(byStatus.where)} AND (${conditionOf(rest.where)}) IS NOT TRUE AND +f.facet IN (${facetList})`;
    return statement(
      db,
      `SELECT facet, value, SUM(letters) AS letters, SUM(items) AS items, SUM(upheld) AS upheld, SUM(overturned) AS overturned FROM (
         SELECT t.facet, t.value, t.letters, t.items, t.upheld, t.overturned FROM facet_totals t WHERE t.facet IN (${facetList}) ${ofStatus}
         ${leftOut})
       GROUP BY facet, value HAVING SUM(letters) > 0`,
    ).all(all.params) as FacetCounts[];
  }
  if (plan === 'letters') {
    return statement(
      db,
      `SELECT f.facet, f.value, ${COUNTS} FROM letters l INDEXED BY queue_by_import CROSS JOIN letter_facets f ON f.letter_id = l.id
       WHERE ${conditionOf(all.where)} AND +f.facet IN (${facetList}) GROUP BY f.facet, f.value`,
    ).all(all.params) as FacetCounts[];
  }
  return statement(
    db,
    `SELECT f.facet, f.value, ${COUNTS} FROM letter_facets f INDEXED BY letter_facets_by_value
     WHERE f.facet IN (${facetList}) AND f.letter_id IN (SELECT l.id FROM letters l INDEXED BY queue_by_import ${all.where})
     GROUP BY f.facet, f.value`,
  ).all(all.params) as FacetCounts[];
}

/** A WHERE clause of filterSql as a condition ('1' for none). */
function conditionOf(where: string): string {
  return where === '' ? '1' : where.slice('WHERE '.length);
}
