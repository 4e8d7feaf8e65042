/** The command line's process: its compile cache, then one command with the process's streams and exit code. */
import { enableCompileCache } from '../processes.ts';
import { runCli } from './main.ts';
import { processIO } from './io.ts';

enableCompileCache();
process.exitCode = await runCli(process.argv.slice(2), processIO());
