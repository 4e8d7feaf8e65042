/**
 * Bringing a library's derived values to a newer version of the rules: a slice at a time and
 * resumable across a reopen, ending with every letter's checks as worked out from scratch; while
 * it runs the letter a reviewer opens and every export carry the new values all the same; an
 * undo of a change older than the update leaves the new ones; and the library server does it in
 * the background, answering requests meanwhile.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportDataset } from '../../src/main/export/index.ts';
import {
  bringDerivedUpToDate,
  derivedBacklog,
  editLetterField,
  letterAsReviewed,
  refreshDerivedSlice,
  undo,
} from '../../src/main/review/index.ts';
import type { Library } from '../../src/main/storage/index.ts';
import { countQueue, openLibrary } from '../../src/main/storage/index.ts';
import { startServerFixture } from '../server/fixture.ts';
import { useTempFolder } from '../storage/helpers.ts';
import { addLetters, letterOf, REVIEWER, refOf, THREE_ITEMS } from './helpers.ts';

const temp = useTempFolder();
const LETTERS = 40;

/** Letters whose case numbers fail the format check, stored as an older app would have left them: no findings, an older version. */
function staleLibrary(): { library: Library; letterIds: number[] } {
  const library = temp.library();
  const letterIds = addLetters(
    library,
    Array.from({ length: LETTERS }, (_, i) => ({ ...THREE_ITEMS, caseNumber: `CM16-${i}` })),
  );
  makeStale(library);
  return { library, letterIds };
}

function makeStale(library: Library): void {
  library.db.exec("UPDATE letters SET checks = '[]', check_count = 0; DELETE FROM item_facets");
  library.db.prepare("UPDATE settings SET value = ? WHERE key = 'derived_version'").run(JSON.stringify('an older version'));
  library.db.prepare("DELETE FROM settings WHERE key IN ('derived_refresh', 'derived_since')").run();
}

const codes = (library: Library, letterId: number) => letterOf(library, letterId).checks.map((check) => check.code);

describe('the derived-values update', () => {
  it('goes a slice at a time, goes on after a reopen where it stopped, and ends with every letter current', () => {
    const { library, letterIds } = staleLibrary();
    expect(derivedBacklog(library.db)).toEqual({ done: 0, total: LETTERS });
    expect(countQueue(library.db, { hasChecks: true })).toBe(0);
    // A budget of zero still does one letter per slice.
    expect(refreshDerivedSlice(library.db, 0)).toEqual({ done: 1, total: LETTERS });
    expect(refreshDerivedSlice(library.db, 0)).toEqual({ done: 2, total: LETTERS });
    const file = library.file;
    library.close();
    const reopened = openLibrary(file);
    try {
      expect(derivedBacklog(reopened.db)).toEqual({ done: 2, total: LETTERS });
      expect(codes(reopened, letterIds[0]!)).toEqual(['case-number-format']);
      expect(codes(reopened, letterIds[2]!)).toEqual([]);
      expect(bringDerivedUpToDate(reopened.db)).toBe(LETTERS - 2);
      expect(derivedBacklog(reopened.db)).toBeNull();
      expect(countQueue(reopened.db, { hasChecks: true })).toBe(LETTERS);
      expect(countQueue(reopened.db, { category: 'imaging' })).toBe(LETTERS);
      for (const letterId of letterIds) expect(codes(reopened, letterId)).toEqual(['case-number-format']);
    } finally {
      reopened.close();
    }
  });

  it('while it runs, an opened letter and an export carry the new values', async () => {
    const { library, letterIds } = staleLibrary();
    refreshDerivedSlice(library.db, 0);
    const shown = letterAsReviewed(library.db, letterOf(library, letterIds.at(-1)!));
    expect(shown.checks.map((check) => check.code)).toEqual(['case-number-format']);
    expect(shown.items[0]?.vocabulary?.category).toBe('imaging');

    const during = path.join(temp.folder(), 'during');
    await exportDataset(library.file, { format: 'jsonl', outDir: during, scope: 'all' });
    bringDerivedUpToDate(library.db);
    const after = path.join(temp.folder(), 'after');
    await exportDataset(library.file, { format: 'jsonl', outDir: after, scope: 'all' });
    const lines = (folder: string) => readFileSync(path.join(folder, 'letters.jsonl'), 'utf8');
    expect(lines(during)).toEqual(lines(after));
    expect(lines(after)).toContain('"case-number-format"');
  });

  it('an undo of a change made before the update leaves the new version’s findings', () => {
    const library = temp.library();
    const [letterId] = addLetters(library, [{ ...THREE_ITEMS, caseNumber: 'CM16-12' }]) as [number];
    editLetterField(library.db, REVIEWER, refOf(library, letterId), 'reviewerSpecialty', { value: 'Internal Medicine' });
    // As an older app recorded it: the letter's row before the change held that version's findings (none).
    library.db.exec("UPDATE change_rows SET before = json_set(before, '$.checks', '[]', '$.check_count', 0) WHERE table_name = 'letters'");
    library.db.prepare("UPDATE change_groups SET at = '2020-01-01T00:00:00.000Z'").run();
    makeStale(library);
    bringDerivedUpToDate(library.db);
    expect(codes(library, letterId)).toEqual(['case-number-format']);
    undo(library.db);
    expect(codes(library, letterId)).toEqual(['case-number-format']);
    expect(countQueue(library.db, { hasChecks: true })).toBe(1);
  });
});

describe('in the library server', () => {
  it('runs in the background: requests are answered meanwhile, and getStats reports it until it ends', async () => {
    const library = temp.library();
    const letterIds = addLetters(library, Array.from({ length: 300 }, (_, i) => ({ ...THREE_ITEMS, caseNumber: `CM16-${i}` })));
    makeStale(library);
    const file = library.file;
    library.close();
    const server = await startServerFixture({ file });
    try {
      const first = await server.call('getStats');
      expect(first.derivedUpdate?.total).toBe(300);
      expect(first.derivedUpdate!.done).toBeLessThan(300);
      const letter = await server.call('getLetter', letterIds.at(-1));
      expect(letter?.checks.map((check) => check.code)).toEqual(['case-number-format']);
      let stats = first;
      for (let i = 0; i < 400 && stats.derivedUpdate !== null; i++) {
        await new Promise((resolve) => setTimeout(resolve, 25));
        stats = await server.call('getStats');
      }
      expect(stats.derivedUpdate).toBeNull();
      expect((await server.call('queryQueue', { sort: 'import', offset: 0, limit: 1, hasChecks: true })).total).toBe(300);
    } finally {
      await server.dispose();
    }
  });
});
