/**
 * `npm run serve [-- --db <file>] [--create] [--port N] [--reviewer NAME]`: the workstation in a
 * browser on this machine, over the real services: the library server in a worker thread, this
 * thread only relaying HTTP. Prints the URL (with its per-run token) to open.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultLibraryPath } from '../../appData.ts';
import { FolderError, makeFolderSync } from '../../folders.ts';
import { startServerWorker } from '../../server/workerClient.ts';
import { startBridge } from './server.ts';

const ROOT = path.resolve(import.meta.dirname, '../../../..');

const USAGE = 'usage: npm run serve -- [--db <file>] [--create] [--port N] [--reviewer NAME]';
const HELP = `${USAGE}

Serves the workstation to a browser on this machine (127.0.0.1 only; the URL printed carries a
per-run token). Ends on Ctrl+C or SIGTERM, and when the npm process that started it ends.

Options:
  --db <file>        the library (default: the app's own, made on first use as the app does)
  --create           make the library named with --db when the file does not exist
  --port <n>         the port (default: any free one)
  --reviewer <name>  the reviewer name stamped on every change
  -h, --help         this help`;

function refuse(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

let values: { db?: string; create?: boolean; port: string; reviewer?: string; help?: boolean };
try {
  values = parseArgs({
    options: {
      db: { type: 'string' },
      create: { type: 'boolean' },
      port: { type: 'string', default: '0' },
      reviewer: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  }).values as typeof values;
} catch (error) {
  refuse(`serve: ${(error as Error).message}\n${USAGE}`);
}
if (values.help) {
  process.stdout.write(`${HELP}\n`);
  process.exit(0);
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) refuse(`serve: --port must be a port number, not "${values.port}"`);
const rendererDir = path.join(ROOT, 'out/renderer');
if (!existsSync(path.join(rendererDir, 'index.html'))) refuse(`No built renderer in ${rendererDir}: run \`npm run build\` first.`);
const file = path.resolve(values.db ?? defaultLibraryPath());
// As the command line: a library named with --db is made only when asked (a typo must not become an empty library).
if (values.db !== undefined && !values.create && !existsSync(file)) {
  refuse(`No library at ${file}: name an existing library, or add --create to make one there.`);
}
if (!existsSync(file)) {
  try {
    makeFolderSync(path.dirname(file));
  } catch (error) {
    if (!(error instanceof FolderError)) throw error;
    refuse(error.message);
  }
}
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

/** How long closing may take; a thread stuck in a file system call (an abandoned export) must not keep the server up. */
const SHUTDOWN_DEADLINE_MS = 15_000;

/**
 * Closes the bridge and the library, then ends by the signal's own default action: process.exit()
 * waits for every thread, and one stuck in a file system call never returns.
 */
const shutDown = async (signal: NodeJS.Signals) => {
  const closed = Promise.all([bridge.close(), server.close()]).then(() => true);
  const deadline = new Promise<false>((resolve) => setTimeout(() => resolve(false), SHUTDOWN_DEADLINE_MS).unref());
  if (!(await Promise.race([closed, deadline]))) process.stderr.write(`serve: the library did not close within ${SHUTDOWN_DEADLINE_MS / 1000} s; stopping anyway\n`);
  process.removeAllListeners(signal);
  process.kill(process.pid, signal);
};
process.once('SIGINT', () => void shutDown('SIGINT'));
process.once('SIGTERM', () => void shutDown('SIGTERM'));

/**
 * npm ends a script by signalling its shell, which may die without passing the signal on (and a
 * killed npm passes nothing): a parent that is gone leaves this process another parent, so it closes too.
 */
const PARENT_CHECK_MS = 1000;
const parent = process.ppid;
const parentCheck = setInterval(() => {
  if (process.ppid === parent) return;
  clearInterval(parentCheck);
  void shutDown('SIGTERM');
}, PARENT_CHECK_MS).unref();
