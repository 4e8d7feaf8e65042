/**
 * The library the app has open, with its jobs and API handlers. The IPC layer talks to
 * `api`, which always forwards to the current library, so "Open database…" swaps the
 * file underneath without registering anything again.
 */
import { API_METHODS } from '../../shared/api.ts';
import type { ImrApi } from '../../shared/api.ts';
import { createApiHandlers } from '../api/handlers.ts';
import type { Jobs } from '../jobs/index.ts';
import { createJobs } from '../jobs/index.ts';
import type { Library } from '../storage/index.ts';
import { openLibrary } from '../storage/index.ts';

export interface LibrarySessionOptions {
  readonly appVersion: string;
  readonly samplesFolder: string;
}

export interface OpenLibrary {
  readonly library: Library;
  readonly jobs: Jobs;
  readonly handlers: ImrApi;
}

export interface LibrarySession {
  /** The API over whichever library is open now. */
  readonly api: ImrApi;
  current(): OpenLibrary;
  /** Opens (or creates) `file` and, once it is open, closes the previous library. */
  switchTo(file: string): Promise<void>;
  /** Cancels the jobs in flight, waits for them to stop, and closes the library. */
  close(): Promise<void>;
}

/** Stops an import or export under way, then closes the file: nothing is left half written. */
export async function closeLibrary({ library, jobs }: OpenLibrary): Promise<void> {
  const running = [jobs.imports, jobs.exports];
  for (const job of running) job.cancel();
  await Promise.all(running.map((job) => job.settled()));
  library.close();
}

function open(file: string, options: LibrarySessionOptions): OpenLibrary {
  const library = openLibrary(file);
  const jobs = createJobs();
  return { library, jobs, handlers: createApiHandlers({ library, jobs, ...options }) };
}

export function startLibrarySession(file: string, options: LibrarySessionOptions): LibrarySession {
  let current: OpenLibrary | null = open(file, options);
  const now = (): OpenLibrary => {
    if (!current) throw new Error('The library is closed.');
    return current;
  };
  const api = Object.fromEntries(
    API_METHODS.map((method) => [
      method,
      async (...args: unknown[]) => (now().handlers[method] as (...callArgs: unknown[]) => Promise<unknown>)(...args),
    ]),
  ) as unknown as ImrApi;
  return {
    api,
    current: now,
    async switchTo(next) {
      const previous = now();
      if (previous.library.file === next) return;
      current = open(next, options);
      await closeLibrary(previous);
    },
    async close() {
      if (!current) return;
      const closing = current;
      current = null;
      await closeLibrary(closing);
    },
  };
}
