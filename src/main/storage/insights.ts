/**
 * The counts behind the insights, in SQL over the letters a queue filter selects: per letter
 * (item and decision counts, by decision year and month and by reviewer specialty) and per item
 * (partial certifications, drug items, and every facet value with its decisions). The letters
 * are selected once per statement and each item row is read once, so the cost grows with the
 * letters selected, not with the number of figures.
 */
import type { Facet } from '../../shared/derived.ts';
import { DRUG_CATEGORIES } from '../../shared/insights.ts';
import { filterSql, isReadableDate, PARTIAL_ITEM } from './queue.ts';
import type { QueueFilter } from './queue.ts';
import { statement } from './sql.ts';
import type { Db } from './sql.ts';

/** Letter and decision counts over a set of letters. */
export interface LetterCounts {
  readonly letters: number;
  readonly lettersWithItems: number;
  /** Letters with more than one item. */
  readonly multiItemLetters: number;
  readonly items: number;
  readonly upheld: number;
  readonly overturned: number;
  /** The sum of each letter's item count squared: with `items`, the spread of items per letter. */
  readonly itemsSquared: number;
}

/** Letter counts by one letter value; key null where the letters have none. */
export interface LetterGroupCounts extends LetterCounts {
  readonly key: string | null;
}

export const LETTER_GROUPINGS = ['year', 'month', 'specialty'] as const;
export type LetterGrouping = (typeof LETTER_GROUPINGS)[number];

export interface LetterCountsByGroup {
  readonly all: LetterCounts;
  readonly by: Readonly<Record<LetterGrouping, readonly LetterGroupCounts[]>>;
}

/** Item counts that need the item rows. */
export interface ItemCounts {
  readonly items: number;
  readonly partial: number;
  readonly partialUpheld: number;
  readonly partialOverturned: number;
  /** Items whose service category is a drug (prescription, or compounded and topical). */
  readonly drugItems: number;
  /** Drug items naming an opioid. */
  readonly opioidDrugItems: number;
}

export interface ItemCountsByYear {
  readonly all: ItemCounts;
  /** Keyed by decision year; null for letters without a readable decision date. */
  readonly byYear: readonly (ItemCounts & { readonly year: string | null })[];
}

/** Items carrying one facet value, and their decisions. An item with two values counts under each. */
export interface FacetCounts {
  readonly facet: Facet;
  readonly value: string;
  readonly letters: number;
  readonly items: number;
  readonly upheld: number;
  readonly overturned: number;
}


/** The decision month of a letter, YYYY-MM, from its MM/DD/YYYY decision date; null when it does not read as one. */
const MONTH_OF = `CASE WHEN ${isReadableDate('l.decision_date')} THEN substr(l.decision_date, 7, 4) || '-' || substr(l.decision_date, 1, 2) END`;

const LETTER_AGGREGATES = `COUNT(*) AS letters, COUNT(*) FILTER (WHERE n > 0) AS lettersWithItems,
  COUNT(*) FILTER (WHERE n > 1) AS multiItemLetters, COALESCE(SUM(n), 0) AS items, COALESCE(SUM(up), 0) AS upheld,
  COALESCE(SUM(ov), 0) AS overturned, COALESCE(SUM(n * n), 0) AS itemsSquared`;

const LETTER_KEYS: Record<LetterGrouping, string> = { year: 'substr(month, 1, 4)', month: 'month', specialty: 'specialty' };

/** Letter and decision counts over the selected letters, overall and by decision year, month and reviewer specialty (or the groupings asked for). */
export function letterCounts(db: Db, filter: QueueFilter, groupings: readonly LetterGrouping[] = LETTER_GROUPINGS): LetterCountsByGroup {
  const { where, params } = filterSql(filter);
  const groups = groupings.map(
    (grouping) => `SELECT '${grouping}' AS grouping, ${LETTER_KEYS[grouping]} AS key, ${LETTER_AGGREGATES} FROM selected GROUP BY 2`,
  );
  const rows = statement(
    db,
    `WITH selected AS MATERIALIZED (
       SELECT l.item_count AS n, l.upheld_count AS up, l.overturned_count AS ov, l.reviewer_specialty AS specialty, ${MONTH_OF} AS month
       FROM letters l ${where})
     SELECT 'all' AS grouping, NULL AS key, ${LETTER_AGGREGATES} FROM selected
     ${groups.map((group) => `UNION ALL ${group}`).join('\n')}`,
  ).all(params) as (LetterGroupCounts & { grouping: 'all' | LetterGrouping })[];
  const by = Object.fromEntries(LETTER_GROUPINGS.map((grouping) => [grouping, [] as LetterGroupCounts[]])) as Record<LetterGrouping, LetterGroupCounts[]>;
  let all: LetterCounts | undefined;
  for (const { grouping, ...counts } of rows) {
    if (grouping === 'all') all = withoutKey(counts);
    else by[grouping].push(counts);
  }
  if (all === undefined) throw new Error('letterCounts: the totals row is missing');
  return { all, by };
}

/**
 * The item rows of the selected letters, read once: each item's decision, whether it is a
 * partial certification or a drug item naming an opioid, and its letter's decision year.
 */
function selectedItems(where: string): string {
  const drugCategories = DRUG_CATEGORIES.map((category) => `'${category}'`).join(', ');
  return `selected AS MATERIALIZED (SELECT l.id, substr(${MONTH_OF}, 1, 4) AS year FROM letters l ${where}),
    picked AS MATERIALIZED (
      SELECT i.id, i.decision, ${PARTIAL_ITEM} AS partial, s.year,
        EXISTS (SELECT 1 FROM item_facets c WHERE c.item_id = i.id AND c.facet = 'category' AND c.value IN (${drugCategories})) AS drug,
        EXISTS (SELECT 1 FROM item_facets o WHERE o.item_id = i.id AND o.facet = 'drug-class' AND o.value = 'opioid') AS opioid
      FROM selected s JOIN items i ON i.letter_id = s.id)`;
}

const ITEM_AGGREGATES = `COUNT(*) AS items, COUNT(*) FILTER (WHERE partial) AS partial,
  COUNT(*) FILTER (WHERE partial AND decision = 'Upheld') AS partialUpheld,
  COUNT(*) FILTER (WHERE partial AND decision = 'Overturned') AS partialOverturned,
  COUNT(*) FILTER (WHERE drug) AS drugItems, COUNT(*) FILTER (WHERE drug AND opioid) AS opioidDrugItems`;

/** Partial certifications and drug items of the selected letters, overall and by decision year. */
export function itemCounts(db: Db, filter: QueueFilter): ItemCountsByYear {
  const { where, params } = filterSql(filter);
  const rows = statement(
    db,
    `WITH ${selectedItems(where)}
     SELECT 1 AS overall, NULL AS year, ${ITEM_AGGREGATES} FROM picked
     UNION ALL SELECT 0, year, ${ITEM_AGGREGATES} FROM picked GROUP BY year`,
  ).all(params) as (ItemCounts & { overall: number; year: string | null })[];
  const [first, ...byYear] = rows;
  if (first === undefined || first.overall !== 1) throw new Error('itemCounts: the totals row is missing');
  const { overall: _overall, year: _year, ...all } = first;
  return { all, byYear: byYear.map(({ overall: _o, ...counts }) => counts) };
}

/** Items and their decisions for every value of the facets given, over the selected letters. */
export function facetCounts(db: Db, filter: QueueFilter, facets: readonly Facet[]): FacetCounts[] {
  if (facets.length === 0) return [];
  const { where, params } = filterSql(filter);
  return statement(
    db,
    `WITH selected AS MATERIALIZED (SELECT l.id FROM letters l ${where})
     SELECT f.facet, f.value, COUNT(DISTINCT f.letter_id) AS letters, COUNT(*) AS items,
       COUNT(*) FILTER (WHERE i.decision = 'Upheld') AS upheld, COUNT(*) FILTER (WHERE i.decision = 'Overturned') AS overturned
     FROM selected s JOIN item_facets f ON f.letter_id = s.id JOIN items i ON i.id = f.item_id
     WHERE f.facet IN (${facets.map((facet) => `'${facet}'`).join(', ')})
     GROUP BY f.facet, f.value ORDER BY f.facet, items DESC, f.value`,
  ).all(params) as FacetCounts[];
}

function withoutKey({ key: _key, ...counts }: LetterGroupCounts): LetterCounts {
  return counts;
}
