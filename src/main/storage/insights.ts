/**
 * The counts behind the insights, in SQL over the letters a queue filter selects: per letter
 * (item and decision counts, by decision year and month and by reviewer specialty) and per item
 * (partial certifications, drug items, and every facet value with its decisions). One statement
 * selects the letters once and reads each of their item rows once, whatever the number of
 * figures; each group comes back as one row of named counts.
 */
import type { Facet } from '../../shared/derived.ts';
import { DRUG_CATEGORIES } from '../../shared/insights.ts';
import { filterSql, isReadableDate, PARTIAL_ITEM } from './queue.ts';
import type { QueueFilter } from './queue.ts';
import { parseJson, statement } from './sql.ts';
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

export interface InsightCounts {
  readonly letters: LetterCountsByGroup;
  readonly items: ItemCountsByYear;
  readonly facets: readonly FacetCounts[];
}

/** The decision month of a letter, YYYY-MM, from its MM/DD/YYYY decision date; null when it does not read as one. */
const MONTH_OF = `CASE WHEN ${isReadableDate('l.decision_date')} THEN substr(l.decision_date, 7, 4) || '-' || substr(l.decision_date, 1, 2) END`;

const LETTER_COUNTS = `json_object('letters', COUNT(*), 'lettersWithItems', COUNT(*) FILTER (WHERE n > 0),
  'multiItemLetters', COUNT(*) FILTER (WHERE n > 1), 'items', COALESCE(SUM(n), 0), 'upheld', COALESCE(SUM(up), 0),
  'overturned', COALESCE(SUM(ov), 0), 'itemsSquared', COALESCE(SUM(n * n), 0))`;

const ITEM_COUNTS = `json_object('items', COUNT(*), 'partial', COUNT(*) FILTER (WHERE partial),
  'partialUpheld', COUNT(*) FILTER (WHERE partial AND decision = 'Upheld'),
  'partialOverturned', COUNT(*) FILTER (WHERE partial AND decision = 'Overturned'),
  'drugItems', COUNT(*) FILTER (WHERE drug), 'opioidDrugItems', COUNT(*) FILTER (WHERE drug AND opioid))`;

const FACET_COUNTS = `json_object('letters', COUNT(DISTINCT p.letter_id), 'items', COUNT(*),
  'upheld', COUNT(*) FILTER (WHERE p.decision = 'Upheld'), 'overturned', COUNT(*) FILTER (WHERE p.decision = 'Overturned'))`;

const LETTER_KEYS: Record<LetterGrouping, string> = { year: 'substr(month, 1, 4)', month: 'month', specialty: 'specialty' };

const DRUG_CATEGORY_LIST = DRUG_CATEGORIES.map((category) => `'${category}'`).join(', ');

/**
 * The selected letters with what the groupings read, and their item rows: each item's
 * decision, whether it is a partial certification or a drug item naming an opioid, and its
 * letter's decision year. The letters are found in the narrow queue index; CROSS JOIN keeps
 * the planner going from them to their items and from each item to its facets by key, rather
 * than scanning every facet row of the library (it has no statistics to know better).
 */
function selectedLetters(where: string): string {
  return `selected AS MATERIALIZED (
      SELECT l.id, l.item_count AS n, l.upheld_count AS up, l.overturned_count AS ov, l.reviewer_specialty AS specialty, ${MONTH_OF} AS month
      FROM letters l INDEXED BY queue_by_import ${where})`;
}

const PICKED_ITEMS = `picked AS MATERIALIZED (
    SELECT i.id, s.id AS letter_id, i.decision, ${PARTIAL_ITEM} AS partial, substr(s.month, 1, 4) AS year,
      EXISTS (SELECT 1 FROM item_facets c WHERE c.item_id = i.id AND c.facet = 'category' AND c.value IN (${DRUG_CATEGORY_LIST})) AS drug,
      EXISTS (SELECT 1 FROM item_facets o WHERE o.item_id = i.id AND o.facet = 'drug-class' AND o.value = 'opioid') AS opioid
    FROM selected s CROSS JOIN items i ON i.letter_id = s.id)`;

interface CountsRow {
  readonly kind: 'letters' | 'items' | 'facet';
  readonly grouping: string;
  readonly key: string | null;
  readonly counts: string;
}

/** Every count the insights need, over the letters the filter selects, facets counted for the ones given. */
export function insightCounts(db: Db, filter: QueueFilter, facets: readonly Facet[]): InsightCounts {
  const { where, params } = filterSql(filter);
  const facetList = facets.length === 0 ? "''" : facets.map((facet) => `'${facet}'`).join(', ');
  const rows = statement(
    db,
    `WITH ${selectedLetters(where)}, ${PICKED_ITEMS}
     SELECT 'letters' AS kind, 'all' AS grouping, NULL AS key, ${LETTER_COUNTS} AS counts FROM selected
     ${LETTER_GROUPINGS.map((grouping) => `UNION ALL SELECT 'letters', '${grouping}', ${LETTER_KEYS[grouping]}, ${LETTER_COUNTS} FROM selected GROUP BY 3`).join('\n')}
     UNION ALL SELECT 'items', 'all', NULL, ${ITEM_COUNTS} FROM picked
     UNION ALL SELECT 'items', 'year', year, ${ITEM_COUNTS} FROM picked GROUP BY 3
     UNION ALL SELECT 'facet', f.facet, f.value, ${FACET_COUNTS}
       FROM picked p CROSS JOIN item_facets f ON f.item_id = p.id WHERE f.facet IN (${facetList}) GROUP BY 2, 3`,
  ).all(params) as CountsRow[];
  const by = Object.fromEntries(LETTER_GROUPINGS.map((grouping) => [grouping, [] as LetterGroupCounts[]])) as Record<LetterGrouping, LetterGroupCounts[]>;
  const byYear: (ItemCounts & { year: string | null })[] = [];
  const facetRows: FacetCounts[] = [];
  let allLetters: LetterCounts | undefined;
  let allItems: ItemCounts | undefined;
  for (const row of rows) {
    if (row.kind === 'letters' && row.grouping === 'all') allLetters = parseJson<LetterCounts>(row.counts);
    else if (row.kind === 'letters') by[row.grouping as LetterGrouping].push({ ...parseJson<LetterCounts>(row.counts), key: row.key });
    else if (row.kind === 'items' && row.grouping === 'all') allItems = parseJson<ItemCounts>(row.counts);
    else if (row.kind === 'items') byYear.push({ ...parseJson<ItemCounts>(row.counts), year: row.key });
    else facetRows.push({ ...parseJson<Omit<FacetCounts, 'facet' | 'value'>>(row.counts), facet: row.grouping as Facet, value: row.key ?? '' });
  }
  if (allLetters === undefined || allItems === undefined) throw new Error('insightCounts: a totals row is missing');
  return { letters: { all: allLetters, by }, items: { all: allItems, byYear }, facets: facetRows };
}

/** Letter and decision counts alone, from the narrow queue index: what an export's dataset card states. */
export function letterTotals(db: Db, filter: QueueFilter): LetterCounts {
  const { where, params } = filterSql(filter);
  const row = statement(
    db,
    `SELECT ${LETTER_COUNTS} AS counts FROM (
       SELECT l.item_count AS n, l.upheld_count AS up, l.overturned_count AS ov FROM letters l INDEXED BY queue_by_import ${where})`,
  ).get(params) as { counts: string };
  return parseJson<LetterCounts>(row.counts);
}

/**
 * A token that changes whenever the library may have: a write on this connection (its
 * total_changes) or a commit on another one (data_version). Reading it reads no table.
 */
export function libraryVersion(db: Db): string {
  const own = (statement(db, 'SELECT total_changes() AS n').get() as { n: number }).n;
  const others = db.pragma('data_version', { simple: true }) as number;
  return `${others}:${own}`;
}
