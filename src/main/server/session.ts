/** One open library inside the server: the file, its jobs, and the API handlers over it. */
import type { ImrApi } from '../../shared/api.ts';
import { createJobs } from '../jobs/index.ts';
import type { Jobs } from '../jobs/index.ts';
import type { Actor, Library } from '../storage/index.ts';
import { bringDerivedUpToDate } from '../review/index.ts';
import { libraryId, openLibrary, requireReviewer } from '../storage/index.ts';
import { appHandlers } from './handlers/app.ts';
import { conflictHandlers } from './handlers/conflicts.ts';
import { insightsHandlers } from './handlers/insights.ts';
import { jobHandlers } from './handlers/jobs.ts';
import { letterHandlers } from './handlers/letters.ts';
import { reviewHandlers } from './handlers/review.ts';
import { tagHandlers } from './handlers/tags.ts';
import { undoHandlers } from './handlers/undo.ts';
import type { OpenLibraryRequest, ServerSettings } from './protocol.ts';

/** What every domain's handlers are given. */
export interface HandlerContext {
  readonly library: Library;
  readonly libraryId: string;
  readonly jobs: Jobs;
  readonly settings: ServerSettings;
  /** Who makes a change now: the library's reviewer (refused while none is set). */
  actor(): Actor;
}

export interface OpenSession {
  readonly context: HandlerContext;
  readonly handlers: ImrApi;
  /** Stops the import or export in flight, waits for it, then closes the file: nothing is left half written. */
  close(): Promise<void>;
}

export function openSession(request: OpenLibraryRequest, settings: ServerSettings): OpenSession {
  const library = openLibrary(request.file, request.reviewer === undefined ? {} : { reviewer: request.reviewer });
  // Rule checks and vocabulary newer than the library's: the queue's filters read them.
  bringDerivedUpToDate(library.db);
  const jobs = createJobs();
  const context: HandlerContext = {
    library,
    libraryId: libraryId(library.db),
    jobs,
    settings,
    actor: () => ({ reviewer: requireReviewer(library.db), origin: 'review' }),
  };
  const handlers: ImrApi = {
    ...appHandlers(context),
    ...letterHandlers(context),
    ...reviewHandlers(context),
    ...tagHandlers(context),
    ...undoHandlers(context),
    ...jobHandlers(context),
    ...conflictHandlers(context),
    ...insightsHandlers(context),
  };
  return {
    context,
    handlers,
    async close() {
      const running = [jobs.imports, jobs.exports];
      for (const job of running) job.cancel();
      await Promise.all(running.map((job) => job.settled()));
      library.close();
    },
  };
}
