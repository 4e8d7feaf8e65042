import module from 'node:module';

/** Whether a process still runs: what a killed import or export left is told from one in progress by its process id. */
export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/**
 * Turns on Node's on-disk compile cache for this process and the worker threads it starts
 * (through NODE_COMPILE_CACHE, which a worker reads as it starts): pdf.js's worker script and
 * the app's modules then load from code compiled by an earlier run, so an import stores its
 * first letter in about 250 ms instead of 380. Best effort: a cache that cannot be kept (a
 * read-only temp folder) only costs that time.
 */
export function enableCompileCache(): void {
  const { directory } = module.enableCompileCache();
  if (directory !== undefined) process.env['NODE_COMPILE_CACHE'] ??= directory;
}

/**
 * V8 sizes a heap's young generation by the machine's memory (semi-spaces of up to 64 MB on a
 * laptop of 16 GB or more), and the letters of an import passing through the library server
 * keep it full: with 8 MB semi-spaces a 10,000-letter import peaks at about 375 MB instead of
 * 460, at the same speed. The command line, the app's library server process and the library
 * server's worker thread all start with it.
 */
const SEMI_SPACE_MB = 8;
export const HEAP_FLAGS: readonly string[] = [`--max-semi-space-size=${SEMI_SPACE_MB}`];
/** The same for a worker thread, whose limit is on the whole young generation: two semi-spaces and as much again for new large objects. */
export const WORKER_YOUNG_GENERATION_MB = 3 * SEMI_SPACE_MB;
