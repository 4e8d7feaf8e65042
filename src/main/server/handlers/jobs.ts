/**
 * The long work: imports (extraction in the import pool's threads, storing here, between calls)
 * and exports (all of it in a worker thread of its own). One of each at a time, cancellable.
 */
import type { ImrApi } from '../../../shared/api.ts';
import { exportInWorker } from '../../export/exportInWorker.ts';
import { importLetters } from '../../import/pipeline.ts';
import { listImportErrors } from '../../storage/index.ts';
import type { HandlerContext } from '../session.ts';

type JobMethods = 'startImport' | 'getImportStatus' | 'cancelImport' | 'listImportErrors' | 'loadSampleLetters' | 'startExport' | 'getExportStatus' | 'cancelExport';

export function jobHandlers({ library, jobs, settings }: HandlerContext): Pick<ImrApi, JobMethods> {
  const startImport = (paths: readonly string[]) =>
    jobs.imports.start((signal, onProgress) => importLetters(library, paths, { signal, onProgress }));
  return {
    startImport: async (paths) => ({ started: startImport(paths) }),
    getImportStatus: async () => jobs.imports.status(),
    cancelImport: async () => jobs.imports.cancel(),
    listImportErrors: async (runId) => listImportErrors(library.db, runId),
    loadSampleLetters: async () => ({ started: startImport([settings.samplesFolder]) }),
    startExport: async (options) => ({
      started: jobs.exports.start((signal, onProgress) => exportInWorker(library.file, options, { signal, onProgress })),
    }),
    getExportStatus: async () => jobs.exports.status(),
    cancelExport: async () => jobs.exports.cancel(),
  };
}
