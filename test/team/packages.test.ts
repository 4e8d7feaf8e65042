/**
 * Work packages end to end on real library files: made from a library, opened by a reviewer
 * like any library, edited there, merged back under the reviewer's name.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergePackage, makePackages, packageAgreement, PackageFileError } from '../../src/main/team/index.ts';
import { undoChange } from '../../src/main/storage/changes/undo.ts';
import type { Library } from '../../src/main/storage/index.ts';
import { getLetter, insertParsedLetter, listConflicts, listLetterHistory, listWorkPackages, openLibrary, readRecordBySha256 } from '../../src/main/storage/index.ts';
import { deriveValues, derivableOfParsed } from '../../src/main/letters/derive.ts';
import { buildLetter, useTempFolder } from '../storage/helpers.ts';
import type { PlainLetter } from '../storage/helpers.ts';
import { flagLetter, setDecision, updateLetterField, verifyLetter } from '../review/asReviewer.ts';

const temp = useTempFolder();

function letters(count: number): PlainLetter[] {
  return Array.from({ length: count }, (_, index) => ({
    caseNumber: `CM16-${String(index + 1).padStart(7, '0')}`,
    items: [
      { service: `Physical therapy x${index + 6}`, decision: 'Upheld' as const },
      { service: 'Lumbar MRI', decision: 'Overturned' as const },
    ],
  }));
}

function coordinator(count: number): { library: Library; letterIds: number[] } {
  const library = temp.library({ reviewer: 'Coordinator' });
  const letterIds = letters(count).map((plain) => {
    const { source, parsed } = buildLetter(plain);
    return insertParsedLetter(library.db, source, parsed, null, deriveValues(derivableOfParsed(parsed))).letterId;
  });
  return { library, letterIds };
}

function openPackage(file: string, reviewer: string): Library {
  return openLibrary(file, { reviewer });
}

/** Every letter's record, as an export would write it: what a merge and its undo must keep or restore exactly. */
function snapshot(library: Library, letterIds: readonly number[]): unknown[] {
  return letterIds.map((id) => readRecordBySha256(library.db, getLetter(library.db, id)!.sha256, true));
}

describe('work packages', () => {
  it('share the letters out, each in one package, or in two for the overlap asked for, and a package opens like a library', () => {
    const { library, letterIds } = coordinator(20);
    const folder = temp.folder();
    const made = makePackages(library.db, { reviewers: ['Ana', 'Ben'], overlap: 0.2, name: 'round1', filter: {}, folder, createdBy: 'Coordinator', libraryFile: library.file });
    expect(made.map((pkg) => [pkg.reviewer, pkg.letters, pkg.overlapping])).toEqual([
      ['Ana', 12, 4],
      ['Ben', 12, 4],
    ]);
    expect(readdirSync(folder).sort()).toEqual(['round1-Ana.imrlib', 'round1-Ben.imrlib']);
    const ana = openPackage(made[0]!.file, 'Ana');
    const anaLetters = ana.db.prepare('SELECT id FROM letters ORDER BY id').pluck().all() as number[];
    const ben = openPackage(made[1]!.file, 'Ben');
    const benLetters = ben.db.prepare('SELECT id FROM letters ORDER BY id').pluck().all() as number[];
    expect(new Set([...anaLetters, ...benLetters])).toEqual(new Set(letterIds));
    expect(anaLetters.filter((id) => benLetters.includes(id))).toHaveLength(4);
    // The package holds the letters as the library has them: text, items, and everything else.
    expect(snapshot(ana, anaLetters)).toEqual(snapshot(library, anaLetters));
    expect(ana.db.prepare("SELECT COUNT(*) FROM letter_text_fts WHERE letter_text_fts MATCH 'therapy'").pluck().get()).toBe(12);
    expect(listWorkPackages(library.db).map((pkg) => [pkg.name, pkg.reviewer, pkg.letters, pkg.mergedAt, pkg.overlapping])).toEqual([
      ['round1-Ana', 'Ana', 12, null, 4],
      ['round1-Ben', 'Ben', 12, null, 4],
    ]);
    ana.close();
    ben.close();
    // Letters out in a package are not shared out again.
    expect(() => makePackages(library.db, { reviewers: ['Cy'], overlap: 0, name: 'round2', filter: {}, folder, createdBy: 'Coordinator', libraryFile: library.file })).toThrow(/No letters to share out/);
  });

  it('draw at random with a seed, the same letters for the same seed, and refuse a file that exists', () => {
    const { library } = coordinator(30);
    const request = { reviewers: ['Ana'], overlap: 0, count: 5, seed: 42, name: 'draw', filter: {}, createdBy: 'Coordinator', libraryFile: library.file, skipLettersOut: false };
    const first = makePackages(library.db, { ...request, folder: temp.folder() });
    const second = makePackages(library.db, { ...request, folder: temp.folder() });
    const idsOf = (file: string) => {
      const pkg = openPackage(file, 'Ana');
      const ids = pkg.db.prepare('SELECT id FROM letters ORDER BY id').pluck().all();
      pkg.close();
      return ids;
    };
    expect(idsOf(first[0]!.file)).toEqual(idsOf(second[0]!.file));
    expect(idsOf(first[0]!.file)).not.toEqual([1, 2, 3, 4, 5]);
    expect(() => makePackages(library.db, { ...request, folder: path.dirname(first[0]!.file) })).toThrow(/already exists/);
    // A folder that is not there, or a file, is named as such; nothing is written or recorded.
    const missing = path.join(temp.folder(), 'not', 'there');
    expect(() => makePackages(library.db, { ...request, folder: missing })).toThrow(`There is no folder ${missing}: create it first, or type another`);
    expect(() => makePackages(library.db, { ...request, folder: first[0]!.file })).toThrow(`${first[0]!.file} is a file, not a folder`);
    expect(listWorkPackages(library.db)).toHaveLength(2);
  });

  it('merge a reviewer\'s changes back under their name, once, and one undo takes the merge back exactly', () => {
    const { library, letterIds } = coordinator(4);
    const [made] = makePackages(library.db, { reviewers: ['Ana'], overlap: 0, name: 'r', filter: {}, folder: temp.folder(), createdBy: 'Coordinator', libraryFile: library.file });
    const ana = openPackage(made!.file, 'Ana');
    const [first, second] = letterIds as [number, number];
    setDecision(ana.db, getLetter(ana.db, first)!.items[0]!.id, 'Overturned');
    updateLetterField(ana.db, first, 'decisionDate', '2017-01-06');
    verifyLetter(ana.db, first);
    flagLetter(ana.db, second, 'Page 3 is missing');
    ana.close();

    const before = snapshot(library, letterIds);
    const result = mergePackage(library.db, made!.file, { mergedBy: 'Coordinator' });
    expect(result).toMatchObject({ reviewer: 'Ana', lettersChanged: 2, conflicts: 0 });
    const merged = getLetter(library.db, first)!;
    expect(merged.items[0]!.decision).toBe('Overturned');
    expect(merged.header?.decisionDate).toBe('01/06/2017');
    expect(merged.status).toBe('verified');
    expect(merged.verifiedBy).toBe('Ana');
    expect(getLetter(library.db, second)).toMatchObject({ status: 'flagged', flagReason: 'Page 3 is missing' });
    const history = listLetterHistory(library.db, first);
    expect(history.at(-1)).toMatchObject({ action: 'package-merge', reviewer: 'Ana', details: { file: 'r-Ana', letterCount: 2 } });
    expect(listWorkPackages(library.db)[0]).toMatchObject({ returned: 2, verified: 1, flagged: 1 });
    expect(listWorkPackages(library.db)[0]!.mergedAt).not.toBeNull();

    const after = snapshot(library, letterIds);
    expect(mergePackage(library.db, made!.file, { mergedBy: 'Coordinator' }).changeId).toBeNull();
    expect(snapshot(library, letterIds)).toEqual(after);

    undoChange(library.db, result.changeId!);
    expect(snapshot(library, letterIds)).toEqual(before);
    expect(listWorkPackages(library.db)[0]).toMatchObject({ returned: 0, mergedAt: null });
    // Undone, the package merges again as it did the first time.
    expect(mergePackage(library.db, made!.file, { mergedBy: 'Coordinator' }).taken).toBe(result.taken);
    expect(snapshot(library, letterIds)).toEqual(after);
  });

  it('never lose a flag: a flag against a verification of the same letter is a conflict, whichever comes back first', () => {
    for (const flaggerFirst of [true, false]) {
      const { library, letterIds } = coordinator(2);
      const made = makePackages(library.db, { reviewers: ['Ana', 'Ben'], overlap: 1, name: `r${String(flaggerFirst)}`, filter: {}, folder: temp.folder(), createdBy: 'Coordinator', libraryFile: library.file });
      const [ana, ben] = [openPackage(made[0]!.file, 'Ana'), openPackage(made[1]!.file, 'Ben')];
      const letterId = letterIds[0]!;
      flagLetter(ana.db, letterId, 'Check item 2');
      verifyLetter(ben.db, letterId);
      ana.close();
      ben.close();
      const order = flaggerFirst ? [made[0]!, made[1]!] : [made[1]!, made[0]!];
      for (const pkg of order) mergePackage(library.db, pkg.file, { mergedBy: 'Coordinator' });
      const conflicts = listConflicts(library.db, { letterId }).filter((conflict) => conflict.field === 'status');
      expect(conflicts.map((conflict) => [conflict.ours, conflict.theirs])).toEqual([flaggerFirst ? ['flagged: Check item 2', 'verified'] : ['verified', 'flagged: Check item 2']]);
      const agreement = packageAgreement(library.db);
      expect(agreement[0]).toMatchObject({ reviewers: ['Ana', 'Ben'], statusCompared: 1, statusAgreed: 0 });
    }
  });

  it('refuse a library that is not a package, and a package of another library, naming the file', () => {
    const { library } = coordinator(2);
    const other = coordinator(2).library;
    const [made] = makePackages(other.db, { reviewers: ['Ana'], overlap: 0, name: 'x', filter: {}, folder: temp.folder(), createdBy: 'C', libraryFile: other.file });
    expect(() => mergePackage(library.db, made!.file, { mergedBy: 'C' })).toThrow(PackageFileError);
    expect(() => mergePackage(library.db, made!.file, { mergedBy: 'C' })).toThrow(`${made!.file} is a package made from another library`);
    expect(() => mergePackage(library.db, other.file, { mergedBy: 'C' })).toThrow('is a library, not a work package');
    expect(existsSync(`${made!.file}.partial`)).toBe(false);
  });
});
