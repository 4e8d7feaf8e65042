/**
 * `npm run serve [-- --db <file>] [--port N] [--reviewer NAME]`: the workstation in a browser on
 * this machine, over the real services: the library server in a worker thread, this thread
 * only relaying HTTP. Prints the URL (with its per-run token) to open.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultLibraryPath } from '../../appData.ts';
import { startServerWorker } from '../../server/workerClient.ts';
import { startBridge } from './server.ts';

const ROOT = path.resolve(import.meta.dirname, '../../../..');

function refuse(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

let values: { db?: string; port: string; reviewer?: string };
try {
  values = parseArgs({ options: { db: { type: 'string' }, port: { type: 'string', default: '0' }, reviewer: { type: 'string' } } }).values as typeof values;
} catch (error) {
  refuse(`serve: ${(error as Error).message}\nUsage: npm run serve -- [--db <file>] [--port N] [--reviewer NAME]`);
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) refuse(`serve: --port must be a port number, not "${values.port}"`);
const rendererDir = path.join(ROOT, 'out/renderer');
if (!existsSync(path.join(rendererDir, 'index.html'))) refuse(`No built renderer in ${rendererDir}: run \`npm run build\` first.`);
const file = path.resolve(values.db ?? defaultLibraryPath());
mkdirSync(path.dirname(file), { recursive: true });
const packageJson = (await import('../../../../package.json', { with: { type: 'json' } })).default as { version: string };
const server = startServerWorker({ appVersion: packageJson.version, samplesFolder: path.join(ROOT, 'resources/samples') });
// The app's own default file may be made a library even when empty; a file named with --db only when it does not exist.
const opened = await server.open({ file, create: values.db === undefined, ...(values.reviewer === undefined ? {} : { reviewer: values.reviewer }) });
if (!opened.ok) {
  await server.close();
  refuse(opened.error.message);
}
const bridge = await startBridge({ server, rendererDir, port });
process.stdout.write(`IMR Review Workstation serving ${file}\nOpen ${bridge.url}\n`);

const shutDown = async () => {
  await bridge.close();
  await server.close();
  process.exit(0);
};
process.once('SIGINT', () => void shutDown());
process.once('SIGTERM', () => void shutDown());
