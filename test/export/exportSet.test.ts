/**
 * Exports commit as a set: the folder holds the previous set or the new one, its own files and a
 * manifest; files the app did not write are refused or, when asked, written beside; what a
 * killed export leaves is cleared or finished by the next one; every file system call has a
 * deadline and takes a cancel.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { exportDataset, ForeignFilesError, recoverExportFolder } from '../../src/main/export/index.ts';
import { FileSystemStuckError, guarded } from '../../src/main/export/guardedFs.ts';
import type { Library } from '../../src/main/storage/index.ts';
import type { ExportFormat } from '../../src/shared/export.ts';
import { useTempFolder } from '../storage/helpers.ts';
import { buildReviewedDataset, REVIEWER } from './dataset.ts';
import { besideFolder, folderContents, manifestFiles } from './folders.ts';

const temp = useTempFolder();
/** No process has this id (above Linux's largest pid_max), so what it left is stale. */
const DEAD_PID = 4_194_400;
const GUARD = { timeoutMs: 5000 };

function reviewedLibrary(): Library {
  const library = temp.library({ reviewer: REVIEWER });
  buildReviewedDataset(library);
  return library;
}

const exportTo = (library: Library, outDir: string, format: ExportFormat, force?: boolean) =>
  exportDataset(library.file, { format, outDir, scope: 'all', ...(force === undefined ? {} : { force }) });

describe('an export commits as a set', () => {
  test('into a new folder, an empty one, and over its own previous export: exactly its files and a manifest, nothing beside', async () => {
    const library = reviewedLibrary();
    const parent = temp.folder();
    const fresh = path.join(parent, 'new', 'dataset');
    const result = await exportTo(library, fresh, 'parquet');
    expect(Object.keys(folderContents(fresh)!)).toEqual(['.imr-export.json', 'README.md', 'citations.parquet', 'items.parquet', 'letters.parquet']);
    expect(manifestFiles(fresh)).toEqual(['letters.parquet', 'items.parquet', 'citations.parquet', 'README.md']);
    expect(result.files.map((file) => path.basename(file.path))).toEqual(['letters.parquet', 'items.parquet', 'citations.parquet', 'README.md']);
    expect(result.files.every((file) => file.bytes === readFileSync(file.path).length)).toBe(true);

    const empty = temp.folder();
    await exportTo(library, empty, 'csv');
    expect(Object.keys(folderContents(empty)!)).toEqual(['.imr-export.json', 'README.md', 'items.csv']);

    // A jsonl export over the parquet one: the parquet files were the app's, so they go with the old set.
    await exportTo(library, fresh, 'jsonl');
    expect(Object.keys(folderContents(fresh)!)).toEqual(['.imr-export.json', 'README.md', 'letters.jsonl']);
    expect(besideFolder(fresh)).toEqual([]);
    expect(besideFolder(empty)).toEqual([]);
  });

  test('a folder holding files the app did not write is refused, named, and left byte-identical', async () => {
    const library = reviewedLibrary();
    const outDir = temp.folder();
    writeFileSync(path.join(outDir, 'README.md'), '# My project\n');
    writeFileSync(path.join(outDir, 'notes.txt'), 'keep me');
    mkdirSync(path.join(outDir, 'drafts'));
    const before = folderContents(outDir);
    const refused = exportTo(library, outDir, 'jsonl');
    await expect(refused).rejects.toThrow(ForeignFilesError);
    await expect(refused).rejects.toThrow(`${outDir} holds files this app did not write (README.md, drafts, notes.txt)`);
    expect(folderContents(outDir)).toEqual(before);
    expect(besideFolder(outDir)).toEqual([]);
  });

  test('told to write beside foreign files, it replaces only a file of its own name and keeps the rest; the next export still asks', async () => {
    const library = reviewedLibrary();
    const outDir = temp.folder();
    writeFileSync(path.join(outDir, 'README.md'), '# My project\n');
    writeFileSync(path.join(outDir, 'notes.txt'), 'keep me');
    await exportTo(library, outDir, 'csv', true);
    expect(Object.keys(folderContents(outDir)!)).toEqual(['.imr-export.json', 'README.md', 'items.csv', 'notes.txt']);
    expect(readFileSync(path.join(outDir, 'notes.txt'), 'utf8')).toBe('keep me');
    expect(readFileSync(path.join(outDir, 'README.md'), 'utf8')).toContain('\n| app version | IMR Review Workstation ');

    await expect(exportTo(library, outDir, 'jsonl')).rejects.toThrow('holds files this app did not write (notes.txt)');
    await exportTo(library, outDir, 'jsonl', true);
    // Its own earlier files go (items.csv); the foreign one stays.
    expect(Object.keys(folderContents(outDir)!)).toEqual(['.imr-export.json', 'README.md', 'letters.jsonl', 'notes.txt']);
  });

  test('an export made before manifests is known as the app’s own by its card; a manifest someone wrote claims nothing else', async () => {
    const library = reviewedLibrary();
    const outDir = temp.folder();
    await exportTo(library, outDir, 'jsonl');
    rmSync(path.join(outDir, '.imr-export.json'));
    await exportTo(library, outDir, 'jsonl');
    expect(manifestFiles(outDir)).toEqual(['letters.jsonl', 'README.md']);

    const hostile = temp.folder();
    writeFileSync(path.join(hostile, 'thesis.docx'), 'years of work');
    writeFileSync(
      path.join(hostile, '.imr-export.json'),
      JSON.stringify({ writtenBy: 'IMR Review Workstation', format: 'csv', exportedAt: 'x', files: ['thesis.docx', '../elsewhere', 'README.md'] }),
    );
    await expect(exportTo(library, hostile, 'csv')).rejects.toThrow('holds files this app did not write (thesis.docx)');
    await exportTo(library, hostile, 'csv', true);
    expect(readFileSync(path.join(hostile, 'thesis.docx'), 'utf8')).toBe('years of work');
  });

  test('a path that is a file, or where no folder can be made, fails at once with the reason and leaves nothing', async () => {
    const library = reviewedLibrary();
    const parent = temp.folder();
    writeFileSync(path.join(parent, 'taken'), 'a file');
    await expect(exportTo(library, path.join(parent, 'taken'), 'csv')).rejects.toThrow(`writing into ${path.join(parent, 'taken')} failed: a part of the path is a file, not a folder (ENOTDIR)`);
    if (process.platform === 'linux') {
      // Node's own recursive mkdir never returns here: an export that settles at all did not call it.
      await expect(exportTo(library, '/proc/imr-export', 'csv')).rejects.toThrow('failed: the path does not exist and cannot be made there (ENOENT)');
    }
  });
});

describe('what a killed export left', () => {
  /** A set exported into `dir`, as its bytes. */
  async function previousSet(library: Library, dir: string) {
    await exportTo(library, dir, 'jsonl');
    return folderContents(dir);
  }

  test('an unfinished staging folder (no manifest) is removed by the next export', async () => {
    const library = reviewedLibrary();
    const outDir = path.join(temp.folder(), 'out');
    const previous = await previousSet(library, outDir);
    const staging = path.join(path.dirname(outDir), `.out.imr-staging-${DEAD_PID}-0badf00d`);
    mkdirSync(staging);
    writeFileSync(path.join(staging, 'letters.jsonl'), 'half a file');
    await recoverExportFolder(GUARD, outDir);
    expect(besideFolder(outDir)).toEqual([]);
    expect(folderContents(outDir)).toEqual(previous);
  });

  test('killed between the two renames (the folder missing, both sets whole beside it), the new set is put in place', async () => {
    const library = reviewedLibrary();
    const parent = temp.folder();
    const outDir = path.join(parent, 'out');
    const previous = await previousSet(library, outDir);
    const next = path.join(parent, 'next');
    await exportTo(library, next, 'csv');
    const expected = folderContents(next);
    renameSync(outDir, path.join(parent, `.out.imr-previous-${DEAD_PID}-00000001`));
    renameSync(next, path.join(parent, `.out.imr-staging-${DEAD_PID}-00000001`));

    await exportTo(library, path.join(parent, 'other'), 'csv'); // an export elsewhere touches none of it
    expect(besideFolder(outDir)).toHaveLength(2);
    await recoverExportFolder(GUARD, outDir);
    expect(folderContents(outDir)).toEqual(expected);
    expect(folderContents(outDir)).not.toEqual(previous);
    expect(besideFolder(outDir)).toEqual([]);
  });

  test('a previous set left aside with nothing to replace it comes back', async () => {
    const library = reviewedLibrary();
    const outDir = path.join(temp.folder(), 'out');
    const previous = await previousSet(library, outDir);
    renameSync(outDir, path.join(path.dirname(outDir), `.out.imr-previous-${DEAD_PID}-00000002`));
    await recoverExportFolder(GUARD, outDir);
    expect(folderContents(outDir)).toEqual(previous);
    expect(besideFolder(outDir)).toEqual([]);
  });

  test('a file-by-file commit cut short is finished; an export still running elsewhere is left alone', async () => {
    const library = reviewedLibrary();
    const outDir = temp.folder();
    writeFileSync(path.join(outDir, 'notes.txt'), 'keep me');
    await exportTo(library, outDir, 'csv', true);
    const staged = path.join(outDir, `.imr-staging-${DEAD_PID}-00000003`);
    const next = temp.folder();
    await exportTo(library, next, 'jsonl');
    renameSync(next, staged);
    // The cut: the data file had moved in, the card and the manifest had not.
    renameSync(path.join(staged, 'letters.jsonl'), path.join(outDir, 'letters.jsonl'));
    const live = path.join(path.dirname(outDir), `.${path.basename(outDir)}.imr-staging-${process.ppid}-00000004`);
    mkdirSync(live);

    await recoverExportFolder(GUARD, outDir);
    expect(Object.keys(folderContents(outDir)!)).toEqual(['.imr-export.json', 'README.md', 'letters.jsonl', 'notes.txt']);
    expect(manifestFiles(outDir)).toEqual(['letters.jsonl', 'README.md']);
    expect(besideFolder(outDir)).toEqual([path.basename(live)]);
  });
});

describe('file system calls', () => {
  test('each is raced against a deadline and the cancel signal', async () => {
    // A call that never settles: only the deadline or the signal can end the wait.
    const never = () => new Promise<never>(() => undefined);
    await expect(guarded({ timeoutMs: 50 }, 'writing /stuck/file', never)).rejects.toThrow(new FileSystemStuckError('writing /stuck/file did not finish within 50 ms: the disk or folder is not answering'));
    const controller = new AbortController();
    const cancelled = guarded({ timeoutMs: 60_000, signal: controller.signal }, 'writing /stuck/file', never);
    controller.abort(new Error('cancelled by the user'));
    await expect(cancelled).rejects.toThrow('cancelled by the user');
  });
});
