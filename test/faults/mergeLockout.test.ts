/**
 * A long dataset merge does not lock the reviewer out, and stays all or nothing: while
 * `import-dataset` merges 600 letters in another process, the reviewer's writes (on a
 * connection that gives up after 2 s, eight times the merge's longest hold) all go through; a
 * cancel takes back every letter it merged, and a merge killed with SIGKILL is taken back by the
 * next open, but for a letter the reviewer changed after the merge reached it: that one keeps
 * the merge's values and the reviewer's change.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { importDataset } from '../../src/main/export/index.ts';
import { flagLetter } from '../../src/main/review/index.ts';
import type { Library } from '../../src/main/storage/index.ts';
import { letterRevision, openLibrary } from '../../src/main/storage/index.ts';
import { BIN } from '../cli/runCli.ts';
import { exportJsonl, twoReviewers } from '../export/twoReviewers.ts';
import { useTempFolder } from '../storage/helpers.ts';

const temp = useTempFolder();
const LETTERS = 600;

/** Ours holding LETTERS letters, and a dataset in which their reviewer edited every case number. */
async function editedDataset(): Promise<{ library: Library; file: string }> {
  const { ours, theirs } = twoReviewers(temp);
  const record = JSON.parse(readFileSync(await exportJsonl(temp, theirs.library), 'utf8').trimEnd()) as Record<string, unknown>;
  const records = Array.from({ length: LETTERS }, (_, i) => ({ ...record, sha256: createHash('sha256').update(`letter ${i}`).digest('hex') }));
  const original = path.join(temp.folder(), 'original.jsonl');
  writeFileSync(original, `${records.map((one) => JSON.stringify(one)).join('\n')}\n`);
  await importDataset(ours.library, original);
  const file = path.join(temp.folder(), 'edited.jsonl');
  const edited = records.map((one, i) => JSON.stringify({ ...one, caseNumber: `CM99-${String(i).padStart(7, '0')}`, editedFields: ['caseNumber'] }));
  writeFileSync(file, `${edited.join('\n')}\n`);
  return { library: ours.library, file };
}

/** What a merge changes, but for revisions (a letter taken back has moved on: see datasetMerges.ts). */
function contents(db: Database.Database): unknown {
  return {
    letters: db.prepare('SELECT sha256, case_number, status, updated_at FROM letters ORDER BY id').all(),
    items: db.prepare('SELECT COUNT(*) FROM items').pluck().get(),
    changes: db.prepare('SELECT COUNT(*) FROM change_groups').pluck().get(),
    journal: db.prepare('SELECT COUNT(*) FROM dataset_merge_letters').pluck().get(),
  };
}

function mergeInChild(libraryFile: string, file: string) {
  const child = spawn(process.execPath, [BIN, 'import-dataset', file, '--db', libraryFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return { child, exited: once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>, stderr: () => stderr };
}

const merging = (db: Database.Database) => (db.prepare('SELECT COUNT(*) FROM dataset_merge_letters').pluck().get() as number) > 0;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a long merge', () => {
  test("lets the reviewer's writes through while it runs, then merges whole", async () => {
    const { library, file } = await editedDataset();
    library.close();
    const reviewer = new Database(library.file, { timeout: 2000 });
    const { exited, stderr } = mergeInChild(library.file, file);
    let done = false;
    void exited.then(() => (done = true));
    let writesDuringMerge = 0;
    while (!done) {
      // A write transaction, as an edit in the app is: it must get the lock between the merge's own.
      reviewer.transaction(() => {
        if (merging(reviewer)) writesDuringMerge++;
        reviewer.prepare("INSERT INTO settings (key, value) VALUES ('probe', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(String(writesDuringMerge));
      }).immediate();
      await pause(20);
    }
    expect(await exited, stderr()).toEqual([0, null]);
    expect(writesDuringMerge).toBeGreaterThanOrEqual(3);
    expect(reviewer.prepare("SELECT COUNT(*) FROM letters WHERE case_number LIKE 'CM99-%'").pluck().get()).toBe(LETTERS);
    expect(contents(reviewer)).toMatchObject({ journal: 0 });
    reviewer.close();
  });

  test('cancelled midway: every letter merged so far is taken back', async () => {
    const { library, file } = await editedDataset();
    const before = contents(library.db);
    const cancel = new AbortController();
    const run = importDataset(library, file, {
      signal: cancel.signal,
      onProgress: ({ phase, letters }) => {
        if (phase === 'merging' && letters >= 500) cancel.abort();
      },
    });
    await expect(run).rejects.toThrow(/abort/i);
    expect(contents(library.db)).toEqual(before);
  });

  test('killed midway: the next open takes the merge back', async () => {
    const { library, file } = await editedDataset();
    const before = contents(library.db);
    library.close();
    const watcher = new Database(library.file, { readonly: true });
    const { child, exited } = mergeInChild(library.file, file);
    while (!merging(watcher)) await pause(20);
    child.kill('SIGKILL');
    await exited;
    expect(merging(watcher)).toBe(true);
    watcher.close();

    const reopened = openLibrary(library.file);
    expect(contents(reopened.db)).toEqual(before);
    reopened.close();
  });

  test('killed midway after the reviewer flagged a letter it had merged: that letter keeps both, every other is taken back', async () => {
    const { library, file } = await editedDataset();
    const before = library.db.prepare('SELECT id, case_number FROM letters ORDER BY id').all() as { id: number; case_number: string }[];
    library.close();
    const { child, exited } = mergeInChild(library.file, file);
    const reviewer = openLibrary(library.file);
    const mergedOne = () => reviewer.db.prepare('SELECT letter_id FROM dataset_merge_letters WHERE change_group_id IS NOT NULL ORDER BY rowid LIMIT 1').pluck().get() as number | undefined;
    while (mergedOne() === undefined) await pause(20);
    const letterId = mergedOne() as number;
    flagLetter(reviewer.db, { reviewer: 'Ana', origin: 'review' }, { letterId, revision: letterRevision(reviewer.db, letterId) }, 'checked against the paper file');
    child.kill('SIGKILL');
    await exited;
    reviewer.close();

    const reopened = openLibrary(library.file);
    const after = reopened.db.prepare('SELECT id, case_number, status, flag_reason FROM letters ORDER BY id').all() as { id: number; case_number: string; status: string; flag_reason: string | null }[];
    reopened.close();
    const kept = after.find((letter) => letter.id === letterId);
    expect(kept).toMatchObject({ case_number: expect.stringMatching(/^CM99-/) as string, status: 'flagged', flag_reason: 'checked against the paper file' });
    expect(after.filter((letter) => letter.id !== letterId).map(({ id, case_number }) => ({ id, case_number }))).toEqual(before.filter((letter) => letter.id !== letterId));
  });
});
