/** The insights over one query: every count from one SQL statement, so from one snapshot of the library. */
import type { QueueFilter } from '../../shared/api.ts';
import type { Insights, InsightsQuery } from '../../shared/insights.ts';
import type { Db } from '../storage/index.ts';
import { insightCounts, libraryVersion } from '../storage/index.ts';
import { BREAKDOWN_FACETS, breakdownsOf } from './breakdowns.ts';
import { compareWithReferences } from './comparisons.ts';
import { DWC_YEAR_FACETS, dwcSharesOf } from './dwcShares.ts';
import { MTUS_PERIODS } from '../letters/vocabulary/index.ts';
import { headlineOf } from './headline.ts';
import { facetGroupLabel } from './labels.ts';

/** A filter no letter passes: the figures of an empty set, from the same queries. */
const NO_LETTERS: QueueFilter = { minItems: Number.MAX_SAFE_INTEGER };

/**
 * The letters the insights are over, as a queue filter: the query's filter, narrowed to the
 * verified letters for that scope; null when its status filter excludes them.
 */
export function insightsFilter(query: InsightsQuery): QueueFilter | null {
  if (query.scope === 'all') return query.filter;
  if (query.filter.status !== undefined && query.filter.status !== 'verified') return null;
  return { ...query.filter, status: 'verified' };
}

/**
 * The insights of a query, worked out again only when the library has changed since: the view
 * toggles between its scopes, and a reopened view shows at once.
 */
export function cachedInsights(db: Db, query: InsightsQuery): Insights {
  const version = libraryVersion(db);
  let cache = caches.get(db);
  if (cache?.version !== version) {
    cache = { version, results: new Map() };
    caches.set(db, cache);
  }
  const key = JSON.stringify(query);
  let insights = cache.results.get(key);
  if (insights === undefined) {
    insights = computeInsights(db, query);
    if (cache.results.size >= CACHED_QUERIES) cache.results.delete(cache.results.keys().next().value!);
    cache.results.set(key, insights);
  }
  return insights;
}

/** Queries kept per library state: both scopes over the library and over a few queue filters. */
const CACHED_QUERIES = 8;
const caches = new WeakMap<Db, { version: string; results: Map<string, Insights> }>();

export function computeInsights(db: Db, query: InsightsQuery): Insights {
  const letterFilter = insightsFilter(query);
  const filter = letterFilter ?? NO_LETTERS;
  const { letters, items, facets, facetsByYear } = insightCounts(db, filter, BREAKDOWN_FACETS, DWC_YEAR_FACETS);
  const years = letters.by.year.map((group) => group.key).filter((year): year is string => year !== null).map(Number);
  return {
    query,
    letterFilter,
    headline: headlineOf(letters.all, items.all),
    years: years.length === 0 ? null : { from: Math.min(...years), to: Math.max(...years) },
    breakdowns: breakdownsOf(letters, facets),
    comparisons: compareWithReferences(letters, items),
    dwcShares: dwcSharesOf(facetsByYear, items),
    mtusPeriods: MTUS_PERIODS.map((period) => ({
      ...period,
      part: facetGroupLabel('maximus-mtus-part', period.part),
      topic: period.topic === undefined ? null : facetGroupLabel('maximus-topic', period.topic),
    })),
  };
}
