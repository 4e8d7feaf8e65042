/**
 * `npm run serve [-- --db <file>] [--port N]`: the workstation in a browser on this
 * machine, over the real services. Prints the URL (with its per-run token) to open.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createApiHandlers } from '../api/handlers.ts';
import { defaultLibraryPath } from '../appData.ts';
import { createJobs } from '../jobs/index.ts';
import { openLibrary } from '../storage/index.ts';
import { startBridge } from './server.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');

const { values } = parseArgs({ options: { db: { type: 'string' }, port: { type: 'string', default: '0' }, reviewer: { type: 'string' } } });
const rendererDir = path.join(ROOT, 'out/renderer');
if (!existsSync(path.join(rendererDir, 'index.html'))) {
  process.stderr.write(`No built renderer in ${rendererDir}: run \`npm run build\` first.\n`);
  process.exit(2);
}
const file = path.resolve(values.db ?? defaultLibraryPath());
mkdirSync(path.dirname(file), { recursive: true });
const library = openLibrary(file, values.reviewer === undefined ? {} : { reviewer: values.reviewer });
const jobs = createJobs();
const packageJson = (await import('../../../package.json', { with: { type: 'json' } })).default as { version: string };
const handlers = createApiHandlers({
  library,
  appVersion: packageJson.version,
  jobs,
  samplesFolder: path.join(ROOT, 'resources/samples'),
});
const bridge = await startBridge({ handlers, rendererDir, port: Number(values.port) });
process.stdout.write(`IMR Review Workstation serving ${file}\nOpen ${bridge.url}\n`);

const shutDown = async () => {
  for (const job of [jobs.imports, jobs.exports]) {
    job.cancel();
    await job.settled();
  }
  await bridge.close();
  library.close();
  process.exit(0);
};
process.once('SIGINT', () => void shutDown());
process.once('SIGTERM', () => void shutDown());
