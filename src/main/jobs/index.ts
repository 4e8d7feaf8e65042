/** The app's background jobs: one import and one export at a time. */
import type { ImportProgress, ImportSummary } from '../../shared/importing.ts';
import type { ExportProgress, ExportResult } from '../../shared/export.ts';
import { BackgroundJob } from './backgroundJob.ts';

export type ImportJob = BackgroundJob<ImportProgress, ImportSummary>;
export type ExportJob = BackgroundJob<ExportProgress, ExportResult>;

export interface Jobs {
  readonly imports: ImportJob;
  readonly exports: ExportJob;
}

export function createJobs(): Jobs {
  const idleImport: ImportProgress = {
    runId: 0,
    total: 0,
    done: 0,
    imported: 0,
    duplicates: 0,
    failed: 0,
    currentFile: null,
    lettersPerSecond: 0,
    elapsedMs: 0,
  };
  return { imports: new BackgroundJob(idleImport), exports: new BackgroundJob<ExportProgress, ExportResult>({ done: 0, total: 0 }) };
}

export { BackgroundJob };
export type { JobStatus } from './backgroundJob.ts';
