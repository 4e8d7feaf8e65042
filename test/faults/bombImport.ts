/**
 * An import run in a child process of its own, so its peak resident memory is the import's
 * alone: prints the summary, the most memory each file's reading thread was seen holding, and
 * the process's peak RSS as the OS counted it.
 *
 * argv: <library> <paths...>
 */
import { importLetters } from '../../src/main/import/pipeline.ts';
import { openLibrary } from '../../src/main/storage/index.ts';

const [libraryFile, ...paths] = process.argv.slice(2);
const library = openLibrary(libraryFile!, { reviewer: 'Test Reviewer' });
const filePeaks: Record<string, number> = {};
const summary = await importLetters(library, paths, { threads: 2, onFileMemory: (file, peakBytes) => (filePeaks[file] = peakBytes) });
library.close();
// maxRSS is in kilobytes.
process.stdout.write(JSON.stringify({ summary, filePeaks, peakRssBytes: process.resourceUsage().maxRSS * 1024 }));
