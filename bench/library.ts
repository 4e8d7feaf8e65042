/**
 * The library at 100,000 letters: opening it, a page of the review queue under every
 * filter and sort, and full-text search. Targets: open < 1 s, page < 20 ms, search < 50 ms.
 */
import { createHash } from 'node:crypto';
import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseLetter } from '../src/main/letters/parsing/index.ts';
import type { Library, QueueQuery } from '../src/main/storage/index.ts';
import {
  createTag,
  insertParsedLetter,
  openLibrary,
  queryQueue,
  searchLetters,
  startImportRun,
  tagLetter,
  verifyLetter,
} from '../src/main/storage/index.ts';
import { generateLetter, renderLetterText } from '../test/fixtures/index.ts';
import { DATA_DIR } from './data.ts';
import type { BenchResult } from './result.ts';

const LETTERS = 100_000;
/** Distinct generated letters; each is stored several times under a different case number. */
const DISTINCT = 10_000;
const REPEATS = 15;

export async function benchLibrary(): Promise<BenchResult[]> {
  const file = path.join(DATA_DIR, `library-${LETTERS}.sqlite`);
  if (!existsSync(file)) buildLibrary(file);

  const openStarted = performance.now();
  const library = openLibrary(file);
  const openMs = performance.now() - openStarted;
  try {
    return [
      { name: `open a library of ${LETTERS} letters`, value: openMs, unit: 'ms', target: { atMost: 1000 } },
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
        const ms = medianMs(() => queryQueue(library.db, { sort, offset, limit: 100, ...filter }));
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
  const timings = queries.map((query) => ({ query, ms: medianMs(() => searchLetters(library.db, query, { limit: 50 })) }));
  const queueSearch = medianMs(() => queryQueue(library.db, { sort: 'import', offset: 0, limit: 100, search: 'lumbar' }));
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
  ];
}

function medianMs(work: () => unknown, runs = 9): number {
  work();
  const times = Array.from({ length: runs }, () => {
    const started = performance.now();
    work();
    return performance.now() - started;
  }).sort((a, b) => a - b);
  return times[Math.floor(runs / 2)]!;
}

/** Stores generated letters until the library holds LETTERS, a share of them verified and tagged. */
function buildLibrary(file: string): void {
  process.stdout.write(`    (building a ${LETTERS}-letter library at ${file}, once)\n`);
  const partial = `${file}.building`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(partial + suffix, { force: true });
  const library = openLibrary(partial, { reviewer: 'bench' });
  const runId = startImportRun(library.db, 'benchmark');
  const tagId = createTag(library.db, { name: 'needs second look', colour: '#d9480f', hotkey: '1', scope: 'letter' });
  let stored = 0;
  for (let seed = 0; seed < DISTINCT && stored < LETTERS; seed++) {
    const text = renderLetterText(generateLetter(seed), seed % 3 === 0 ? 'layout' : 'plain');
    for (let copy = 0; copy < REPEATS && stored < LETTERS; copy++) {
      // A different case number makes each copy its own letter (and its own sha256).
      const caseNumber = `CM${String(16 + (copy % 2)).padStart(2, '0')}-${String(stored).padStart(7, '0')}`;
      const copyText = text.replace(/CM\d{2}-\d{7}/, caseNumber);
      const sha256 = createHash('sha256').update(copyText).digest('hex');
      const source = {
        path: `/bench/${caseNumber}.txt`,
        fileName: `${caseNumber}.txt`,
        size: copyText.length,
        sha256,
        kind: 'text' as const,
        text: copyText,
        pageOffsets: [0],
        encoding: 'utf-8',
      };
      const { letterId } = insertParsedLetter(library.db, source, parseLetter(copyText), runId);
      if (stored % 20 === 0) tagLetter(library.db, letterId, tagId);
      if (stored % 10 === 0) verifyLetter(library.db, letterId);
      stored++;
    }
  }
  library.db.pragma('wal_checkpoint(TRUNCATE)');
  library.close();
  renameSync(partial, file);
}
