/** Re-parse replaces the parse of untouched letters and leaves every piece of human work alone. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { importLetters } from '../../src/main/import/pipeline.ts';
import { reparseUntouchedLetters } from '../../src/main/import/reparse.ts';
import type { Library } from '../../src/main/storage/index.ts';
import { getLetter, listLetterHistory, openLibrary, queryQueue } from '../../src/main/storage/index.ts';
import { updateItemField, verifyLetter } from '../review/asReviewer.ts';
import { generateLetter, writeFixtureFolder } from '../fixtures/index.ts';

let dir: string;
let library: Library;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'imr-reparse-'));
  library = openLibrary(path.join(dir, 'library.sqlite'), { reviewer: 'Reviewer A' });
});

afterEach(async () => {
  library.close();
  await rm(dir, { recursive: true, force: true });
});

test('an older parse is replaced; edited and verified letters keep their state', async () => {
  const letters = path.join(dir, 'letters');
  const entries = await writeFixtureFolder(letters, { count: 3, seed: 1200, pdfShare: 0 });
  await importLetters(library, [letters], { threads: 1 });
  const ids = queryQueue(library.db, { sort: 'import', offset: 0, limit: 10 }).map((row) => row.id);
  const [edited, verified, untouched] = ids.map((id) => getLetter(library.db, id)!);

  updateItemField(library.db, edited!.items[0]!.id, 'service', 'Corrected by a person');
  verifyLetter(library.db, verified!.id);
  // What an older parser might have stored: a wrong service and an older version.
  library.db.prepare("UPDATE items SET service = 'old parser output' WHERE letter_id = ?").run(untouched!.id);
  library.db.prepare("UPDATE letters SET parser_version = '0.9.0'").run();

  const result = reparseUntouchedLetters(library);
  expect(result).toEqual({ reparsed: 1, kept: 2 });

  const truthOf = (id: number) => {
    const entry = entries.find((e) => e.file === getLetter(library.db, id)!.fileName)!;
    return generateLetter(entry.seed).truth;
  };
  expect(getLetter(library.db, untouched!.id)!.items.map((i) => i.service)).toEqual(truthOf(untouched!.id).items.map((i) => i.service));
  expect(getLetter(library.db, edited!.id)!.items[0]!.service).toBe('Corrected by a person');
  expect(listLetterHistory(library.db, edited!.id).map((h) => h.reviewer)).toEqual(['Reviewer A']);
  expect(getLetter(library.db, verified!.id)!.status).toBe('verified');
});
