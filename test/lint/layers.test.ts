/**
 * The closed layering (oxlint.config.ts, lint/layers.ts) fails on each kind of breach: every case
 * writes one file that crosses a boundary into the layer's folder (or into no layer), lints it,
 * and removes it again, with any folder it had to make.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const OXLINT = path.join(ROOT, 'node_modules/.bin/oxlint');

/** Lints one file written into the tree; returns oxlint's exit code and output. */
function lintFile(relativePath: string, source: string): { code: number; output: string } {
  const file = path.join(ROOT, relativePath);
  const folder = path.dirname(file);
  const madeFolder = !existsSync(folder);
  mkdirSync(folder, { recursive: true });
  writeFileSync(file, source);
  try {
    const output = execFileSync(OXLINT, ['-c', 'oxlint.config.ts', '--deny-warnings', relativePath], { cwd: ROOT, encoding: 'utf8' });
    return { code: 0, output };
  } catch (error) {
    const failed = error as { status: number; stdout: string };
    return { code: failed.status, output: failed.stdout };
  } finally {
    rmSync(madeFolder ? folder : file, { recursive: true, force: true });
  }
}

/** Lints files written into the tree together (each a new file in an existing folder), then removes them. */
function lintFiles(files: Record<string, string>): { code: number; output: string } {
  const paths = Object.keys(files);
  for (const [relativePath, source] of Object.entries(files)) writeFileSync(path.join(ROOT, relativePath), source);
  try {
    const output = execFileSync(OXLINT, ['-c', 'oxlint.config.ts', '--deny-warnings', ...paths], { cwd: ROOT, encoding: 'utf8' });
    return { code: 0, output };
  } catch (error) {
    const failed = error as { status: number; stdout: string };
    return { code: failed.status, output: failed.stdout };
  } finally {
    for (const relativePath of paths) rmSync(path.join(ROOT, relativePath), { force: true });
  }
}

const BREACHES: [string, string, string, RegExp][] = [
  ['the renderer imports main-process code', 'src/renderer/src/breach.ts', "export { getLetter } from '../../main/storage/index.ts';\n", /renderer is web code/],
  ['the renderer imports Node', 'src/renderer/src/breach.ts', "export { readFileSync } from 'node:fs';\n", /renderer is web code/],
  ["the renderer imports pdf.js's Node build", 'src/renderer/src/breach.ts', "export { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';\n", /renderer is web code/],
  ['the parser reads PDFs', 'src/main/letters/parsing/breach.ts', "export { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';\n", /parser and the vocabulary are pure/],
  ['shared code imports Node', 'src/shared/breach.ts', "export { join } from 'node:path';\n", /no Node, no app code/],
  ['the parser does I/O', 'src/main/letters/parsing/breach.ts', "export { readFile } from 'node:fs/promises';\n", /parser and the vocabulary are pure/],
  ['export reaches into storage internals', 'src/main/export/breach.ts', "export { statement } from '../storage/sql.ts';\n", /public modules/],
  ["the main process runs SQL", 'src/main/shell/breach.ts', "export { getLetter } from '../storage/index.ts';\n", /only relays to the library server/],
  ['the charts import main-process code', 'src/charts/breach.ts', "export { computeInsights } from '../main/insights/index.ts';\n", /draw into any DOM document/],
  ['the report reaches into the insights internals', 'src/main/report/breach.ts', "export { headlineOf } from '../insights/headline.ts';\n", /public modules/],
  ['the transport calls a service', 'src/main/transport/breach.ts', "export { editItemField } from '../review/index.ts';\n", /only relays calls/],
  ['a rule check runs SQL', 'src/main/letters/checks/breach.ts', "export { statement } from '../../storage/sql.ts';\n", /rule checks are pure/],
  ['a rule check reads files', 'src/main/letters/checks/breach.ts', "export { readFile } from 'node:fs/promises';\n", /rule checks are pure/],
  ['the reader reaches the library server', 'src/main/letters/reading/breach.ts', "export type { OpenSession } from '../../server/session.ts';\n", /Reading turns a letter's file/],
  ["a letter's own step imports electron", 'src/main/letters/breach.ts', "export { app } from 'electron';\n", /store nothing/],
  ["a letter's own step stores", 'src/main/letters/breach.ts', "export { getLetter } from '../storage/index.ts';\n", /store nothing/],
  ['a platform helper runs SQL', 'src/main/breach.ts', "export { statement } from './storage/sql.ts';\n", /plain Node helpers/],
  ['the archive reaches into storage internals', 'src/main/batch/breach.ts', "export { statement } from '../storage/sql.ts';\n", /internal to src\/main\/storage/],
  ['work packages reach the transport', 'src/main/team/breach.ts', "export { checkRequest } from '../transport/request.ts';\n", /know no transport/],
  ["the renderer's team view imports Node", 'src/renderer/src/team/breach.ts', "export { join } from 'node:path';\n", /renderer is web code/],
  ['storage imports a service', 'src/main/storage/breach.ts', "export { undo } from '../review/index.ts';\n", /bottom layer/],
  ['a type-only import crosses a layer', 'src/shared/breach.ts', "export type { Db } from '../main/storage/index.ts';\n", /no Node, no app code/],
];

describe('the layering lint', () => {
  for (const [breach, file, source, message] of BREACHES) {
    it(`fails when ${breach}`, () => {
      const { code, output } = lintFile(file, source);
      expect(code).not.toBe(0);
      expect(output).toMatch(message);
    });
  }

  it('fails a file in no layer, and says how to add one', () => {
    const { code, output } = lintFile('src/main/newRoom/breach.ts', 'export const unlayered = 1;\n');
    expect(code).not.toBe(0);
    expect(output).toMatch(/src\/main\/newRoom\/breach\.ts belongs to no layer/);
    expect(output).toMatch(/add a layer there: \{ files: .*imports: .*packages: .*why: /);
  });

  it('passes the same import where the layer allows it', () => {
    expect(lintFile('src/main/export/allowed.ts', "export { getLetter } from '../storage/index.ts';\n").code).toBe(0);
    expect(lintFile('src/renderer/src/allowed.ts', "export { getDocument } from 'pdfjs-dist';\n").code).toBe(0);
    expect(lintFile('src/main/batch/allowed.ts', "export { getLetter } from '../storage/index.ts';\n").code).toBe(0);
    expect(lintFile('src/main/letters/checks/allowed.ts', "export type { ParsedLetter } from '../../../shared/letter.ts';\n").code).toBe(0);
  });

  it('fails an import circle between two files, type-only imports included', () => {
    const { code, output } = lintFiles({
      'src/main/export/circleA.ts': "import type { B } from './circleB.ts';\nexport interface A { readonly b: B }\n",
      'src/main/export/circleB.ts': "import type { A } from './circleA.ts';\nexport interface B { readonly a: A | null }\n",
    });
    expect(code).not.toBe(0);
    expect(output).toMatch(/import\(no-cycle\)/);
  });

  it("fails a React hook called conditionally in the renderer, and not a test helper named use…", () => {
    const hook = "import { useState } from 'react';\nexport function useMaybe(on: boolean): number {\n  if (on) return useState(1)[0];\n  return 0;\n}\n";
    const { code, output } = lintFile('src/renderer/src/breach.ts', hook);
    expect(code).not.toBe(0);
    expect(output).toMatch(/rules-of-hooks/);
    expect(lintFile('test/lint/allowed.ts', "import { useTempFolder } from '../storage/helpers.ts';\nexport const temp = useTempFolder();\n").code).toBe(0);
  });
});
