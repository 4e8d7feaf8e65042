/**
 * The counts behind the insights, in SQL over the letters a queue filter selects: per letter
 * (item and decision counts, by decision year and month and by reviewer specialty) and per item
 * (partial certifications, drug items, and every facet value with its decisions). Every item
 * count is kept on its letter's row, and per letter and facet value (migration 009), so the
 * insights read narrow indexes and never an item row.
 */
import type { Facet, LetterFacet } from '../../shared/derived.ts';
import { facetCounts } from './insightFacets.ts';
import type { FacetCounts } from './insightFacets.ts';
import { filterSql, isReadableDate } from './queue.ts';
import type { QueueFilter } from './queue.ts';
import { parseJson, statement } from './sql.ts';
import type { Db } from './sql.ts';

export type { FacetCounts } from './insightFacets.ts';

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

export interface InsightCounts {
  readonly letters: LetterCountsByGroup;
  readonly items: ItemCountsByYear;
  readonly facets: readonly FacetCounts[];
  /** Per decision year of the letters, the counts of the year facets asked for. */
  readonly facetsByYear: readonly { readonly year: string; readonly facets: readonly FacetCounts[] }[];
}

/** The decision month of a date column, YYYY-MM, from its MM/DD/YYYY value; null when it does not read as one. */
const monthOf = (date: string) => `CASE WHEN ${isReadableDate(date)} THEN substr(${date}, 7, 4) || '-' || substr(${date}, 1, 2) END`;

const LETTER_COUNTS = `json_object('letters', COUNT(*), 'lettersWithItems', COUNT(*) FILTER (WHERE n > 0),
  'multiItemLetters', COUNT(*) FILTER (WHERE n > 1), 'items', COALESCE(SUM(n), 0), 'upheld', COALESCE(SUM(up), 0),
  'overturned', COALESCE(SUM(ov), 0), 'itemsSquared', COALESCE(SUM(n * n), 0))`;

/** A group of letters' counts, as columns: each letter's item counts are on its row. */
const LETTER_GROUP_COLUMNS = `COUNT(*) AS letters, COUNT(*) FILTER (WHERE l.item_count > 0) AS lettersWithItems,
  COUNT(*) FILTER (WHERE l.item_count > 1) AS multiItemLetters, SUM(l.item_count) AS items, SUM(l.upheld_count) AS upheld,
  SUM(l.overturned_count) AS overturned, SUM(l.item_count * l.item_count) AS itemsSquared`;
const ITEM_GROUP_COLUMNS = `SUM(l.partial_count) AS partial, SUM(l.partial_upheld_count) AS partialUpheld,
  SUM(l.partial_overturned_count) AS partialOverturned, SUM(l.drug_item_count) AS drugItems, SUM(l.opioid_drug_item_count) AS opioidDrugItems`;
const COUNT_NAMES = ['letters', 'lettersWithItems', 'multiItemLetters', 'items', 'upheld', 'overturned', 'itemsSquared', 'partial', 'partialUpheld', 'partialOverturned', 'drugItems', 'opioidDrugItems'] as const;
/** Groups of dates or months added together. */
const SUMMED_COLUMNS = COUNT_NAMES.map((name) => `COALESCE(SUM(${name}), 0) AS ${name}`).join(', ');

type CountsRow = { readonly grouping: 'all' | LetterGrouping; readonly key: string | null } & Readonly<Record<(typeof COUNT_NAMES)[number], number>>;

/**
 * Every count the insights need, over the letters the filter selects, facets counted for the
 * ones given; in one read transaction, so every count is of the same state of the library.
 */
export function insightCounts(db: Db, filter: QueueFilter, facets: readonly (Facet | LetterFacet)[], yearFacets: readonly Facet[] = []): InsightCounts {
  return db.transaction(() => {
    const { by, byYear, all } = letterGroups(db, filter);
    const years = yearFacets.length === 0 ? [] : by.year.filter((group): group is typeof group & { key: string } => group.key !== null);
    return {
      letters: { all: all.letters, by },
      items: { all: all.items, byYear },
      facets: facetCounts(db, filter, facets, all.letters.letters),
      facetsByYear: years.map((group) => ({ year: group.key, facets: facetCounts(db, { ...filter, decidedIn: withinYear(filter.decidedIn, group.key) }, yearFacets, group.letters) })),
    };
  })();
}

/** The filter's decision period narrowed to one of the years it selects: a month or a year it names stays as it is. */
function withinYear(decidedIn: string | undefined, year: string): string {
  return decidedIn !== undefined && !decidedIn.includes('..') ? decidedIn : year;
}

/**
 * The letter groupings' SELECT and its parameters; tests read its query plan. The letters are
 * read in decision date order (months and years are sums of dates) and in specialty order,
 * each from an index holding every column a filter or a count reads (migration 009), so each
 * group is summed as it goes by, with no sort and no letters row read.
 */
export function letterGroupsSql(filter: QueueFilter): { sql: string; params: Record<string, string | number> } {
  const { where, params } = filterSql(filter);
  return {
    sql: `WITH dates AS (
       SELECT l.decision_date AS date, ${LETTER_GROUP_COLUMNS}, ${ITEM_GROUP_COLUMNS}
       FROM letters l INDEXED BY insights_by_decision_date ${where} GROUP BY l.decision_date),
     months AS MATERIALIZED (SELECT ${monthOf('date')} AS month, ${SUMMED_COLUMNS} FROM dates GROUP BY 1)
     SELECT 'month' AS grouping, month AS key, ${COUNT_NAMES.join(', ')} FROM months
     UNION ALL SELECT 'year', substr(month, 1, 4), ${SUMMED_COLUMNS} FROM months GROUP BY 2
     UNION ALL SELECT 'all', NULL, ${SUMMED_COLUMNS} FROM months
     UNION ALL SELECT 'specialty', l.reviewer_specialty, ${LETTER_GROUP_COLUMNS}, 0, 0, 0, 0, 0
       FROM letters l INDEXED BY insights_by_specialty ${where} GROUP BY l.reviewer_specialty`,
    params,
  };
}

function letterGroups(db: Db, filter: QueueFilter) {
  const { sql, params } = letterGroupsSql(filter);
  const rows = statement(db, sql).all(params) as CountsRow[];
  const by = Object.fromEntries(LETTER_GROUPINGS.map((grouping) => [grouping, [] as LetterGroupCounts[]])) as Record<LetterGrouping, LetterGroupCounts[]>;
  const byYear: (ItemCounts & { year: string | null })[] = [];
  let all: { letters: LetterCounts; items: ItemCounts } | undefined;
  for (const row of rows) {
    if (row.grouping === 'all') all = { letters: letterCountsOf(row), items: itemCountsOf(row) };
    else {
      by[row.grouping].push({ ...letterCountsOf(row), key: row.key });
      // Items by year are over the years that have items, as letters by year are over the years that have letters.
      if (row.grouping === 'year' && row.items > 0) byYear.push({ ...itemCountsOf(row), year: row.key });
    }
  }
  if (all === undefined) throw new Error('insightCounts: the totals row is missing');
  return { by, byYear, all };
}

function letterCountsOf(row: CountsRow): LetterCounts {
  const { letters, lettersWithItems, multiItemLetters, items, upheld, overturned, itemsSquared } = row;
  return { letters, lettersWithItems, multiItemLetters, items, upheld, overturned, itemsSquared };
}

function itemCountsOf(row: CountsRow): ItemCounts {
  const { items, partial, partialUpheld, partialOverturned, drugItems, opioidDrugItems } = row;
  return { items, partial, partialUpheld, partialOverturned, drugItems, opioidDrugItems };
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
