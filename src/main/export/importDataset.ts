/**
 * `import-dataset`: loads another library's JSONL export, all or nothing. The whole file is
 * checked first (every bad line reported with its number, repeated letters too); only a file
 * with no problem is merged, in one transaction, so a failure or a cancel leaves the library as
 * it was. Letters match by sha256: a letter this library lacks is created from its record, one
 * it has is merged (see mergeRecord.ts), recorded under the name of the reviewer it came from.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { ImportDatasetResult } from '../../shared/export.ts';
import type { Library } from '../storage/index.ts';
import { refreshDerived } from '../review/index.ts';
import { createLetterFromRecord, letterIdOfSha256 } from '../storage/index.ts';
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

/**
 * The merge holds one transaction open across the file's reads, so the connection must be the
 * caller's alone (the command line's), never one that serves other requests meanwhile.
 */
export async function importDataset(library: Library, file: string, control: ImportDatasetControl = {}): Promise<ImportDatasetResult> {
  const digest = await checkFile(file, control);
  const source = path.basename(file);
  const { db } = library;
  const counts = { created: 0, merged: 0, fieldsTaken: 0, conflicts: 0 };
  db.exec('BEGIN IMMEDIATE');
  try {
    const hash = createHash('sha256');
    let letters = 0;
    for await (const line of readDatasetLines(file, hash)) {
      control.signal?.throwIfAborted();
      if (!line.record) throw new DatasetFileError(`${file}:${line.lineNumber} changed while it was being imported`);
      const letterId = letterIdOfSha256(db, line.record.sha256);
      if (letterId === null) {
        refreshDerived(db, createLetterFromRecord(db, line.record));
        counts.created++;
      } else {
        const outcome = mergeRecord(db, letterId, line.record, source, control.reviewer);
        counts.merged++;
        counts.fieldsTaken += outcome.fieldsTaken;
        counts.conflicts += outcome.conflicts;
      }
      if (++letters % PROGRESS_EVERY === 0) control.onProgress?.({ phase: 'merging', letters });
    }
    if (hash.digest('hex') !== digest) throw new DatasetFileError(`${file} changed while it was being imported`);
    control.signal?.throwIfAborted();
    db.exec('COMMIT');
    control.onProgress?.({ phase: 'merging', letters });
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error instanceof DatasetFileError ? new DatasetFileError(`${error.message}; nothing was merged`) : error;
  }
  return counts;
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
