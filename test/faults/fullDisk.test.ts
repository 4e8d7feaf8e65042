/**
 * Fault injection: a full disk, on small tmpfs file systems mounted for the test (Linux, as
 * root; elsewhere the tests skip and say why). An import into a library on a 3 MB disk stops
 * with one line and its summary, the library whole, its run marked interrupted once the disk
 * can take it; an export onto a full disk fails in one line
 * and leaves the previous set; a dataset merge that does not fit merges nothing.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cli } from '../cli/runCli.ts';
import { besideFolder, folderContents } from '../export/folders.ts';
import { writeFixtureFolder } from '../fixtures/index.ts';
import { libraryOf } from './libraries.ts';

const base = mkdtempSync(path.join(tmpdir(), 'imr-fault-disk-'));
const mounted: string[] = [];

/** Mounts a tmpfs of `megabytes` at base/name; returns it, or why it cannot. */
function smallDisk(name: string, megabytes: number): string {
  const dir = path.join(base, name);
  mkdirSync(dir);
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m`, 'tmpfs', dir], { stdio: 'pipe' });
  mounted.push(dir);
  return dir;
}

/** Why no small disk can be mounted here, or null when one can. */
function mountProblem(): string | null {
  if (process.platform !== 'linux') return 'mounting a tmpfs needs Linux';
  if (process.getuid?.() !== 0) return 'mounting a tmpfs needs root';
  try {
    smallDisk('probe', 1);
    return null;
  } catch (error) {
    return `mount -t tmpfs failed: ${String((error as { stderr?: Buffer }).stderr ?? error).trim()}`;
  }
}

const problem = mountProblem();

/**
 * Unmounts every disk mounted here, then removes the folder, whatever the tests did: a disk a
 * timed-out command still holds is detached lazily, and one that cannot be unmounted does not
 * keep the others mounted. Runs after the tests, and again at exit should the hooks not run.
 */
function unmountAll(): void {
  const stuck: string[] = [];
  for (const dir of mounted.splice(0).reverse()) {
    try {
      execFileSync('umount', [dir], { stdio: 'pipe' });
    } catch {
      try {
        execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
      } catch {
        stuck.push(dir);
      }
    }
  }
  rmSync(base, { recursive: true, force: true });
  if (stuck.length > 0) throw new Error(`could not unmount ${stuck.join(', ')}`);
}
afterAll(unmountAll);
process.once('exit', unmountAll);

/** stderr's lines: into a pipe, commands print no progress, only what went wrong. */
const messages = (stderr: string) => stderr.split('\n').filter((line) => line !== '');

describe.skipIf(problem !== null)(`a full disk${problem ? ` (skipped: ${problem})` : ''}`, () => {
  let letters: string;
  beforeAll(async () => {
    letters = path.join(base, 'letters');
    await writeFixtureFolder(letters, { count: 300, seed: 8800, pdfShare: 0 });
  });

  test('an import into a library on a 3 MB disk stops with its summary and one line; the library is whole, and importing again after more space finishes', async () => {
    const disk = smallDisk('import', 3);
    const file = path.join(disk, 'library.sqlite');
    const run = await cli('import', letters, '--db', file, '--create', '--threads', '1');
    expect(run.code).toBe(1);
    expect(messages(run.stderr)).toEqual([`Import stopped: the disk holding ${file} is full (SQLITE_FULL). The letters stored before it are whole; free some space and import again to go on.`]);
    expect(run.stdout).toMatch(new RegExp(`^Import stopped into ${file} in [\\d.]+ s\\n  imported: +(\\d+)\\n`));
    const imported = Number(/imported: +(\d+)/.exec(run.stdout)![1]);
    expect(imported).toBeGreaterThan(10);
    expect(imported).toBeLessThan(300);
    expect(run.stdout).toMatch(/\[not-stored\] .*: the letter could not be stored \(the disk holding .* is full \(SQLITE_FULL\)\)/);

    const db = new Database(file, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare('SELECT COUNT(*) FROM letters').pluck().get()).toBe(imported);
    expect(db.prepare('SELECT COUNT(*) FROM letters l WHERE item_count <> (SELECT COUNT(*) FROM items i WHERE i.letter_id = l.id) OR NOT EXISTS (SELECT 1 FROM letter_texts t WHERE t.letter_id = l.id)').pluck().get()).toBe(0);
    // Nothing more is written once the disk has refused: the run stays running until an open that can write marks it.
    expect(db.prepare('SELECT status FROM import_runs').pluck().all()).toEqual(['running']);
    db.close();
    expect((await cli('stats', '--db', file)).stdout).toContain(`  letters: ${imported}\n`);

    execFileSync('mount', ['-o', 'remount,size=40m', disk]);
    // stats only reads; the next command that writes marks the run.
    expect((await cli('reparse', '--db', file)).code).toBe(0);
    const marked = new Database(file, { readonly: true });
    expect(marked.prepare('SELECT status, imported_count AS imported FROM import_runs').get()).toEqual({ status: 'interrupted', imported });
    marked.close();
    const again = await cli('import', letters, '--db', file, '--threads', '1');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`  imported:   ${300 - imported}\n  duplicates: ${imported} (already in the library)\n`);
  });

  test('an export onto a full disk fails in one line, leaves the previous set as it was and gives the space back', async () => {
    const disk = smallDisk('export', 2);
    const library = libraryOf(path.join(base, 'export-library.sqlite'), 1500);
    const outDir = path.join(disk, 'dataset');
    const db = new Database(library);
    db.exec("UPDATE letters SET status = 'verified', verified_by = 'Fault Suite', verified_at = '2026-01-01T00:00:00.000Z' WHERE id <= 5");
    db.close();
    expect((await cli('export', '--db', library, '--format', 'csv', '--out', outDir)).code).toBe(0);
    const previous = folderContents(outDir);
    const free = statfsSync(disk).bavail;

    const run = await cli('export', '--db', library, '--format', 'csv', '--out', outDir, '--all');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const lines = messages(run.stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^Export failed: writing ${disk}/\\.dataset\\.imr-staging-\\d+-[0-9a-f]{8}/items\\.csv failed: the disk is full \\(ENOSPC\\); ${outDir} is as it was\\.$`));
    expect(folderContents(outDir)).toEqual(previous);
    expect(besideFolder(outDir)).toEqual([]);
    expect(statfsSync(disk).bavail).toBe(free);
  });

  test('into the root of a mounted disk (a folder that cannot be renamed) the set is staged inside it and switched file by file', async () => {
    const disk = smallDisk('mount-root', 8);
    const library = libraryOf(path.join(base, 'mount-library.sqlite'), 20);
    for (const format of ['jsonl', 'csv'] as const) {
      expect((await cli('export', '--db', library, '--format', format, '--out', disk, '--all')).code).toBe(0);
    }
    expect(readdirSync(disk).sort()).toEqual(['.imr-export.json', 'README.md', 'items.csv']);
    expect(besideFolder(disk)).toEqual([]);
  });

  test('a dataset merge that does not fit on the disk merges nothing and says so in one line', async () => {
    const source = libraryOf(path.join(base, 'dataset-source.sqlite'), 1500);
    const exported = path.join(base, 'dataset-export');
    expect((await cli('export', '--db', source, '--format', 'jsonl', '--out', exported, '--all')).code).toBe(0);
    // Room for the merge's reserve (half the file's size), not for the merge.
    const disk = smallDisk('merge', 6);
    const file = libraryOf(path.join(disk, 'library.sqlite'), 5);
    const before = readdirSync(disk).sort();

    const run = await cli('import-dataset', path.join(exported, 'letters.jsonl'), '--db', file);
    expect(run.code).toBe(1);
    expect(messages(run.stderr)).toEqual([`Stopped: the disk holding ${file} is full (SQLITE_FULL). Nothing was half written.`]);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare('SELECT COUNT(*) FROM letters').pluck().get()).toBe(5);
    db.close();
    expect(readdirSync(disk).filter((name) => !before.includes(name) && !/-(wal|shm|checked)$/.test(name))).toEqual([]);
    writeFileSync(path.join(base, 'done'), '');
  });
});
