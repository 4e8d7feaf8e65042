/**
 * Making work packages: the letters a filter selects (less those already out in a package),
 * drawn at random with a seed or taken in queue order, shared out among the reviewers with an
 * overlap for double review. Each package is a library file of its own, written beside its final
 * name and moved into place whole; only then does this library record that it went out.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { QueueFilter } from '../../shared/apiSchema.ts';
import type { MadePackage, PackagePlanRequest } from '../../shared/team.ts';
import { PACKAGE_EXTENSION } from '../../shared/team.ts';
import { drawLetters } from '../quality/index.ts';
import type { Db } from '../storage/index.ts';
import { fillPackageFile, InvalidEditError, insertWorkPackage, lettersOut, libraryId, nowIso, openLibrary, readFrame } from '../storage/index.ts';
import { assignLetters } from './assign.ts';

export interface MakePackagesRequest extends PackagePlanRequest {
  readonly filter: QueueFilter;
  /** The folder the package files are written to. */
  readonly folder: string;
  readonly createdBy: string;
  /** This library's file, named in each package so a reviewer knows where it came from. */
  readonly libraryFile: string;
}

export interface MakePackagesControl {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: { readonly packages: number; readonly of: number }) => void;
}

/** A file name from a package's name: letters, digits, dot, dash and underscore. */
export function packageFileName(name: string): string {
  return `${name.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '')}${PACKAGE_EXTENSION}`;
}

export function makePackages(db: Db, request: MakePackagesRequest, control: MakePackagesControl = {}): MadePackage[] {
  const reviewers = request.reviewers.map((reviewer) => reviewer.trim());
  if (reviewers.length === 0 || reviewers.some((reviewer) => reviewer === '')) throw new InvalidEditError('Name at least one reviewer');
  if (new Set(reviewers).size !== reviewers.length) throw new InvalidEditError('Each reviewer is named once');
  if (!(request.overlap >= 0 && request.overlap <= 1)) throw new InvalidEditError('The overlap is a share from 0 to 1');
  if (request.overlap > 0 && reviewers.length < 2) throw new InvalidEditError('Double review needs at least two reviewers');
  requireFolder(request.folder);
  const letterIds = chooseLetters(db, request);
  if (letterIds.length === 0) throw new InvalidEditError('No letters to share out: the filter selects none that is not already in a package');
  const plans = assignLetters(letterIds, reviewers.length, request.overlap).map((ids, index) => {
    const reviewer = reviewers[index] as string;
    const name = `${request.name}-${reviewer}`;
    return { reviewer, name, file: path.join(request.folder, packageFileName(name)), letterIds: ids };
  });
  const taken = plans.filter((plan) => existsSync(plan.file));
  if (taken.length > 0) throw new InvalidEditError(`${taken.map((plan) => plan.file).join(', ')} already exist${taken.length === 1 ? 's' : ''}; name the round differently or choose another folder`);
  const inTwo = new Set(letterIds.slice(0, reviewers.length > 1 ? Math.round(letterIds.length * request.overlap) : 0));
  const made: MadePackage[] = [];
  for (const plan of plans) {
    control.signal?.throwIfAborted();
    const pkg = {
      id: randomUUID(),
      name: plan.name,
      reviewer: plan.reviewer,
      fileName: path.basename(plan.file),
      letterIds: plan.letterIds,
      sourceLibraryId: libraryId(db),
      sourceFileName: path.basename(request.libraryFile),
      createdAt: nowIso(),
      createdBy: request.createdBy,
    };
    writePackageFile(db, plan.file, pkg);
    insertWorkPackage(db, pkg);
    made.push({ id: pkg.id, name: pkg.name, reviewer: pkg.reviewer, file: plan.file, letters: plan.letterIds.length, overlapping: plan.letterIds.filter((id) => inTwo.has(id)).length });
    control.onProgress?.({ packages: made.length, of: plans.length });
  }
  return made;
}

/** The folder is named when it is not one: a typo is not met later as SQLite's "unable to open database file". */
function requireFolder(folder: string): void {
  let isFolder: boolean | undefined;
  try {
    isFolder = statSync(folder, { throwIfNoEntry: false })?.isDirectory();
  } catch {
    isFolder = undefined;
  }
  if (isFolder === false) throw new InvalidEditError(`${folder} is a file, not a folder: type the folder the package files go to`);
  if (isFolder === undefined) throw new InvalidEditError(`There is no folder ${folder}: create it first, or type another`);
}

function chooseLetters(db: Db, request: MakePackagesRequest): number[] {
  const out = request.skipLettersOut === false ? new Set<number>() : lettersOut(db);
  const frame = readFrame(db, request.filter, []).flatMap((stratum) => stratum.letterIds).filter((id) => !out.has(id));
  const count = Math.min(request.count ?? frame.length, frame.length);
  if (request.seed === undefined) return frame.slice(0, count);
  return drawLetters([frame], [count], request.seed)[0] ?? [];
}

/** A new library at `${file}.partial`, filled, then moved to `file`; nothing is left behind on failure. */
function writePackageFile(db: Db, file: string, pkg: Parameters<typeof fillPackageFile>[2]): void {
  const partial = `${file}.partial`;
  const leftovers = [partial, `${partial}-wal`, `${partial}-shm`, `${partial}-journal`, `${partial}-checked`];
  try {
    openLibrary(partial, { create: true, reviewer: pkg.reviewer }).close();
    fillPackageFile(db, partial, pkg);
    renameSync(partial, file);
  } finally {
    for (const leftover of leftovers) rmSync(leftover, { force: true });
  }
}
