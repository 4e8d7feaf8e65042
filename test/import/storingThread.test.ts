/** The import's storing thread (the library server, or the command line) loads no pdf.js: only the extraction workers read PDFs. */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';

const run = promisify(execFile);
const PIPELINE = path.resolve(import.meta.dirname, '../../src/main/import/pipeline.ts');
const CLI = path.resolve(import.meta.dirname, '../../src/main/cli/main.ts');
const COMMANDS = path.resolve(import.meta.dirname, '../../src/main/cli/commands/index.ts');

/** Imports a module in a fresh process (for the command line, then every command it loads lazily) and lists every module that resolved. */
const listModules = (entry: string) => `
import { registerHooks } from 'node:module';
const seen = [];
registerHooks({ resolve(specifier, context, next) { const resolved = next(specifier, context); seen.push(resolved.url); return resolved; } });
await import(${JSON.stringify(entry)});
if (${JSON.stringify(entry)} === ${JSON.stringify(CLI)}) {
  const { COMMANDS } = await import(${JSON.stringify(COMMANDS)});
  await Promise.all(COMMANDS.map((command) => command.load()));
}
process.stdout.write(JSON.stringify(seen));
`;

describe('the thread that stores letters', () => {
  test.each([
    ['the import pipeline', PIPELINE],
    ['the command line, every command loaded', CLI],
  ])('%s loads no pdf.js until a PDF is read', async (_, entry) => {
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', listModules(entry)]);
    const modules = JSON.parse(stdout) as string[];
    expect(modules.some((url) => url.includes('/src/main/storage/'))).toBe(true);
    expect(modules.filter((url) => url.includes('pdfjs-dist') || url.includes('pdf-parse'))).toEqual([]);
  });
});
