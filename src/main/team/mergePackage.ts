/**
 * Merging a work package back into the library it was made from: every letter its reviewer
 * changed is merged three ways (see mergeLetter.ts) against the letter as the package took it,
 * or as this package last brought it back. The whole merge is one change group under the
 * reviewer's name, in one transaction: all or nothing, undone by one undo, and idempotent (a
 * second merge of the same file finds nothing new and records nothing).
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ExportedItem, ExportedLetter } from '../../shared/export.ts';
import type { MergePackageResult } from '../../shared/team.ts';
import { deriveFromCopy } from '../review/index.ts';
import type { Db, Library } from '../storage/index.ts';
import {
  changedPackageLetters,
  InvalidEditError,
  libraryId,
  LibraryOpenError,
  markPackageMerged,
  openLibrary,
  openLibraryReadOnly,
  packageLetterSha256,
  parseJson,
  readPackageIdentity,
  readRecordBySha256,
  returnedRecord,
  runLibraryChange,
  workPackageExists,
  writeReturnedRecord,
} from '../storage/index.ts';
import { mergeLetter } from './mergeLetter.ts';

export interface MergePackageControl {
  /** Who merges it (the coordinator), recorded on the package. */
  readonly mergedBy: string;
  /** Called after each letter merged, inside the merge's transaction. */
  readonly onProgress?: (progress: { readonly letters: number }) => void;
}

/** A package file that is not one of this library's packages. */
export class PackageFileError extends InvalidEditError {}

/**
 * The package to read. One made by an older version of the app (the reviewer never opened it
 * with this one) is read from an up-to-date copy, so the reviewer's file is left as it was.
 */
function openPackage(packageFile: string): { readonly pkg: Library; close(): void } {
  try {
    const pkg = openLibraryReadOnly(packageFile);
    return { pkg, close: () => pkg.close() };
  } catch (error) {
    if (!(error instanceof LibraryOpenError && error.reason === 'older-version')) throw error;
  }
  const folder = mkdtempSync(path.join(tmpdir(), 'imr-package-'));
  const copy = path.join(folder, path.basename(packageFile));
  copyFileSync(packageFile, copy);
  // What the reviewer's app last wrote may still be in the write-ahead log beside the file.
  if (existsSync(`${packageFile}-wal`)) copyFileSync(`${packageFile}-wal`, `${copy}-wal`);
  const pkg = openLibrary(copy);
  return {
    pkg,
    close: () => {
      pkg.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

export function mergePackage(db: Db, packageFile: string, control: MergePackageControl): MergePackageResult {
  const opened = openPackage(packageFile);
  const { pkg } = opened;
  try {
    const identity = readPackageIdentity(pkg.db);
    if (identity === null) throw new PackageFileError(`${packageFile} is a library, not a work package; merge a library's letters with import-dataset`);
    if (identity.sourceLibraryId !== libraryId(db) || !workPackageExists(db, identity.id)) {
      throw new PackageFileError(`${packageFile} is a package made from another library (${identity.sourceFileName}), not from this one`);
    }
    const source = path.basename(packageFile);
    const from = { reviewer: identity.reviewer, source };
    const outcome = runLibraryChange(db, { action: 'package-merge', actor: { reviewer: identity.reviewer, origin: 'review' }, derive: deriveFromCopy(db, pkg.db) }, (step) => {
      let lettersChanged = 0;
      let taken = 0;
      let conflicts = 0;
      for (const letter of changedPackageLetters(pkg.db)) {
        const sha256 = packageLetterSha256(db, identity.id, letter.letterId);
        if (sha256 !== letter.sha256) throw new PackageFileError(`${packageFile} holds a letter (id ${letter.letterId}) this library did not put in the package; nothing was merged`);
        const merged = step(letter.letterId, () => {
          const theirs = readRecordBySha256(pkg.db, sha256, true) as ExportedLetter;
          const base = parseJson<ExportedLetter>(returnedRecord(db, identity.id, letter.letterId) ?? letter.base);
          const ours = readRecordBySha256(db, sha256, false) as ExportedLetter;
          const done = mergeLetter(db, letter.letterId, base, theirs, ours, from);
          writeReturnedRecord(db, identity.id, letter.letterId, JSON.stringify(withoutSpans(theirs)));
          return done;
        });
        lettersChanged++;
        taken += merged.taken;
        conflicts += merged.conflicts;
        control.onProgress?.({ letters: lettersChanged });
      }
      step(null, () => markPackageMerged(db, identity.id, control.mergedBy));
      return { details: { file: identity.name, count: taken, letterCount: lettersChanged }, result: { lettersChanged, taken, conflicts } };
    });
    return { packageId: identity.id, name: identity.name, reviewer: identity.reviewer, ...outcome.result, changeId: outcome.changeId };
  } finally {
    opened.close();
  }
}

/** The record as a merge keeps it: values and review marks, not where each value was read. */
function withoutSpans(letter: ExportedLetter): ExportedLetter {
  const { spans: _spans, ...rest } = letter;
  return { ...rest, items: letter.items.map(({ spans: _itemSpans, ...item }): ExportedItem => item) };
}
