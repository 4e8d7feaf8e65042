/**
 * The import pipeline against real files and a real library: good letters stored
 * whole, each bad file reported with its reason, duplicates skipped, cancellation.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { importLetters } from '../../src/main/import/pipeline.ts';
import { deriveValues } from '../../src/main/letters/derive.ts';
import { readLetterFile } from '../../src/main/letters/reading/index.ts';
import { checkSettings, derivableOf } from '../../src/main/review/derived.ts';
import type { Library } from '../../src/main/storage/index.ts';
import { getLetter, getLibraryStats, listImportErrors, openLibrary, queryQueue, readLetterPages } from '../../src/main/storage/index.ts';
import type { ImportProgress } from '../../src/shared/importing.ts';
import type { FixtureEntry } from '../fixtures/index.ts';
import { generateLetter, writeFixtureFolder } from '../fixtures/index.ts';

let dir: string;
let library: Library;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'imr-import-'));
  library = openLibrary(path.join(dir, 'library.sqlite'), { reviewer: 'Test Reviewer' });
});

afterEach(async () => {
  library.close();
  await rm(dir, { recursive: true, force: true });
});

const BAD_KINDS = ['corrupt-pdf', 'password-pdf', 'scanned-pdf', 'empty-pdf', 'empty-text', 'binary-text', 'huge-text'] as const;
const EXPECTED_CODES: Record<(typeof BAD_KINDS)[number], string> = {
  'corrupt-pdf': 'corrupt-pdf',
  'password-pdf': 'password-protected',
  'scanned-pdf': 'no-text-layer',
  'empty-pdf': 'empty-file',
  'empty-text': 'empty-file',
  'binary-text': 'binary-file',
  'huge-text': 'too-large',
};

function goodEntries(entries: readonly FixtureEntry[]): FixtureEntry[] {
  return entries.filter((entry) => entry.bad === null);
}

describe('importing a folder with planted bad files', () => {
  test('stores every good letter, records each bad file with its reason, and goes on', async () => {
    const letters = path.join(dir, 'letters');
    const entries = await writeFixtureFolder(letters, { count: 12, seed: 500, badFiles: BAD_KINDS, hugeFileBytes: 300_000 });
    const progress: ImportProgress[] = [];
    const summary = await importLetters(library, [letters], { maxBytes: 200_000, threads: 2, onProgress: (p) => progress.push(p) });

    expect(summary.status).toBe('completed');
    expect(summary.imported).toBe(12);
    expect(summary.failed).toBe(BAD_KINDS.length);
    const byFile = new Map(summary.failures.map((f) => [path.basename(f.path), f]));
    for (const entry of entries.filter((e) => e.bad !== null)) {
      const failure = byFile.get(entry.file);
      expect(failure?.code, entry.file).toBe(EXPECTED_CODES[entry.bad as (typeof BAD_KINDS)[number]]);
      expect(failure?.message).toContain(entry.file);
    }
    // The truth .json files sit beside the letters and are reported as skipped.
    expect(summary.skipped).toHaveLength(12);

    const errors = listImportErrors(library.db, summary.runId);
    expect(errors.map((e) => e.code).sort()).toEqual(Object.values(EXPECTED_CODES).sort());
    const stats = getLibraryStats(library.db);
    expect(stats.letters).toBe(12);

    // Each stored letter matches its generated truth.
    const rows = queryQueue(library.db, { sort: 'import', offset: 0, limit: 100 });
    for (const entry of goodEntries(entries)) {
      const truth = generateLetter(entry.seed).truth;
      const row = rows.find((r) => r.fileName === entry.file);
      expect(row, entry.file).toBeDefined();
      const stored = getLetter(library.db, row!.id)!;
      expect(stored.items.map((item) => item.service)).toEqual(truth.items.map((item) => item.service));
    }

    // The count comes as soon as the files are found, before any letter is read, and stays.
    expect(progress[0]).toMatchObject({ done: 0, imported: 0, total: 12 + BAD_KINDS.length });
    expect(new Set(progress.map((p) => p.total))).toEqual(new Set([12 + BAD_KINDS.length]));
    expect(progress.at(-1)?.done).toBe(12 + BAD_KINDS.length);
    const done = progress.map((p) => p.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
  });

  test('importing the same folder again stores nothing new and counts duplicates', async () => {
    const letters = path.join(dir, 'letters');
    await writeFixtureFolder(letters, { count: 6, seed: 600 });
    const first = await importLetters(library, [letters], { threads: 1 });
    const second = await importLetters(library, [letters], { threads: 1 });
    expect(first.imported).toBe(6);
    expect(second.imported).toBe(0);
    expect(second.duplicates).toBe(6);
    expect(getLibraryStats(library.db).letters).toBe(6);
  });

  test('keeps a copy of every PDF with its layout, and importing again gives their pages to PDFs stored without them', async () => {
    const letters = path.join(dir, 'letters');
    const entries = await writeFixtureFolder(letters, { count: 6, seed: 620, pdfShare: 0.5 });
    await importLetters(library, [letters], { threads: 2 });
    const rows = queryQueue(library.db, { sort: 'import', offset: 0, limit: 100 });
    const kinds = rows.map((row) => readLetterPages(library.db, row.id)?.kind);
    const kindOfFile = new Map(entries.map((entry) => [entry.file, entry.kind === 'pdf' ? 'pdf' : 'none']));
    expect(kinds).toEqual(rows.map((row) => kindOfFile.get(row.fileName)));
    expect(kinds).toContain('pdf');
    // What the workers packed is the file's bytes and the layout the reader gives.
    for (const row of rows.filter((_, i) => kinds[i] === 'pdf')) {
      const file = path.join(letters, row.fileName);
      const stored = readLetterPages(library.db, row.id);
      if (stored?.kind !== 'pdf') throw new Error(`${row.fileName} has no pages`);
      expect(stored.pdf.equals(readFileSync(file))).toBe(true);
      expect(stored.layout).toEqual((await readLetterFile(file)).pdf!.layout);
    }
    // As a library from before the page view holds them.
    library.db.exec('DELETE FROM letter_pages');
    const again = await importLetters(library, [letters], { threads: 2 });
    expect(again).toMatchObject({ imported: 0, duplicates: 6 });
    expect(rows.map((row) => readLetterPages(library.db, row.id)?.kind)).toEqual(kinds);
  });

  test('says where its time went: every stage measured, the workers within their threads time', async () => {
    const letters = path.join(dir, 'letters');
    await writeFixtureFolder(letters, { count: 6, seed: 640, pdfShare: 1 });
    const summary = await importLetters(library, [letters], { threads: 2 });
    expect(summary.imported).toBe(6);
    const { hashing, reading, parsing, deriving, handOver, waitingForOrder, storing } = summary.stageMs;
    for (const spent of [hashing, reading, parsing, deriving, storing]) expect(spent).toBeGreaterThan(0);
    for (const spent of [handOver, waitingForOrder]) expect(spent).toBeGreaterThanOrEqual(0);
    // Two workers cannot spend more than twice the import's time; this thread not more than it.
    expect(reading + parsing + deriving).toBeLessThanOrEqual(2 * summary.elapsedMs);
    expect(hashing + storing).toBeLessThanOrEqual(summary.elapsedMs);
  });

  test('letters are stored in file order, whichever worker finishes first', async () => {
    const letters = path.join(dir, 'letters');
    const entries = await writeFixtureFolder(letters, { count: 16, seed: 640, pdfShare: 0.5 });
    await importLetters(library, [letters], { threads: 2 });
    const stored = queryQueue(library.db, { sort: 'import', offset: 0, limit: 100 }).map((row) => row.fileName);
    expect(stored).toEqual(entries.map((entry) => entry.file).sort());
  });

  test('a path that does not exist is reported and the rest is imported', async () => {
    const letters = path.join(dir, 'letters');
    await writeFixtureFolder(letters, { count: 2, seed: 650, pdfShare: 0 });
    const missing = path.join(dir, 'no-such-folder');
    const summary = await importLetters(library, [letters, missing], { threads: 1 });
    expect(summary.imported).toBe(2);
    expect(summary.failures).toEqual([{ path: missing, code: 'not-found', message: `${missing}: no such file or folder` }]);
  });
});

describe('cancellation', () => {
  test('stops taking files, keeps what was stored whole, and a second import completes the work', async () => {
    const letters = path.join(dir, 'letters');
    await writeFixtureFolder(letters, { count: 30, seed: 700, pdfShare: 1 });
    const controller = new AbortController();
    const cancelled = await importLetters(library, [letters], {
      threads: 1,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.done === 4) controller.abort();
      },
    });
    expect(cancelled.status).toBe('cancelled');
    const storedAfterCancel = getLibraryStats(library.db).letters;
    expect(storedAfterCancel).toBeGreaterThanOrEqual(4);
    expect(storedAfterCancel).toBeLessThan(30);

    const resumed = await importLetters(library, [letters], { threads: 2 });
    expect(resumed.status).toBe('completed');
    expect(resumed.imported).toBe(30 - storedAfterCancel);
    expect(resumed.duplicates).toBe(storedAfterCancel);
    expect(getLibraryStats(library.db).letters).toBe(30);
  });
});

describe('values derived at import', () => {
  test('each letter is stored with the rule check findings and the facets its own values give', async () => {
    const folder = path.join(dir, 'derived');
    await writeFixtureFolder(folder, { count: 6, seed: 7100, pdfShare: 0.5 });
    await importLetters(library, [folder]);
    const rows = queryQueue(library.db, { sort: 'import', offset: 0, limit: 10 });
    expect(rows).toHaveLength(6);
    for (const row of rows) {
      const letter = getLetter(library.db, row.id)!;
      const derived = deriveValues(derivableOf(letter), checkSettings(library.db));
      expect(letter.checks).toEqual(derived.checks);
      expect(row.checkCount).toBe(derived.checks.length);
      const facets = library.db.prepare('SELECT facet, value FROM item_facets WHERE letter_id = ? ORDER BY item_id, facet, value').all(row.id);
      const expected = derived.items.flatMap((item) => [...item.facets].sort((a, b) => a.facet.localeCompare(b.facet) || a.value.localeCompare(b.value)));
      expect(facets).toEqual(expected);
    }
  });
});
