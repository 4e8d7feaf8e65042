/**
 * An export run in a child process that kills itself (SIGKILL) right after its Nth file system
 * change (a folder made, a file opened for writing, a rename, a removal), so every step of the
 * commit can be cut in turn. Node's builtin modules are patched and their ESM exports synced
 * before the export module loads; nothing in the app knows.
 *
 * argv: <library> <outDir> <format> <killAfter|0> [force]; prints the steps taken when it is not killed.
 */
import { syncBuiltinESMExports } from 'node:module';
import fs from 'node:fs/promises';

const [libraryFile, outDir, format, killAfterArg, force] = process.argv.slice(2);
const killAfter = Number(killAfterArg);
let steps = 0;
const step = () => {
  if (++steps === killAfter) process.kill(process.pid, 'SIGKILL');
};
const changes = ['mkdir', 'rename', 'rm', 'rmdir'] as const;
for (const name of changes) {
  const original = fs[name] as (...args: unknown[]) => Promise<unknown>;
  (fs as unknown as Record<string, unknown>)[name] = async (...args: unknown[]) => {
    const result = await original(...args);
    step();
    return result;
  };
}
const originalOpen = fs.open;
fs.open = (async (file: Parameters<typeof fs.open>[0], flags?: Parameters<typeof fs.open>[1], mode?: Parameters<typeof fs.open>[2]) => {
  const handle = await originalOpen(file, flags, mode);
  if (flags === 'wx') step();
  return handle;
}) as typeof fs.open;
syncBuiltinESMExports();

const { exportDataset } = await import('../../src/main/export/index.ts');
await exportDataset(libraryFile!, { format: format as 'jsonl' | 'csv' | 'parquet', outDir: outDir!, scope: 'all', force: force === 'force' });
process.stdout.write(`${steps}\n`);
