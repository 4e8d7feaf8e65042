/** Generated benchmark inputs, made once and kept in bench/.data (git-ignored). */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import { deriveValues, derivableOfParsed } from '../src/main/letters/derive.ts';
import { parseLetter } from '../src/main/letters/parsing/index.ts';
import { bringDerivedUpToDate, verifyLetter } from '../src/main/review/index.ts';
import { LATEST_SCHEMA_VERSION } from '../src/main/storage/migrations/index.ts';
import { createTag, insertParsedLetter, openLibrary, startImportRun, tagLetter } from '../src/main/storage/index.ts';
import { generateLetter, renderLetterText, writeFixtureFolder } from '../test/fixtures/index.ts';

export const DATA_DIR = path.resolve(import.meta.dirname, '.data');

/** A folder of `count` generated PDF letters (2-4 pages typical), written on first use. */
export async function pdfFolder(count: number): Promise<string> {
  const folder = path.join(DATA_DIR, `pdf-${count}`);
  const ready = existsSync(folder) && (await readdir(folder)).filter((name) => name.endsWith('.pdf')).length === count;
  if (!ready) {
    process.stdout.write(`    (writing ${count} generated PDF letters to ${folder}, once)\n`);
    await rm(folder, { recursive: true, force: true });
    await writeFixtureFolder(folder, { count, seed: 1, pdfShare: 1 });
  }
  return folder;
}

/** The real letters beside the project (../shared/letters/dev), when they are there. */
export const REAL_LETTERS = path.resolve(import.meta.dirname, '../../shared/letters/dev');

/**
 * At least `count` PDF files made from the real letters, each letter copied with distinct bytes
 * (a PDF comment after its end, which readers ignore), so the duplicate check passes every copy;
 * null when the real letters are not here.
 */
export async function realPdfFolder(count: number): Promise<string | null> {
  if (!existsSync(REAL_LETTERS)) return null;
  const sources = (await readdir(REAL_LETTERS)).filter((name) => name.endsWith('.pdf')).sort();
  if (sources.length === 0) return null;
  const copies = Math.ceil(count / sources.length);
  const folder = path.join(DATA_DIR, `real-pdf-${sources.length * copies}`);
  const ready = existsSync(folder) && (await readdir(folder)).length === sources.length * copies;
  if (!ready) {
    process.stdout.write(`    (copying the ${sources.length} real letters ${copies} times into ${folder}, once)\n`);
    await rm(folder, { recursive: true, force: true });
    await mkdir(folder, { recursive: true });
    for (const name of sources) {
      const bytes = await readFile(path.join(REAL_LETTERS, name));
      for (let copy = 0; copy < copies; copy++) {
        await writeFile(path.join(folder, `${path.basename(name, '.pdf')}-${copy}.pdf`), Buffer.concat([bytes, Buffer.from(`\n%bench copy ${copy}\n`)]));
      }
    }
  }
  return folder;
}

export const LIBRARY_LETTERS = 100_000;
/** Distinct generated letters; each is stored several times under a different case number. */
const DISTINCT = 10_000;
const REPEATS = 15;

const libraryAt = (version: number) => path.join(DATA_DIR, `library-${LIBRARY_LETTERS}-v${version}.sqlite`);

/** A library file of LIBRARY_LETTERS letters (a tenth verified, a twentieth tagged), built on first use. */
export function libraryFile(): string {
  // Named by its schema: one left by an older version is brought up to date as a user's would be, else one is built.
  const file = libraryAt(LATEST_SCHEMA_VERSION);
  if (existsSync(file)) return file;
  const older = Array.from({ length: LATEST_SCHEMA_VERSION - 1 }, (_, index) => libraryAt(LATEST_SCHEMA_VERSION - 1 - index)).find((candidate) => existsSync(candidate));
  if (older) migrateLibrary(older, file);
  else buildLibrary(file);
  return file;
}

/** Moves an older bench library to `file` through the app's own migrations (minutes faster than building one). */
function migrateLibrary(older: string, file: string): void {
  process.stdout.write(`    (bringing ${older} up to schema ${LATEST_SCHEMA_VERSION} by migration, once)\n`);
  const partial = `${file}.migrating`;
  const folded = new Database(older);
  folded.pragma('wal_checkpoint(TRUNCATE)');
  folded.close();
  for (const suffix of ['-wal', '-shm', '-checked']) rmSync(older + suffix, { force: true });
  renameSync(older, partial);
  const library = openLibrary(partial, { reviewer: 'bench' });
  library.db.pragma('wal_checkpoint(TRUNCATE)');
  library.close();
  if (library.backupFile) rmSync(library.backupFile, { force: true });
  renameSync(partial, file);
  rmSync(`${partial}-checked`, { force: true });
}

/** Stores generated letters until the library holds LIBRARY_LETTERS, a share of them verified and tagged. */
function buildLibrary(file: string): void {
  process.stdout.write(`    (building a ${LIBRARY_LETTERS}-letter library at ${file}, once)\n`);
  mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.building`;
  for (const suffix of ['', '-wal', '-shm', '-checked']) rmSync(partial + suffix, { force: true });
  const library = openLibrary(partial, { reviewer: 'bench' });
  // Empty, so this only records that the letters stored below carry this version's derived values.
  bringDerivedUpToDate(library.db);
  const runId = startImportRun(library.db, 'benchmark');
  const tagId = createTag(library.db, { name: 'needs second look', colour: '#d9480f', hotkey: '1', scope: 'letter' });
  let stored = 0;
  // A thousand letters per transaction: one commit per letter made the build take most of an hour.
  const storeBatch = library.db.transaction((seeds: readonly number[]) => {
    for (const seed of seeds) {
      // With a header table, so each copy can get a case number of its own.
      const text = renderLetterText(generateLetter(seed, { headerTable: true }), seed % 3 === 0 ? 'layout' : 'plain');
      for (let copy = 0; copy < REPEATS && stored < LIBRARY_LETTERS; copy++) {
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
        const copyParsed = parseLetter(copyText);
        const { status, letterId } = insertParsedLetter(library.db, source, copyParsed, runId, deriveValues(derivableOfParsed(copyParsed)));
        if (status === 'duplicate') throw new Error(`bench library: ${caseNumber} is not a new letter`);
        if (stored % 20 === 0) tagLetter(library.db, letterId, tagId);
        if (stored % 10 === 0) verifyLetter(library.db, { reviewer: 'bench', origin: 'review' }, { letterId, revision: 0 });
        stored++;
      }
    }
  });
  const SEEDS_PER_BATCH = 70;
  for (let seed = 0; seed < DISTINCT && stored < LIBRARY_LETTERS; seed += SEEDS_PER_BATCH) {
    storeBatch(Array.from({ length: SEEDS_PER_BATCH }, (_, i) => seed + i).filter((s) => s < DISTINCT));
    if (stored % 10_000 < REPEATS * SEEDS_PER_BATCH) process.stdout.write(`    (${stored.toLocaleString('en-US')} letters stored)\n`);
  }
  library.db.pragma('wal_checkpoint(TRUNCATE)');
  library.close();
  renameSync(partial, file);
  // The open-check stamp names the file it was made for; the renamed library makes its own.
  rmSync(`${partial}-checked`, { force: true });
}
