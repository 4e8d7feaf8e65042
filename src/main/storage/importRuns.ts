/** Import runs: when a batch of files was imported, how it ended, and which files failed and why. */
import { InvalidEditError, NotFoundError } from './errors.ts';
import { nowIso, statement } from './sql.ts';
import type { Db } from './sql.ts';
import type { ImportCounts, ImportFileError, ImportRun, ImportRunStatus, StoredImportError } from '../../shared/library.ts';
export type { ImportCounts, ImportFileError, ImportRun, ImportRunStatus, StoredImportError } from '../../shared/library.ts';

/** Starts a run; `source` says what is being imported (a folder, a file list). Returns the run id. */
export function startImportRun(db: Db, source: string | null = null): number {
  const { lastInsertRowid } = statement(db, 'INSERT INTO import_runs (source, started_at) VALUES (?, ?)').run(
    source,
    nowIso(),
  );
  return Number(lastInsertRowid);
}

export function recordImportError(db: Db, runId: number, error: ImportFileError): void {
  statement(db, 'INSERT INTO import_errors (run_id, file_path, code, message, at) VALUES (?, ?, ?, ?, ?)').run(
    runId,
    error.filePath,
    error.code,
    error.message,
    nowIso(),
  );
}

export function finishImportRun(
  db: Db,
  runId: number,
  status: Exclude<ImportRunStatus, 'running'>,
  counts: ImportCounts,
): void {
  const { changes } = statement(
    db,
    `UPDATE import_runs SET status = @status, finished_at = @now, files_seen = @filesSeen,
       imported_count = @imported, duplicate_count = @duplicates, failed_count = @failed
     WHERE id = @runId AND status = 'running'`,
  ).run({ status, now: nowIso(), runId, ...counts });
  if (changes === 0) {
    if (getImportRun(db, runId) === null) throw new NotFoundError('import run', runId);
    throw new InvalidEditError(`Import run ${runId} has already finished`);
  }
}

const RUN_COLUMNS = `id, source, started_at AS startedAt, finished_at AS finishedAt, status,
  files_seen AS filesSeen, imported_count AS imported, duplicate_count AS duplicates, failed_count AS failed,
  (SELECT COUNT(*) FROM import_errors e WHERE e.run_id = import_runs.id) AS errorCount`;

export function getImportRun(db: Db, runId: number): ImportRun | null {
  const run = statement(db, `SELECT ${RUN_COLUMNS} FROM import_runs WHERE id = ?`).get(runId) as ImportRun | undefined;
  return run ?? null;
}

/** All runs, newest first. */
export function listImportRuns(db: Db): ImportRun[] {
  return statement(db, `SELECT ${RUN_COLUMNS} FROM import_runs ORDER BY id DESC`).all() as ImportRun[];
}

export function listImportErrors(db: Db, runId: number): StoredImportError[] {
  return statement(
    db,
    `SELECT id, run_id AS runId, file_path AS filePath, code, message, at
     FROM import_errors WHERE run_id = ? ORDER BY id`,
  ).all(runId) as StoredImportError[];
}
