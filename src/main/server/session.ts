/** One open library inside the server: the file, its jobs, and the API handlers over it. */
import type { ImrApi } from '../../shared/api.ts';
import { createJobs } from '../jobs/index.ts';
import type { Jobs } from '../jobs/index.ts';
import { recoverExportFolder } from '../export/index.ts';
import type { Actor, Library } from '../storage/index.ts';
import { clearPendingExportFolder, libraryId, openLibrary, pendingExportFolders, requireReviewer } from '../storage/index.ts';
import type { DerivedRefresher } from './derivedRefresher.ts';
import { startDerivedRefresher } from './derivedRefresher.ts';
import type { OpenLibraryRequest, ServerSettings } from './protocol.ts';

/** What every domain's handlers are given. */
export interface HandlerContext {
  readonly library: Library;
  readonly libraryId: string;
  readonly jobs: Jobs;
  readonly settings: ServerSettings;
  /** Settles once what killed exports left beside their folders has been cleared; exports start after it. */
  readonly exportsReady: Promise<void>;
  /** Who makes a change now: the library's reviewer (refused while none is set). */
  actor(): Actor;
  /** Starts the background update of the derived values again, after a change to the check settings. */
  rederive(): void;
}

export interface OpenSession {
  readonly context: HandlerContext;
  readonly handlers: ImrApi;
  /** Stops the import or export in flight, waits for it, then closes the file: nothing is left half written. */
  close(): Promise<void>;
}

/** Opens the library and gives the API's handlers over it (`handlersOf`, see handlers/index.ts). */
export function openSession(request: OpenLibraryRequest, settings: ServerSettings, handlersOf: (context: HandlerContext) => ImrApi): OpenSession {
  const library = openLibrary(request.file, {
    ...(request.reviewer === undefined ? {} : { reviewer: request.reviewer }),
    ...(request.create === undefined ? {} : { create: request.create }),
  });
  // Rule checks and vocabulary newer than the library's (or other check settings) are worked out for every letter in the background.
  let refresher = null as DerivedRefresher | null;
  let closing = false;
  const restartRefresher = () => {
    refresher?.stop();
    refresher = startDerivedRefresher(library.db, (error) => process.stderr.write(`The update of rule checks stopped: ${error instanceof Error ? error.message : String(error)}\n`));
  };
  // Started once a write would not wait for the damage check (storage/library.ts), so the update never holds the server waiting.
  void library.writable.then(() => {
    if (refresher === null && !closing) restartRefresher();
  });
  const jobs = createJobs();
  const context: HandlerContext = {
    library,
    libraryId: libraryId(library.db),
    jobs,
    settings,
    exportsReady: clearKilledExports(library),
    actor: () => ({ reviewer: requireReviewer(library.db), origin: 'review' }),
    rederive: restartRefresher,
  };
  let handlers: ImrApi;
  try {
    handlers = handlersOf(context);
  } catch (error) {
    closing = true;
    refresher?.stop();
    library.close();
    throw error;
  }
  return {
    context,
    handlers,
    async close() {
      closing = true;
      refresher?.stop();
      const running = [jobs.imports, jobs.exports];
      for (const job of running) job.cancel();
      await Promise.all(running.map((job) => job.settled()));
      library.close();
    },
  };
}

/** Each clearing call gets this long: a folder on a disk that is gone must not hold up the start. */
const CLEAR_TIMEOUT_MS = 5000;

/** Finishes or removes what exports killed while writing left beside their folders (see export/exportSet.ts). */
async function clearKilledExports(library: Library): Promise<void> {
  for (const folder of pendingExportFolders(library.db)) {
    try {
      await recoverExportFolder({ timeoutMs: CLEAR_TIMEOUT_MS }, folder);
      if (library.db.open) clearPendingExportFolder(library.db, folder);
    } catch {
      // Left noted: the next start, or the next export into that folder, tries again.
    }
  }
}
