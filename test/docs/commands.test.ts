/**
 * Every command in the README and docs/ runs as written. Each fenced `sh` block runs in bash
 * (`set -euo pipefail`) in a temporary folder holding generated letters (`letters/`) and, beside
 * it, generated letters with their gold files (`../shared/letters/dev`), with this checkout's
 * `imr-review`, `npx imr-review` and `npm run <script>` on the PATH and a home of its own (so the
 * app's default library is the test's). A document's blocks run in order, in one folder, so a
 * later block may use what an earlier one made. Before a block, hidden comments steer the test:
 *
 *   <!-- docs-test: skip (why it cannot run here) -->
 *   <!-- docs-test: setup: <a command run first, unshown> -->
 */
import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeFixtureFolder } from '../fixtures/index.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DOCUMENTS = ['README.md', ...readdirSync(path.join(ROOT, 'docs')).filter((name) => name.endsWith('.md')).sort().map((name) => `docs/${name}`)];
/** A block may take this long: an import of a few generated letters, an export, a report. */
const BLOCK_TIMEOUT_MS = 120_000;

interface Block {
  readonly line: number;
  readonly code: string;
  readonly skip: string | null;
  readonly setup: readonly string[];
}

/** The `sh` blocks of a Markdown text, each with the docs-test comments just before it. */
function shBlocks(markdown: string): Block[] {
  const lines = markdown.split('\n');
  const blocks: Block[] = [];
  let skip: string | null = null;
  let setup: string[] = [];
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    const comment = /^<!-- docs-test: (skip \((.*)\)|setup: (.*)) -->$/.exec(line.trim());
    if (comment) {
      if (comment[2] !== undefined) skip = comment[2];
      if (comment[3] !== undefined) setup.push(comment[3]);
      continue;
    }
    if (/^```(sh|bash|shell)\s*$/.test(line)) {
      const end = lines.findIndex((candidate, at) => at > index && candidate.startsWith('```'));
      blocks.push({ line: index + 1, code: lines.slice(index + 1, end).join('\n'), skip, setup });
      index = end;
    }
    if (line.trim() !== '') {
      skip = null;
      setup = [];
    }
  }
  return blocks;
}

/** `npm run <script> [-- args]` for the scripts that are `node <file> ...`, run from the caller's folder. */
const NPM_SHIM = `#!/usr/bin/env node
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
const root = ${JSON.stringify(ROOT)};
const [verb, name, ...rest] = process.argv.slice(2);
const script = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).scripts[name ?? ''];
if (verb !== 'run' || typeof script !== 'string' || !script.startsWith('node ')) {
  process.stderr.write(\`the docs test runs only npm run <a script that is node ...>, not npm \${process.argv.slice(2).join(' ')}: mark the block with <!-- docs-test: skip (why) -->\\n\`);
  process.exit(127);
}
const [, file, ...fixed] = script.split(' ');
const args = rest[0] === '--' ? rest.slice(1) : rest;
const run = spawnSync(process.execPath, [path.join(root, file), ...fixed, ...args], { stdio: 'inherit' });
process.exit(run.status ?? 1);
`;

function writeShims(folder: string): void {
  mkdirSync(folder, { recursive: true });
  const cli = path.join(ROOT, 'bin/imr-review.js');
  const shims: Record<string, string> = {
    'imr-review': `#!/bin/sh\nexec "${process.execPath}" "${cli}" "$@"\n`,
    npx: `#!/bin/sh\nif [ "$1" = imr-review ]; then shift; exec "${process.execPath}" "${cli}" "$@"; fi\necho "the docs test runs only npx imr-review, not npx $*: mark the block with <!-- docs-test: skip (why) -->" >&2\nexit 127\n`,
    npm: NPM_SHIM,
    node: `#!/bin/sh\nexec "${process.execPath}" "$@"\n`,
  };
  for (const [name, text] of Object.entries(shims)) {
    writeFileSync(path.join(folder, name), text);
    chmodSync(path.join(folder, name), 0o755);
  }
}

function runBlock(script: string, cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('bash', ['-euo', 'pipefail', '-c', script], { cwd, env, maxBuffer: 64 * 1024 * 1024, timeout: BLOCK_TIMEOUT_MS }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

const documents = DOCUMENTS.map((document) => ({ document, blocks: shBlocks(readFileSync(path.join(ROOT, document), 'utf8')) })).filter(({ blocks }) => blocks.length > 0);

describe.each(documents)('$document', ({ blocks }) => {
  let dir: string;
  let work: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'imr-docs-'));
    work = path.join(dir, 'work');
    await writeFixtureFolder(path.join(work, 'letters'), { count: 4, seed: 2600, pdfShare: 0.5 });
    await writeFixtureFolder(path.join(dir, 'shared/letters/dev'), { count: 3, seed: 2700, pdfShare: 0.5 });
    writeShims(path.join(dir, 'bin'));
    env = { ...process.env, PATH: `${path.join(dir, 'bin')}:${process.env['PATH'] ?? ''}`, HOME: path.join(dir, 'home'), XDG_CONFIG_HOME: path.join(dir, 'config') };
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // Blocks in document order: a skipped one is listed with its reason, a runnable one runs.
  for (const block of blocks) {
    test.skipIf(block.skip !== null)(
      `line ${block.line}${block.skip === null ? '' : ` (not run: ${block.skip})`}`,
      async () => {
        const result = await runBlock([...block.setup, block.code].join('\n'), work, env);
        expect({ code: result.code, stderr: result.code === 0 ? '' : result.stderr }).toEqual({ code: 0, stderr: '' });
      },
      BLOCK_TIMEOUT_MS,
    );
  }
});

test('the README has a quick start of three commands that runs', () => {
  const quickStart = shBlocks(readFileSync(path.join(ROOT, 'README.md'), 'utf8')).filter((block) => block.skip === null);
  expect(quickStart.map((block) => block.code.split('\n').filter((line) => line.trim() !== '').length)).toEqual([3]);
});
