/**
 * The Insights view at 100,000 letters: the time to work out every figure (what the view
 * waits for when it first opens) over the verified letters, over every letter and over the
 * queue's filter (the slowest of several, from a few letters to most of them), the same query
 * answered again from the server's cache, and a page of the queue under each filter a bar
 * opens. Targets: insights < 300 ms, queue page < 20 ms (as bench/library.ts). The library's
 * derived values are brought up to date first, as the app does.
 */
import { cachedInsights, computeInsights } from '../src/main/insights/index.ts';
import { bringDerivedUpToDate } from '../src/main/review/index.ts';
import type { QueueFilter } from '../src/shared/api.ts';
import { HEADLINE_SELECTIONS, queueFilterFor } from '../src/shared/insights.ts';
import { countQueue, openLibrary, queryQueue } from '../src/main/storage/index.ts';
import { LIBRARY_LETTERS, libraryFile } from './data.ts';
import type { BenchResult } from './result.ts';
import { medianMs } from './stats.ts';

/** Runs of each measurement; its median is the figure. */
const RUNS = 7;

export async function benchInsights(): Promise<BenchResult[]> {
  const library = openLibrary(libraryFile());
  try {
    const started = performance.now();
    const refreshed = bringDerivedUpToDate(library.db);
    if (refreshed > 0) process.stdout.write(`    (worked out the derived values of ${refreshed} letters first: ${((performance.now() - started) / 1000).toFixed(0)} s, once)\n`);
    const { db } = library;
    const insight = (scope: 'verified' | 'all', filter: QueueFilter = {}) => {
      const ms = medianMs(() => computeInsights(db, { scope, filter }), 5);
      const { headline } = computeInsights(db, { scope, filter });
      return { ms, detail: `${headline.letters} letters, ${headline.items} items` };
    };
    const verified = insight('verified');
    const all = insight('all');
    const commonSpecialty = db.prepare('SELECT reviewer_specialty FROM letters GROUP BY 1 ORDER BY COUNT(*) DESC LIMIT 1').pluck().get() as string;
    const tagId = db.prepare('SELECT id FROM tags ORDER BY id LIMIT 1').pluck().get() as number;
    const queueFilters: [string, QueueFilter][] = [
      ['a tag', { tagId }],
      ['the commonest reviewer specialty', { reviewerSpecialty: commonSpecialty }],
      ['a service category', { category: 'physical-therapy' }],
      ['an Overturned item', { decision: 'Overturned' }],
      ['decided in 2016', { decidedIn: '2016' }],
      ['with rule check findings', { hasChecks: true }],
      ['unreviewed', { status: 'unreviewed' }],
    ];
    const overQueue = queueFilters.map(([label, filter]) => ({ label, ...insight('all', filter) }));
    const slowestQueue = overQueue.reduce((a, b) => (b.ms > a.ms ? b : a));
    // The server's cache answers a query again until the library changes.
    cachedInsights(db, { scope: 'verified', filter: {} });
    const cached = medianMs(() => cachedInsights(db, { scope: 'verified', filter: {} }), RUNS);
    const specialty = (db.prepare('SELECT reviewer_specialty AS s FROM letters WHERE reviewer_specialty IS NOT NULL LIMIT 1').get() as { s: string }).s;
    const filters: [string, QueueFilter][] = [
      ['reviewer specialty', { reviewerSpecialty: specialty }],
      ['decision month', { decidedIn: '2016-03' }],
      ['decision year', { decidedIn: '2016' }],
      ['more than one item', queueFilterFor({}, HEADLINE_SELECTIONS.multiItemLetters!)],
      ['item of a category', queueFilterFor({}, { item: { facets: [{ facet: 'category', values: ['physical-therapy'] }] } })],
      ['item of a category, overturned', queueFilterFor({}, { item: { decision: 'Overturned', facets: [{ facet: 'category', values: ['physical-therapy'] }] } })],
      ['drug item naming an opioid', queueFilterFor({}, HEADLINE_SELECTIONS.opioidDrugItems!)],
      ['partial certification', queueFilterFor({}, HEADLINE_SELECTIONS.partial!)],
      ['item without a decision', queueFilterFor({}, HEADLINE_SELECTIONS.undecided!)],
      ['verified, a month, overturned', queueFilterFor({ status: 'verified' }, { decidedIn: '2016-03', item: { decision: 'Overturned' } })],
    ];
    // What the queue's API call does for a page: the rows and the count.
    const timings = filters.map(([label, filter]) => ({
      label,
      ms: medianMs(() => {
        queryQueue(db, { ...filter, sort: 'import', offset: 0, limit: 100 });
        countQueue(db, filter);
      }, RUNS),
    }));
    const slowest = timings.reduce((a, b) => (b.ms > a.ms ? b : a));
    return [
      { name: `insights of the verified letters of a ${LIBRARY_LETTERS}-letter library`, value: verified.ms, unit: 'ms', target: { atMost: 300 }, detail: verified.detail },
      { name: `insights of every letter of a ${LIBRARY_LETTERS}-letter library`, value: all.ms, unit: 'ms', target: { atMost: 300 }, detail: all.detail },
      {
        name: "insights over the queue's filter, every letter it selects, slowest of the filters",
        value: slowestQueue.ms,
        unit: 'ms',
        target: { atMost: 300 },
        detail: overQueue.map((q) => `${q.label} (${q.detail}): ${q.ms.toFixed(0)} ms`).join('; '),
      },
      { name: 'insights asked again before the library changes (the server cache)', value: cached, unit: 'ms', target: { atMost: 300 } },
      {
        name: 'queue page of 100 with its count, slowest of the filters a bar opens',
        value: slowest.ms,
        unit: 'ms',
        target: { atMost: 20 },
        detail: timings.map((t) => `${t.label}: ${t.ms.toFixed(1)} ms`).join('; '),
      },
    ];
  } finally {
    library.close();
  }
}

