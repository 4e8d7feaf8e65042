/** A real library server in a worker thread over a temp library, called the way the UI calls it. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LibraryClient } from '../../src/main/server/client.ts';
import { startServerWorker } from '../../src/main/server/workerClient.ts';
import type { ApiMethod, ApiResponse, ApiResults, AppInfo } from '../../src/shared/api.ts';

export const TEST_REVIEWER = 'Test Reviewer';

export interface ServerFixture {
  readonly dir: string;
  readonly client: LibraryClient;
  readonly info: AppInfo;
  /** Calls the API; a refused call throws its error code and message. */
  call<M extends ApiMethod>(method: M, ...args: unknown[]): Promise<ApiResults[M]>;
  /** Calls the API and returns the response as it came. */
  raw(method: string, args: unknown, libraryId?: string): Promise<ApiResponse<unknown>>;
  /** Waits until the import or export job has finished. */
  settled(job: 'import' | 'export'): Promise<void>;
  dispose(): Promise<void>;
}

export async function startServerFixture(options: { samplesFolder?: string; file?: string } = {}): Promise<ServerFixture> {
  const dir = await mkdtemp(path.join(tmpdir(), 'imr-server-'));
  const client = startServerWorker({ appVersion: '0.0.0-test', samplesFolder: options.samplesFolder ?? '' });
  const opened = await client.open({ file: options.file ?? path.join(dir, 'library.sqlite'), reviewer: TEST_REVIEWER });
  if (!opened.ok) throw new Error(opened.error.message);
  const raw = (method: string, args: unknown, libraryId?: string) =>
    client.call({ method, args, ...(libraryId === undefined ? {} : { libraryId }) } as never);
  const call = async <M extends ApiMethod>(method: M, ...args: unknown[]): Promise<ApiResults[M]> => {
    const response = await raw(method, args);
    if (!response.ok) throw new Error(`${response.error.code}: ${response.error.message}`);
    return response.result as ApiResults[M];
  };
  return {
    dir,
    client,
    info: opened.result,
    call,
    raw,
    async settled(job) {
      const method = job === 'import' ? 'getImportStatus' : 'getExportStatus';
      for (let i = 0; i < 2400; i++) {
        const status = (await call(method)) as { running: unknown };
        if (status.running === null) return;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      throw new Error(`the ${job} did not finish`);
    },
    async dispose() {
      await client.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
