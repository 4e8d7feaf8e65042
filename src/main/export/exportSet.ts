/**
 * An export's files commit as a set. They are written into a fresh staging folder beside the
 * chosen one (`.<name>.imr-staging-<pid>-<id>`), which a manifest (`.imr-export.json`, written
 * last) marks complete; then the previous set is renamed aside and the staging folder renamed
 * to the chosen name. A kill before the manifest leaves the previous set; a kill in the instant
 * between the two renames leaves both sets whole beside the folder, and the next export or
 * start puts the new one in place (recoverExportFolder). Files the app did not write are never
 * overwritten unless asked (`force`); then, and where the folder cannot be renamed (a mount
 * point, a parent that cannot be written), the files are staged inside the folder and each
 * renamed over its name, so every file is whole but the set switches file by file.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, realpath, rmdir } from 'node:fs/promises';
import path from 'node:path';
import type { ExportFormat } from '../../shared/export.ts';
import { processIsAlive } from '../processes.ts';
import type { FsGuard } from './guardedFs.ts';
import { CSV_FILE } from './writers/csv.ts';
import { JSONL_FILE } from './writers/jsonl.ts';
import { PARQUET_CITATIONS_FILE, PARQUET_ITEMS_FILE, PARQUET_LETTERS_FILE } from './writers/parquet.ts';
import { XLSX_FILE } from './writers/xlsx.ts';
import { ExportFileError, guarded, listFolder, makeFolder, openSink, readSmallFile, removePath, renamePath, statOrNull, syncFolder, withoutCancel } from './guardedFs.ts';

export const MANIFEST_FILE = '.imr-export.json';
export const CARD_FILE = 'README.md';
/** Every name an export writes: only these are ever replaced or removed as the app's own. */
const EXPORT_FILE_NAMES: readonly string[] = [JSONL_FILE, CSV_FILE, PARQUET_LETTERS_FILE, PARQUET_ITEMS_FILE, PARQUET_CITATIONS_FILE, XLSX_FILE, CARD_FILE];
/** A row every dataset card has had: how a set written before manifests is known. */
const CARD_SIGNATURE = '\n| app version | IMR Review Workstation ';
/** Cards carry every column's features in their front matter: tens of KB. */
const MAX_CARD_BYTES = 512 * 1024;

const WRITTEN_BY = 'IMR Review Workstation';
const STAGING = 'imr-staging';
const PREVIOUS = 'imr-previous';
const MAX_MANIFEST_BYTES = 64 * 1024;

export interface Manifest {
  readonly writtenBy: string;
  readonly format: ExportFormat;
  readonly exportedAt: string;
  /** The set's files, by name, in the folder the manifest is in. */
  readonly files: readonly string[];
}

/** The folder holds files the app did not write, and the export was not told to write beside them. */
export class ForeignFilesError extends Error {
  override readonly name = 'ForeignFilesError';
  readonly dir: string;
  readonly files: readonly string[];

  constructor(dir: string, files: readonly string[]) {
    const shown = files.slice(0, 5).join(', ') + (files.length > 5 ? ` and ${files.length - 5} more` : '');
    super(`${dir} holds files this app did not write (${shown})`);
    this.dir = dir;
    this.files = files;
  }
}

/** What the chosen folder holds now. */
export interface FolderState {
  readonly exists: boolean;
  /** Entries of an earlier export there (its files and manifest). */
  readonly ours: readonly string[];
  /** Every other entry. */
  readonly foreign: readonly string[];
}

export interface ExportSet {
  /** The chosen folder, symbolic links resolved. */
  readonly target: string;
  /** Where the writers put the files. */
  readonly stagingDir: string;
  /** Marks the set complete and switches it in; a cancel is no longer taken. */
  commit(manifest: Omit<Manifest, 'writtenBy'>): Promise<void>;
  /** Removes the staging folder after a failure or a cancel. */
  discard(): Promise<void>;
}

/** The chosen folder with symbolic links resolved, as far as it exists. */
async function resolveTarget(outDir: string): Promise<string> {
  const absolute = path.resolve(outDir);
  const rest: string[] = [];
  for (let at = absolute; ; at = path.dirname(at)) {
    try {
      return path.join(await realpath(at), ...rest);
    } catch {
      if (path.dirname(at) === at) return absolute;
      rest.unshift(path.basename(at));
    }
  }
}

async function inspectFolder(guard: FsGuard, dir: string): Promise<FolderState> {
  const info = await statOrNull(guard, dir);
  if (!info) return { exists: false, ours: [], foreign: [] };
  if (!info.isDirectory()) throw notAFolder(dir);
  const names = (await listFolder(guard, dir)).map((entry) => entry.name).filter((name) => !isInPlaceStaging(name));
  const manifest = await readManifest(guard, dir);
  const listed = new Set(manifest ? [...manifest.files, MANIFEST_FILE] : await legacySet(guard, dir, names));
  return { exists: true, ours: names.filter((name) => listed.has(name)), foreign: names.filter((name) => !listed.has(name)).sort() };
}

/** Refuses a folder with foreign files unless told to write beside them; returns it resolved, with its state. */
export async function checkExportFolder(guard: FsGuard, outDir: string, force: boolean): Promise<{ readonly target: string; readonly state: FolderState }> {
  const target = await resolveTarget(outDir);
  const state = await inspectFolder(guard, target);
  if (state.foreign.length > 0 && !force) throw new ForeignFilesError(target, state.foreign);
  return { target, state };
}

/** Clears what killed exports left, then opens a staging folder for a new set. */
export async function beginExportSet(guard: FsGuard, outDir: string, force: boolean): Promise<ExportSet> {
  await recoverExportFolder(guard, await resolveTarget(outDir));
  const { target, state } = await checkExportFolder(guard, outDir, force);
  const parent = path.dirname(target);
  await makeFolder(guard, parent);
  const token = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const cleanup = withoutCancel(guard);
  if (state.foreign.length === 0 && (await canSwitch(guard, target, parent, state))) {
    const stagingDir = path.join(parent, `.${path.basename(target)}.${STAGING}-${token}`);
    try {
      await guarded(guard, `creating a staging folder beside ${target}`, () => mkdir(stagingDir));
    } catch (error) {
      if (!(error instanceof ExportFileError) || !CANNOT_WRITE.has(error.code ?? '')) throw error;
      return inPlaceSet(guard, cleanup, target, token);
    }
    return {
      target,
      stagingDir,
      commit: async (manifest) => {
        await writeManifest(cleanup, stagingDir, manifest);
        const now = await inspectFolder(cleanup, target);
        if (now.foreign.length > 0) throw new ForeignFilesError(target, now.foreign);
        await switchFolder(cleanup, stagingDir, target, now, path.join(parent, `.${path.basename(target)}.${PREVIOUS}-${token}`));
        await syncFolder(cleanup, parent);
      },
      discard: () => removePath(cleanup, stagingDir),
    };
  }
  return inPlaceSet(guard, cleanup, target, token);
}

const CANNOT_WRITE = new Set(['EACCES', 'EPERM', 'EROFS']);

/** A folder can be switched by rename when its parent can hold the staging folder on the same disk. */
async function canSwitch(guard: FsGuard, target: string, parent: string, state: FolderState): Promise<boolean> {
  if (!state.exists) return true;
  const [own, above] = await Promise.all([statOrNull(guard, target), statOrNull(guard, parent)]);
  return own !== null && above !== null && own.dev === above.dev;
}

/**
 * The previous set aside, the new one in: two renames, the only window where the folder is
 * missing (both sets are whole then, and recoverExportFolder finishes the switch). An empty
 * folder is replaced by one rename where the platform allows it.
 */
async function switchFolder(guard: FsGuard, stagingDir: string, target: string, state: FolderState, aside: string): Promise<void> {
  if (!state.exists) return renamePath(guard, stagingDir, target);
  if (state.ours.length === 0) {
    try {
      return await renamePath(guard, stagingDir, target);
    } catch {
      // Windows will not rename onto an existing folder, even an empty one.
      await guarded(guard, `removing the empty folder ${target}`, () => rmdir(target));
      return renamePath(guard, stagingDir, target);
    }
  }
  await renamePath(guard, target, aside);
  try {
    await renamePath(guard, stagingDir, target);
  } catch (error) {
    await renamePath(guard, aside, target);
    throw error;
  }
  await removePath(guard, aside).catch(() => undefined);
}

/** Staged inside the folder, each file renamed over its name, the manifest last. */
async function inPlaceSet(guard: FsGuard, cleanup: FsGuard, target: string, token: string): Promise<ExportSet> {
  await makeFolder(guard, target);
  const stagingDir = path.join(target, `.${STAGING}-${token}`);
  await makeFolder(guard, stagingDir);
  return {
    target,
    stagingDir,
    commit: async (manifest) => {
      const before = await readManifest(cleanup, target);
      await writeManifest(cleanup, stagingDir, manifest);
      await moveStagedFiles(cleanup, stagingDir, target, before);
    },
    discard: () => removePath(cleanup, stagingDir),
  };
}

/** Moves a complete in-place staging folder's files over their names; files of the set before that the new one lacks go. */
async function moveStagedFiles(guard: FsGuard, stagingDir: string, target: string, before: Manifest | null): Promise<void> {
  const manifest = await readManifest(guard, stagingDir);
  if (!manifest) return removePath(guard, stagingDir);
  for (const name of manifest.files) {
    if (await statOrNull(guard, path.join(stagingDir, name))) await renamePath(guard, path.join(stagingDir, name), path.join(target, name));
  }
  for (const name of before?.files ?? []) {
    if (!manifest.files.includes(name)) await removePath(guard, path.join(target, name));
  }
  // The manifest last: until it moves, the staging folder's own says what is left to do.
  await renamePath(guard, path.join(stagingDir, MANIFEST_FILE), path.join(target, MANIFEST_FILE));
  await removePath(guard, stagingDir);
  await syncFolder(guard, target);
}

/**
 * What killed exports into `target` left: incomplete staging folders are removed; a complete
 * one whose switch was cut short is put in place; a previous set left aside goes once the
 * folder holds a set, and comes back if nothing else can. Folders of an export still running
 * (its process is alive) are left alone.
 */
export async function recoverExportFolder(guard: FsGuard, target: string): Promise<void> {
  const parent = path.dirname(target);
  const prefix = `.${path.basename(target)}.`;
  const left = (await statOrNull(guard, parent)) ? await listFolder(guard, parent) : [];
  const ofTarget = (kind: string) =>
    left.filter((entry) => entry.isDirectory() && entry.name.startsWith(`${prefix}${kind}-`) && isStale(entry.name)).map((entry) => path.join(parent, entry.name));
  for (const staging of ofTarget(STAGING)) {
    if (!(await statOrNull(guard, target)) && (await readManifest(guard, staging))) await renamePath(guard, staging, target);
    else await removePath(guard, staging);
  }
  for (const aside of ofTarget(PREVIOUS)) {
    if (await statOrNull(guard, target)) await removePath(guard, aside);
    else await renamePath(guard, aside, target);
  }
  const inside = await statOrNull(guard, target);
  if (!inside?.isDirectory()) return;
  for (const entry of await listFolder(guard, target)) {
    if (entry.isDirectory() && isInPlaceStaging(entry.name) && isStale(entry.name)) {
      await moveStagedFiles(guard, path.join(target, entry.name), target, await readManifest(guard, target));
    }
  }
}

function isInPlaceStaging(name: string): boolean {
  return name.startsWith(`.${STAGING}-`);
}

/** True unless the process that made the folder is still running: an export in this process is never running when another starts. */
function isStale(name: string): boolean {
  const pid = Number(/-(\d+)-[0-9a-f]{8}$/.exec(name)?.[1]);
  return !Number.isInteger(pid) || pid === process.pid || !processIsAlive(pid);
}

async function readManifest(guard: FsGuard, dir: string): Promise<Manifest | null> {
  const text = await readSmallFile(guard, path.join(dir, MANIFEST_FILE), MAX_MANIFEST_BYTES);
  if (text === null) return null;
  try {
    const value = JSON.parse(text) as Partial<Manifest>;
    if (value.writtenBy !== WRITTEN_BY || !Array.isArray(value.files)) return null;
    // Only the app's own file names: a manifest someone wrote can never make an export move or remove another file.
    const files = value.files.filter((name): name is string => typeof name === 'string' && EXPORT_FILE_NAMES.includes(name));
    return { writtenBy: WRITTEN_BY, format: value.format as ExportFormat, exportedAt: String(value.exportedAt), files };
  } catch {
    return null;
  }
}

async function writeManifest(guard: FsGuard, dir: string, manifest: Omit<Manifest, 'writtenBy'>): Promise<void> {
  const sink = await openSink(guard, path.join(dir, MANIFEST_FILE));
  try {
    await sink.write(`${JSON.stringify({ writtenBy: WRITTEN_BY, ...manifest }, null, 2)}\n`);
    await sink.close();
  } catch (error) {
    await sink.abandon();
    throw error;
  }
  await syncFolder(guard, dir);
}

/** A folder an export wrote before exports had manifests: only export file names, and a card of the app's. */
async function legacySet(guard: FsGuard, dir: string, names: readonly string[]): Promise<string[]> {
  if (!names.includes(CARD_FILE) || !names.every((name) => EXPORT_FILE_NAMES.includes(name))) return [];
  const card = await readSmallFile(guard, path.join(dir, CARD_FILE), MAX_CARD_BYTES);
  return card?.startsWith('---\n') && card.includes(CARD_SIGNATURE) ? [...names] : [];
}

function notAFolder(dir: string): ExportFileError {
  return new ExportFileError(`writing into ${dir}`, Object.assign(new Error('not a folder'), { code: 'ENOTDIR' }));
}

