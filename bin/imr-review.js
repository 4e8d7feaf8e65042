#!/usr/bin/env -S node --max-semi-space-size=8
// Runs the command line compiled by `npm run build` (out/main/cli.js) while it is newer than every
// source it is built from, and otherwise the TypeScript sources through Node's built-in type
// stripping, so the CLI works right after `npm install` with no build step. Compiled, a call
// answers two to three times sooner. The flag: HEAP_FLAGS in src/main/processes.ts.
import { readdirSync, statSync } from 'node:fs';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  process.stderr.write(`imr-review needs Node.js 22.18 or later (this is ${process.version}).\n`);
  process.exit(2);
}

const root = new URL('..', import.meta.url);
const COMPILED = new URL('out/main/cli.js', root);
/** What the compiled CLI is built from: every source but the window's, the package (its version) and the build's configuration. */
const SOURCES = ['src/main', 'src/shared', 'src/charts'];
const BUILD_FILES = ['package.json', 'electron.vite.config.ts'];

function compiledIsCurrent() {
  const built = statSync(COMPILED, { throwIfNoEntry: false })?.mtimeMs;
  if (built === undefined) return false;
  const newer = (file) => (statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? Infinity) > built;
  if (BUILD_FILES.some((file) => newer(new URL(file, root)))) return false;
  return !SOURCES.some((folder) =>
    readdirSync(new URL(folder, root), { recursive: true, withFileTypes: true }).some(
      (entry) => entry.isFile() && newer(`${entry.parentPath}/${entry.name}`),
    ),
  );
}

await import(compiledIsCurrent() ? COMPILED.href : '../src/main/cli/run.ts');
