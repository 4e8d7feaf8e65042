/** import-dataset: a round trip into an empty library, and merging two reviewers' work with conflicts recorded. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { importDataset, resolveConflict as resolve } from '../../src/main/export/index.ts';
import type { Db, Library } from '../../src/main/storage/index.ts';
import { getLetter, LetterReadOnlyError, listConflicts, listLetterHistory } from '../../src/main/storage/index.ts';
import { TEST_ACTOR, updateItemField, updateLetterField, verifyLetter } from '../review/asReviewer.ts';
import { useTempFolder } from '../storage/helpers.ts';
import { buildReviewedDataset, REVIEWER } from './dataset.ts';
import { exportJsonl as exportFrom, twoReviewers as twoLibraries } from './twoReviewers.ts';

const temp = useTempFolder();

const resolveConflict = (db: Db, conflictId: number, take: 'ours' | 'theirs') => resolve(db, { ...TEST_ACTOR, reviewer: 'Ana' }, conflictId, take);

const exportJsonl = (library: Library) => exportFrom(temp, library);
const twoReviewers = () => twoLibraries(temp);

describe('round trip', () => {
  test('an export imported into an empty library exports again to the same bytes', async () => {
    const source = temp.library({ reviewer: REVIEWER });
    const { sha } = buildReviewedDataset(source);
    const file = await exportJsonl(source);

    const target = temp.library();
    const result = await importDataset(target, file);
    expect(result).toEqual({ created: 5, merged: 0, fieldsTaken: 0, conflicts: 0 });
    expect(readFileSync(await exportJsonl(target)).equals(readFileSync(file))).toBe(true);

    const id = target.db.prepare('SELECT id FROM letters WHERE sha256 = ?').pluck().get(sha.edited) as number;
    const letter = getLetter(target.db, id);
    expect(letter?.text).toBe('');
    expect(letter?.pageOffsets).toEqual([0]);
    expect(letter?.status).toBe('verified');
    expect(letter?.upheldCount).toBe(2);
    expect(letter?.items[0]?.humanEdited).toEqual(['rationale']);
    expect(letter?.items[0]?.tags.map((tag) => tag.name)).toEqual(['imaging, MRI']);
    expect(letter?.notes.map((note) => [note.author, note.body])).toEqual([[REVIEWER, 'Checked against the PDF.']]);

    // Importing again changes nothing: same letters, no duplicate notes or tags.
    expect(await importDataset(target, file)).toEqual({ created: 0, merged: 5, fieldsTaken: 0, conflicts: 0 });
    expect(readFileSync(await exportJsonl(target)).equals(readFileSync(file))).toBe(true);
  });

  test('an export made before review states imports as one made after; a review state that is none of them is refused', async () => {
    const source = temp.library({ reviewer: REVIEWER });
    buildReviewedDataset(source);
    const file = await exportJsonl(source);
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(lines.map((line) => (JSON.parse(line) as { reviewState: unknown }).reviewState).sort()).toEqual(['machine', 'machine', 'verified', 'verified', 'verified']);
    const withoutStates = path.join(temp.folder(), 'older.jsonl');
    writeFileSync(withoutStates, `${lines.map((line) => JSON.stringify({ ...(JSON.parse(line) as object), reviewState: undefined })).join('\n')}\n`);

    const target = temp.library();
    expect(await importDataset(target, withoutStates)).toEqual({ created: 5, merged: 0, fieldsTaken: 0, conflicts: 0 });
    expect(readFileSync(await exportJsonl(target)).equals(readFileSync(file))).toBe(true);

    const unknownState = path.join(temp.folder(), 'unknown.jsonl');
    writeFileSync(unknownState, `${JSON.stringify({ ...(JSON.parse(lines[0] ?? '{}') as object), reviewState: 'checked' })}\n`);
    await expect(importDataset(temp.library(), unknownState)).rejects.toThrow(/line 1: not an exported letter.*reviewState/);
  });

  test('a line that is not an exported letter is refused with its line number', async () => {
    const file = path.join(temp.folder(), 'bad.jsonl');
    writeFileSync(file, '{"sha256": "abc", "items": []}\n');
    await expect(importDataset(temp.library(), file)).rejects.toThrow(/bad\.jsonl has 1 bad line; nothing was merged:\n  line 1: not an exported letter/);
  });
});

describe('merging another reviewer\'s export', () => {
  test('takes what only they edited, keeps what only we edited, records what both edited differently', async () => {
    const { ours, theirs } = twoReviewers();
    updateItemField(ours.library.db, ours.itemIds[0] ?? 0, 'service', 'MRI of the lumbar spine');
    updateItemField(theirs.library.db, theirs.itemIds[0] ?? 0, 'service', 'Lumbar MRI');
    updateItemField(theirs.library.db, theirs.itemIds[1] ?? 0, 'decision', 'Upheld');
    updateLetterField(ours.library.db, ours.letterId, 'caseNumber', 'CM16-0000901');
    const file = await exportJsonl(theirs.library);

    const result = await importDataset(ours.library, file);
    expect(result).toEqual({ created: 0, merged: 1, fieldsTaken: 1, conflicts: 1 });
    const merged = getLetter(ours.library.db, ours.letterId);
    expect(merged?.items.map((item) => [item.service, item.decision])).toEqual([
      ['MRI of the lumbar spine', 'Upheld'],
      ['Physical therapy x12', 'Upheld'],
    ]);
    expect(merged?.items[1]?.humanEdited).toEqual(['decision']);
    expect(merged?.upheldCount).toBe(2);
    expect(merged?.caseNumber).toBe('CM16-0000901');
    // What came from their export is recorded under their name, not ours.
    expect(listLetterHistory(ours.library.db, ours.letterId).at(-1)).toMatchObject({ action: 'dataset-merge', origin: 'dataset', reviewer: 'reviewer of letters.jsonl' });

    const [conflict, ...others] = listConflicts(ours.library.db);
    expect(others).toEqual([]);
    expect(conflict).toMatchObject({
      letterId: ours.letterId,
      caseNumber: 'CM16-0000901',
      itemPosition: 0,
      field: 'service',
      ours: 'MRI of the lumbar spine',
      theirs: 'Lumbar MRI',
      source: 'letters.jsonl',
      resolution: null,
    });

    // The same export again raises nothing new.
    expect(await importDataset(ours.library, file)).toEqual({ created: 0, merged: 1, fieldsTaken: 0, conflicts: 0 });

    resolveConflict(ours.library.db, conflict?.id ?? 0, 'theirs');
    expect(getLetter(ours.library.db, ours.letterId)?.items[0]?.service).toBe('Lumbar MRI');
    expect(listConflicts(ours.library.db)).toEqual([]);
    expect(listConflicts(ours.library.db, { state: 'resolved' })[0]).toMatchObject({ resolution: 'theirs', resolvedBy: 'Ana' });
  });

  test('a verified letter vouches for every value: their edit becomes a conflict, and taking theirs needs a reopen', async () => {
    const { ours, theirs } = twoReviewers();
    verifyLetter(ours.library.db, ours.letterId);
    updateItemField(theirs.library.db, theirs.itemIds[0] ?? 0, 'decision', 'Overturned');
    await importDataset(ours.library, await exportJsonl(theirs.library));

    expect(getLetter(ours.library.db, ours.letterId)?.items[0]?.decision).toBe('Upheld');
    const [conflict] = listConflicts(ours.library.db);
    expect(conflict).toMatchObject({ itemPosition: 0, field: 'decision', ours: 'Upheld', theirs: 'Overturned' });
    expect(() => resolveConflict(ours.library.db, conflict?.id ?? 0, 'theirs')).toThrow(LetterReadOnlyError);
    resolveConflict(ours.library.db, conflict?.id ?? 0, 'ours');
    expect(listConflicts(ours.library.db)).toEqual([]);
  });

  test('their verification is adopted when nothing is in dispute', async () => {
    const { ours, theirs } = twoReviewers();
    updateItemField(theirs.library.db, theirs.itemIds[1] ?? 0, 'rationale', 'Guideline criteria are met.');
    verifyLetter(theirs.library.db, theirs.letterId);
    await importDataset(ours.library, await exportJsonl(theirs.library));

    const merged = getLetter(ours.library.db, ours.letterId);
    expect(merged?.status).toBe('verified');
    expect(merged?.verifiedBy).toBe('Ben');
    expect(merged?.items[1]?.rationale).toBe('Guideline criteria are met.');
    expect(listConflicts(ours.library.db)).toEqual([]);
  });

  test('different item lists that both sides vouch for become one conflict over the list', async () => {
    const { ours, theirs } = twoReviewers();
    updateItemField(ours.library.db, ours.itemIds[0] ?? 0, 'rationale', 'Ours.');
    theirs.library.db.prepare('DELETE FROM items WHERE id = ?').run(theirs.itemIds[1]);
    verifyLetter(theirs.library.db, theirs.letterId);
    await importDataset(ours.library, await exportJsonl(theirs.library));

    const [conflict] = listConflicts(ours.library.db);
    expect(conflict).toMatchObject({ itemPosition: null, field: 'items' });
    expect((JSON.parse(conflict?.theirs ?? '[]') as unknown[]).length).toBe(1);
    resolveConflict(ours.library.db, conflict?.id ?? 0, 'theirs');
    expect(getLetter(ours.library.db, ours.letterId)?.items.map((item) => item.service)).toEqual(['MRI lumbar spine']);
  });
});
