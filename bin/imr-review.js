#!/usr/bin/env -S node --max-semi-space-size=8
// Runs the TypeScript sources directly through Node's built-in type stripping, so the
// CLI works right after `npm ci` with no build step. The flag: HEAP_FLAGS in src/main/processes.ts.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  process.stderr.write(`imr-review needs Node.js 22.18 or later (this is ${process.version}).\n`);
  process.exit(2);
}
const { enableCompileCache } = await import('../src/main/processes.ts');
enableCompileCache();
const { runCli } = await import('../src/main/cli/main.ts');
const { processIO } = await import('../src/main/cli/io.ts');
process.exitCode = await runCli(process.argv.slice(2), processIO());
