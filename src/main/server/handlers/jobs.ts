/**
 * The long work: imports (extraction in the import pool's threads, storing here, between calls)
 * and exports (all of it in a worker thread of its own). One of each at a time, cancellable.
 * An export's folder is checked before it starts, so a folder holding files the app did not
 * write is refused with its own error code (the UI asks, then exports with `force`); the folder
 * is noted in the library while the export runs, so the next start clears what a kill left.
 */
import type { ImrApi } from '../../../shared/api.ts';
import type { ExportOptions } from '../../../shared/export.ts';
import { checkExportFolder, exportInWorker } from '../../export/index.ts';
import { importLetters } from '../../import/pipeline.ts';
import { clearPendingExportFolder, listImportErrors, notePendingExportFolder } from '../../storage/index.ts';
import type { Db } from '../../storage/index.ts';
import type { HandlerContext } from '../session.ts';

type JobMethods = 'startImport' | 'getImportStatus' | 'cancelImport' | 'listImportErrors' | 'loadSampleLetters' | 'startExport' | 'getExportStatus' | 'cancelExport';

/** The check runs on the server's thread, between requests: a folder that does not answer must not hold them up for long. */
const FOLDER_CHECK_TIMEOUT_MS = 5000;

export function jobHandlers({ library, jobs, settings, exportsReady }: HandlerContext): Pick<ImrApi, JobMethods> {
  const startImport = (paths: readonly string[]) =>
    jobs.imports.start(async (signal, onProgress) => {
      const summary = await importLetters(library, paths, { signal, onProgress });
      // The job's error is what the import dialog shows: the reason, with what was done before it.
      if (summary.status === 'failed') {
        throw new Error(`${summary.error}; stopped after ${summary.done} of ${summary.total} files, with ${summary.imported} letters stored whole`);
      }
      return summary;
    });
  const startExport = async (options: ExportOptions) => {
    if (jobs.exports.status().running) return { started: false };
    await exportsReady;
    const { target } = await checkExportFolder({ timeoutMs: FOLDER_CHECK_TIMEOUT_MS }, options.outDir, options.force ?? false);
    const started = jobs.exports.start(async (signal, onProgress) => {
      noteBestEffort(library.db, () => notePendingExportFolder(library.db, target));
      try {
        return await exportInWorker(library.file, options, { signal, onProgress });
      } finally {
        noteBestEffort(library.db, () => clearPendingExportFolder(library.db, target));
      }
    });
    return { started };
  };
  return {
    startImport: async (paths) => ({ started: startImport(paths) }),
    getImportStatus: async () => jobs.imports.status(),
    cancelImport: async () => jobs.imports.cancel(),
    listImportErrors: async (runId) => listImportErrors(library.db, runId),
    loadSampleLetters: async () => ({ started: startImport([settings.samplesFolder]) }),
    startExport,
    getExportStatus: async () => jobs.exports.status(),
    cancelExport: async () => jobs.exports.cancel(),
  };
}

/** The note only helps clear up after a kill: a library that cannot take it (full disk, read-only) must not stop an export. */
function noteBestEffort(db: Db, write: () => void): void {
  if (!db.open) return;
  try {
    write();
  } catch {
    // The export goes on without it; its own folder is still cleared by the next export into it.
  }
}
