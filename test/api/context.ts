/** A real library in a temp folder with the API handlers over it, for boundary and bridge tests. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApiHandlers } from '../../src/main/api/handlers.ts';
import { ImportSession } from '../../src/main/import/session.ts';
import type { Library } from '../../src/main/storage/index.ts';
import { openLibrary } from '../../src/main/storage/index.ts';
import type { ImrApi } from '../../src/shared/api.ts';

export interface ApiFixture {
  readonly dir: string;
  readonly library: Library;
  readonly imports: ImportSession;
  readonly handlers: ImrApi;
  dispose(): Promise<void>;
}

export async function createApiFixture(samplesFolder = ''): Promise<ApiFixture> {
  const dir = await mkdtemp(path.join(tmpdir(), 'imr-api-'));
  const library = openLibrary(path.join(dir, 'library.sqlite'), { reviewer: 'Test Reviewer' });
  const imports = new ImportSession(library);
  const handlers = createApiHandlers({ library, appVersion: '0.0.0-test', imports, samplesFolder });
  return {
    dir,
    library,
    imports,
    handlers,
    dispose: async () => {
      imports.cancel();
      await imports.settled();
      library.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
