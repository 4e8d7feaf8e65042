/** A real library in a temp folder with the API handlers over it, for boundary and bridge tests. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApiHandlers } from '../../src/main/api/handlers.ts';
import type { Jobs } from '../../src/main/jobs/index.ts';
import { createJobs } from '../../src/main/jobs/index.ts';
import type { Library } from '../../src/main/storage/index.ts';
import { openLibrary } from '../../src/main/storage/index.ts';
import type { ImrApi } from '../../src/shared/api.ts';

export interface ApiFixture {
  readonly dir: string;
  readonly library: Library;
  readonly jobs: Jobs;
  readonly handlers: ImrApi;
  dispose(): Promise<void>;
}

export async function createApiFixture(samplesFolder = ''): Promise<ApiFixture> {
  const dir = await mkdtemp(path.join(tmpdir(), 'imr-api-'));
  const library = openLibrary(path.join(dir, 'library.sqlite'), { reviewer: 'Test Reviewer' });
  const jobs = createJobs();
  const handlers = createApiHandlers({ library, appVersion: '0.0.0-test', jobs, samplesFolder });
  return {
    dir,
    library,
    jobs,
    handlers,
    dispose: async () => {
      for (const job of [jobs.imports, jobs.exports]) {
        job.cancel();
        await job.settled();
      }
      library.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
