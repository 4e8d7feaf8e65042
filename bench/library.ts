/**
 * The library at 100,000 letters: opening it, a page of the review queue under every
 * filter and sort, full-text search, the source pane's search marks and a bulk preview. Targets: open
 * < 1 s, `stats`'s open and counts < 300 ms, page < 20 ms, search < 50 ms, marks < 20 ms, bulk preview < 1 s.
 * Nothing is stamped or cached between runs: every open is a first open. The damage check runs in
 * the background (storage/writeGate.ts); how long a first write waits for it is printed too.
 */
import type { Library, QueueQuery } from '../src/main/storage/index.ts';
import { countQueue, getLibraryStats, openLibrary, openLibraryReadOnly, previewBulkSelection, queryQueue, searchLetters, searchMarks } from '../src/main/storage/index.ts';
import { LIBRARY_LETTERS, libraryFile } from './data.ts';
import type { BenchResult } from './result.ts';
import { medianMs } from './stats.ts';

/** Runs of each query; its median is the figure. */
const RUNS = 9;

export async function benchLibrary(): Promise<BenchResult[]> {
  const file = libraryFile();

  // What `imr-review stats` does: a read-only open and the counts.
  const statsStarted = performance.now();
  const reader = openLibraryReadOnly(file);
  getLibraryStats(reader.db);
  reader.close();
  const statsMs = performance.now() - statsStarted;

  // What the app does at start: open (and check) the file, then show counts and the first page.
  const openStarted = performance.now();
  const library = openLibrary(file);
  getLibraryStats(library.db);
  queryQueue(library.db, { sort: 'import', offset: 0, limit: 100 });
  countQueue(library.db, {});
  const openMs = performance.now() - openStarted;
  try {
    const results = [
      {
        name: `open a library of ${LIBRARY_LETTERS} letters, with its counts and first queue page`,
        value: openMs,
        unit: 'ms',
        target: { atMost: 1000 },
      },
      { name: `stats: a read-only open of ${LIBRARY_LETTERS} letters and its counts`, value: statsMs, unit: 'ms', target: { atMost: 300 } },
      ...queueResults(library),
      ...searchResults(library),
    ];
    return [...results, firstWriteResult(file)];
  } finally {
    library.close();
  }
}

/** The longest a write can wait: one made right after an open waits for the whole background check. */
function firstWriteResult(file: string): BenchResult {
  const started = performance.now();
  const library = openLibrary(file);
  try {
    // A write that changes nothing: it waits for the check like any other.
    library.db.prepare("DELETE FROM settings WHERE key = 'bench: no such key'").run();
    return { name: 'a write right after the open, waiting for the damage check in the background', value: performance.now() - started, unit: 'ms', detail: 'reads are answered meanwhile; a write made later waits only for what is left of the check' };
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

