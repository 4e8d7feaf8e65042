/**
 * import-dataset is all or nothing even when the file passed its check: a cancel in the middle
 * of the merge, or a file changed under the merge (to a bad line, or to good letters the check
 * never saw), leaves the library exactly as it was, not holding the letters merged before.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { importDataset } from '../../src/main/export/index.ts';
import type { Library } from '../../src/main/storage/index.ts';
import { DatasetFileError } from '../../src/main/export/datasetFile.ts';
import { useTempFolder } from '../storage/helpers.ts';
import { exportJsonl, twoReviewers } from './twoReviewers.ts';

const temp = useTempFolder();

/** More letters than any progress interval, so the merge reports progress before it ends. */
const LETTERS = 1_200;

/** A checked-clean dataset of LETTERS letters: one exported letter, repeated under distinct digests. */
async function largeDataset(letters = LETTERS): Promise<{ file: string; lines: string[] }> {
  const { theirs } = twoReviewers(temp);
  const exported = readFileSync(await exportJsonl(temp, theirs.library), 'utf8').trimEnd();
  const record = JSON.parse(exported) as { sha256: string };
  const lines = Array.from({ length: letters }, (_, i) => JSON.stringify({ ...record, sha256: createHash('sha256').update(`letter ${i}`).digest('hex') }));
  const file = path.join(temp.folder(), 'letters.jsonl');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return { file, lines };
}

function contents(library: Library): unknown {
  return {
    letters: library.db.prepare('SELECT sha256, revision, status FROM letters ORDER BY id').all(),
    items: library.db.prepare('SELECT COUNT(*) FROM items').pluck().get(),
    changes: library.db.prepare('SELECT COUNT(*) FROM change_groups').pluck().get(),
  };
}

describe('a failure inside the merge', () => {
  test('a cancel once merging has begun leaves the library as it was', async () => {
    const { file } = await largeDataset();
    const { ours } = twoReviewers(temp);
    const before = contents(ours.library);
    const cancel = new AbortController();

    const merging = importDataset(ours.library, file, {
      signal: cancel.signal,
      onProgress: ({ phase }) => {
        if (phase === 'merging') cancel.abort();
      },
    });

    await expect(merging).rejects.toThrow(/abort/i);
    expect(ours.library.db.inTransaction).toBe(false);
    expect(contents(ours.library)).toEqual(before);
  });

  test('a file changed after its check, under the merge, is refused and nothing is merged', async () => {
    const { file, lines } = await largeDataset();
    const { ours } = twoReviewers(temp);
    const before = contents(ours.library);
    let changed = false;

    const merging = importDataset(ours.library, file, {
      onProgress: ({ phase }) => {
        if (phase !== 'merging' || changed) return;
        changed = true;
        writeFileSync(file, `${[...lines.slice(0, -1), '{"not": "a letter"}'].join('\n')}\n`);
      },
    });

    await expect(merging).rejects.toThrow(DatasetFileError);
    await expect(merging).rejects.toThrow(/changed while it was being imported; nothing was merged/);
    expect(changed).toBe(true);
    expect(contents(ours.library)).toEqual(before);
  });

  test('a file changed after its check into other good letters is refused by its digest, and nothing is merged', async () => {
    const { file, lines } = await largeDataset();
    const { ours } = twoReviewers(temp);
    const before = contents(ours.library);
    const other = JSON.stringify({ ...(JSON.parse(lines[0] as string) as object), sha256: createHash('sha256').update('a letter not checked').digest('hex') });
    let changed = false;

    const merging = importDataset(ours.library, file, {
      onProgress: ({ phase }) => {
        if (phase !== 'merging' || changed) return;
        changed = true;
        writeFileSync(file, `${[...lines.slice(0, -1), other].join('\n')}\n`);
      },
    });

    await expect(merging).rejects.toThrow(`${file} changed while it was being imported; nothing was merged`);
    expect(changed).toBe(true);
    expect(contents(ours.library)).toEqual(before);
  });

  test('a cancel as the last letter is merged, before the merge is committed, leaves the library as it was', async () => {
    // A multiple of the merge's progress interval (500 letters): the last letter's report comes before the commit.
    const letters = 1_000;
    const { file } = await largeDataset(letters);
    const { ours } = twoReviewers(temp);
    const before = contents(ours.library);
    const cancel = new AbortController();

    const merging = importDataset(ours.library, file, {
      signal: cancel.signal,
      onProgress: (progress) => {
        if (progress.phase === 'merging' && progress.letters === letters) cancel.abort();
      },
    });

    await expect(merging).rejects.toThrow(/abort/i);
    expect(contents(ours.library)).toEqual(before);
  });
});
