/** Import runs: when a batch of files was imported, how it ended, and which files failed and why. */
import { processIsAlive } from '../processes.ts';
import { InvalidEditError, NotFoundError } from './errors.ts';
import { nowIso, statement } from './sql.ts';
import type { Db } from './sql.ts';
import type { ImportRun as SharedImportRun, ImportRunStatus as SharedImportRunStatus } from '../../shared/library.ts';
import type { ImportCounts, ImportFileError, StoredImportError } from '../../shared/library.ts';
export type { ImportCounts, ImportFileError, StoredImportError } from '../../shared/library.ts';

/** The shared statuses and 'interrupted': the run's process was killed, as the next open found. */
export type ImportRunStatus = SharedImportRunStatus | 'interrupted';
export interface ImportRun extends Omit<SharedImportRun, 'status'> {
  readonly status: ImportRunStatus;
}

/** Starts a run; `source` says what is being imported (a folder, a file list). Returns the run id. */
export function startImportRun(db: Db, source: string | null = null): number {
  const { lastInsertRowid } = statement(db, 'INSERT INTO import_runs (source, started_at, pid) VALUES (?, ?, ?)').run(
    source,
    nowIso(),
    process.pid,
  );
  return Number(lastInsertRowid);
}

/**
 * Runs left 'running' by a process that is gone were killed midway: each becomes 'interrupted',
 * with the letters it stored and the failures it recorded counted. Returns how many were marked.
 */
export function markInterruptedRuns(db: Db): number {
  const running = statement(db, "SELECT id, pid FROM import_runs WHERE status = 'running'").all() as { id: number; pid: number | null }[];
  const killed = running.filter(({ pid }) => pid === null || (pid !== process.pid && !processIsAlive(pid)));
  const mark = statement(
    db,
    `UPDATE import_runs SET status = 'interrupted', finished_at = @now,
       imported_count = (SELECT COUNT(*) FROM letters WHERE import_run_id = @id),
       failed_count = (SELECT COUNT(*) FROM import_errors WHERE run_id = @id)
     WHERE id = @id AND status = 'running'`,
  );
  for (const { id } of killed) mark.run({ id, now: nowIso() });
  return killed.length;
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
  status: Exclude<ImportRunStatus, 'running' | 'interrupted'>,
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
