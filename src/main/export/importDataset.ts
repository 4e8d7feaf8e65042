/**
 * `import-dataset`: loads another library's JSONL export, all or nothing. The whole file is
 * checked first (every bad line reported with its number, repeated letters too); only a file
 * with no problem is merged. The merge commits in short transactions and pauses between them,
 * so the reviewer's edits in the app go through while it runs; it stays all or nothing through
 * its journal (storage's datasetMerges.ts): a failure, a cancel or a kill takes back every
 * letter it merged or created, apart from any the reviewer changed meanwhile. Letters match by
 * sha256: a letter this library lacks is created from its record, one it has is merged (see
 * mergeRecord.ts), recorded under the name of the reviewer it came from.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ImportDatasetResult } from '../../shared/export.ts';
import type { Library } from '../storage/index.ts';
import { refreshDerived } from '../review/index.ts';
import { createLetterFromRecord, finishDatasetMerge, letterIdOfSha256, noteMergeCreated, noteMergeMerged, revertDatasetMerge, startDatasetMerge } from '../storage/index.ts';
import { DatasetFileError, readDatasetLines } from './datasetFile.ts';
import { mergeRecord } from './mergeRecord.ts';

export interface ImportDatasetControl {
  readonly signal?: AbortSignal;
  /** Whose export it is, for letters it does not say who verified. */
  readonly reviewer?: string;
  /** Called as letters are checked, then as they are merged. */
  readonly onProgress?: (progress: { readonly phase: 'checking' | 'merging'; readonly letters: number }) => void;
}

/** Problems listed in the message before "and N more". */
const PROBLEMS_SHOWN = 20;
const PROGRESS_EVERY = 500;
/** The longest one of the merge's transactions holds the library: an edit made meanwhile waits at most about this. */
const BATCH_MS = 250;
/**
 * The pause between two: SQLite's busy handler retries a waiting writer at least every 100 ms,
 * so a pause longer than that lets any writer waiting in another process in.
 */
const PAUSE_MS = 110;

/**
 * A transaction stays open across the file's reads, so the connection must be the caller's
 * alone (the command line's), never one that serves other requests meanwhile.
 */
export async function importDataset(library: Library, file: string, control: ImportDatasetControl = {}): Promise<ImportDatasetResult> {
  const digest = await checkFile(file, control);
  const source = path.basename(file);
  const { db } = library;
  const counts = { created: 0, merged: 0, fieldsTaken: 0, conflicts: 0 };
  const reserve = reserveSpace(library.file, file);
  const mergeId = startDatasetMerge(db, source);
  let batchStarted = 0;
  const begin = () => {
    if (db.inTransaction) return;
    db.exec('BEGIN IMMEDIATE');
    batchStarted = performance.now();
  };
  try {
    const hash = createHash('sha256');
    let letters = 0;
    for await (const line of readDatasetLines(file, hash)) {
      control.signal?.throwIfAborted();
      if (!line.record) throw new DatasetFileError(`${file}:${line.lineNumber} changed while it was being imported`);
      begin();
      const letterId = letterIdOfSha256(db, line.record.sha256);
      if (letterId === null) {
        const created = createLetterFromRecord(db, line.record);
        refreshDerived(db, created);
        noteMergeCreated(db, mergeId, created);
        counts.created++;
      } else {
        const outcome = mergeRecord(db, letterId, line.record, source, control.reviewer);
        noteMergeMerged(db, mergeId, letterId);
        counts.merged++;
        counts.fieldsTaken += outcome.fieldsTaken;
        counts.conflicts += outcome.conflicts;
      }
      if (++letters % PROGRESS_EVERY === 0) control.onProgress?.({ phase: 'merging', letters });
      if (performance.now() - batchStarted >= BATCH_MS) {
        db.exec('COMMIT');
        // Into the file now, so the log holds one batch at most: taking the merge back never needs room for more.
        db.pragma('wal_checkpoint(PASSIVE)');
        reserve.keepUpWith(libraryBytes(library.file));
        await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
      }
    }
    if (hash.digest('hex') !== digest) throw new DatasetFileError(`${file} changed while it was being imported`);
    control.signal?.throwIfAborted();
    begin();
    finishDatasetMerge(db, mergeId);
    db.exec('COMMIT');
    control.onProgress?.({ phase: 'merging', letters });
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    reserve.release();
    throw tookBack(db, mergeId, error);
  } finally {
    reserve.release();
  }
  return counts;
}

/** Room kept for taking a merge back: at least half the dataset's size, within these bounds, and as much as the merge has added. */
const RESERVE_MIN_BYTES = 1024 * 1024;
const RESERVE_MAX_BYTES = 16 * 1024 * 1024;

/** The library's file and its log, in bytes. */
function libraryBytes(file: string): number {
  return (statSync(file, { throwIfNoEntry: false })?.size ?? 0) + (statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0);
}

interface Reserve {
  /** Grows the room kept to what the merge has added to the library so far (taking it back writes about as much); throws when the disk has no more. */
  keepUpWith(bytesNow: number): void;
  release(): void;
}

/**
 * Disk space held beside the library while the merge runs, freed to take the merge back when the
 * disk fills under it: deleting letters needs room in SQLite's log and file too.
 */
function reserveSpace(libraryFile: string, datasetFile: string): Reserve {
  const reserveFile = `${libraryFile}-merge-reserve`;
  const startBytes = libraryBytes(libraryFile);
  let held = Math.min(RESERVE_MAX_BYTES, Math.max(RESERVE_MIN_BYTES, Math.round(statSync(datasetFile).size / 2)));
  const noRoom = (error: unknown) => {
    rmSync(reserveFile, { force: true });
    return new DatasetFileError(`the disk holding ${libraryFile} has no room to merge ${path.basename(datasetFile)} safely (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  };
  try {
    // Written, not sparse, so the blocks are really taken.
    writeFileSync(reserveFile, Buffer.alloc(held));
  } catch (error) {
    throw noRoom(error);
  }
  return {
    keepUpWith(bytesNow) {
      const wanted = bytesNow - startBytes;
      if (wanted <= held) return;
      try {
        appendFileSync(reserveFile, Buffer.alloc(wanted - held));
        held = wanted;
      } catch (error) {
        throw noRoom(error);
      }
    },
    release: () => rmSync(reserveFile, { force: true }),
  };
}

/**
 * Takes the merge back after `error` and says so. When the library cannot take even that (a
 * full disk), the journal stays and the next open that can write takes the merge back.
 */
function tookBack(db: Library['db'], mergeId: number, error: unknown): unknown {
  let kept = 0;
  try {
    kept = revertDatasetMerge(db, mergeId).keptChanged;
  } catch {
    return error;
  }
  if (!(error instanceof DatasetFileError)) return error;
  const keptNote = kept === 0 ? '' : ` (${kept} letter${kept === 1 ? '' : 's'} changed by the reviewer meanwhile keep it)`;
  return new DatasetFileError(`${error.message}; nothing was merged${keptNote}`);
}

/** Reads the whole file once: every problem, with its line; the file's digest when there is none. */
async function checkFile(file: string, control: ImportDatasetControl): Promise<string> {
  const problems: string[] = [];
  const seen = new Map<string, number>();
  const hash = createHash('sha256');
  let letters = 0;
  for await (const line of readDatasetLines(file, hash)) {
    control.signal?.throwIfAborted();
    if (!line.record) {
      problems.push(`line ${line.lineNumber}: ${line.problem}`);
      continue;
    }
    const first = seen.get(line.record.sha256);
    if (first !== undefined) problems.push(`line ${line.lineNumber}: the same letter (sha256 ${line.record.sha256.slice(0, 12)}…) as line ${first}`);
    else seen.set(line.record.sha256, line.lineNumber);
    if (++letters % PROGRESS_EVERY === 0) control.onProgress?.({ phase: 'checking', letters });
  }
  if (problems.length > 0) {
    const more = problems.length > PROBLEMS_SHOWN ? `\n  … and ${problems.length - PROBLEMS_SHOWN} more` : '';
    throw new DatasetFileError(
      `${file} has ${problems.length} bad line${problems.length === 1 ? '' : 's'}; nothing was merged:\n  ${problems.slice(0, PROBLEMS_SHOWN).join('\n  ')}${more}`,
    );
  }
  return hash.digest('hex');
}
