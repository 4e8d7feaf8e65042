/**
 * The library at 100,000 letters: opening it, a page of the review queue under every
 * filter and sort, full-text search, the source pane's search marks and a bulk preview. Targets: open
 * < 1 s, page < 20 ms, search < 50 ms, marks < 20 ms, bulk preview < 1 s.
 */
import type { Library, QueueQuery } from '../src/main/storage/index.ts';
import { countQueue, getLibraryStats, openLibrary, previewBulkSelection, queryQueue, searchLetters, searchMarks } from '../src/main/storage/index.ts';
import { LIBRARY_LETTERS, libraryFile } from './data.ts';
import type { BenchResult } from './result.ts';
import { medianMs } from './stats.ts';

/** Runs of each query; its median is the figure. */
const RUNS = 9;

export async function benchLibrary(): Promise<BenchResult[]> {
  const file = libraryFile();

  // What the app does at start: open (and check) the file, then show counts and the first page.
  const openStarted = performance.now();
  const library = openLibrary(file);
  getLibraryStats(library.db);
  queryQueue(library.db, { sort: 'import', offset: 0, limit: 100 });
  countQueue(library.db, {});
  const openMs = performance.now() - openStarted;
  try {
    return [
      {
        name: `open a library of ${LIBRARY_LETTERS} letters, with its counts and first queue page`,
        value: openMs,
        unit: 'ms',
        target: { atMost: 1000 },
      },
      ...queueResults(library),
      ...searchResults(library),
    ];
  } finally {
    library.close();
  }
}

function queueResults(library: Library): BenchResult[] {
  const tagId = (library.db.prepare('SELECT id FROM tags ORDER BY id LIMIT 1').get() as { id: number }).id;
  const filters: [string, Partial<QueueQuery>][] = [
    ['no filter', {}],
    ['status unreviewed', { status: 'unreviewed' }],
    ['status verified', { status: 'verified' }],
    ['decision Overturned', { decision: 'Overturned' }],
    ['tag', { tagId }],
    ['format prose credentials', { format: 'F1-prose-credentials' }],
    ['has warnings', { hasWarnings: true }],
    ['unreviewed + Overturned + block', { status: 'unreviewed', decision: 'Overturned', format: 'F1-credentials-block' }],
  ];
  const timings: { label: string; ms: number }[] = [];
  for (const sort of ['import', 'caseNumber', 'attention'] as const) {
    for (const [label, filter] of filters) {
      for (const offset of [0, 5000]) {
        const ms = medianMs(() => queryQueue(library.db, { sort, offset, limit: 100, ...filter }), RUNS);
        timings.push({ label: `${label}, sort ${sort}, offset ${offset}`, ms });
      }
    }
  }
  const slowest = timings.reduce((a, b) => (b.ms > a.ms ? b : a));
  const median = [...timings].sort((a, b) => a.ms - b.ms)[Math.floor(timings.length / 2)]!.ms;
  return [
    {
      name: 'review queue page of 100, slowest of every filter x sort x offset',
      value: slowest.ms,
      unit: 'ms',
      target: { atMost: 20 },
      detail: `${timings.length} combinations, median ${median.toFixed(2)} ms; slowest: ${slowest.label}`,
    },
  ];
}

function searchResults(library: Library): BenchResult[] {
  const queries = ['lumbar', 'acupuncture sessions', '"physical therapy"', 'Norco OR tramadol', 'cervical MRI radiculopathy'];
  const timings = queries.map((query) => ({ query, ms: medianMs(() => searchLetters(library.db, query, { limit: 50 }), RUNS) }));
  const queueSearch = medianMs(() => queryQueue(library.db, { sort: 'import', offset: 0, limit: 100, search: 'lumbar' }), RUNS);
  const slowest = timings.reduce((a, b) => (b.ms > a.ms ? b : a));
  return [
    {
      name: 'full-text search (50 hits with snippets), slowest query',
      value: slowest.ms,
      unit: 'ms',
      target: { atMost: 50 },
      detail: timings.map((t) => `${t.query}: ${t.ms.toFixed(1)} ms`).join('; '),
    },
    { name: 'review queue page of 100 filtered by a full-text search', value: queueSearch, unit: 'ms', target: { atMost: 50 } },
    ...markResults(library, queries),
  ];
}

/** The source pane's search marks (FTS5 highlight() over one letter) and a bulk preview over the whole library. */
function markResults(library: Library, queries: readonly string[]): BenchResult[] {
  const letterId = Math.max(1, Math.floor(countQueue(library.db) / 2));
  const marks = queries.map((query) => ({ query, ms: medianMs(() => searchMarks(library.db, letterId, query), RUNS) }));
  const slowest = marks.reduce((a, b) => (b.ms > a.ms ? b : a));
  const bulk = medianMs(() => previewBulkSelection(library.db, { search: 'lumbar', searchIn: 'service', filter: {} }, 5000), 3);
  return [
    {
      name: 'search marks in one letter, slowest query',
      value: slowest.ms,
      unit: 'ms',
      target: { atMost: 20 },
      detail: marks.map((t) => `${t.query}: ${t.ms.toFixed(2)} ms`).join('; '),
    },
    { name: 'bulk preview of up to 5,000 items whose service says lumbar', value: bulk, unit: 'ms', target: { atMost: 1000 } },
  ];
}

