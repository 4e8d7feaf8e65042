/**
 * The layering rule (oxlint.config.ts) fails on each kind of breach: every case writes one
 * file that crosses a boundary into the layer's folder, lints it, and removes it again.
 */
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const OXLINT = path.join(ROOT, 'node_modules/.bin/oxlint');

/** Lints one file written into the tree; returns oxlint's exit code and output. */
function lintFile(relativePath: string, source: string): { code: number; output: string } {
  const file = path.join(ROOT, relativePath);
  writeFileSync(file, source);
  try {
    const output = execFileSync(OXLINT, ['-c', 'oxlint.config.ts', '--deny-warnings', relativePath], { cwd: ROOT, encoding: 'utf8' });
    return { code: 0, output };
  } catch (error) {
    const failed = error as { status: number; stdout: string };
    return { code: failed.status, output: failed.stdout };
  } finally {
    rmSync(file, { force: true });
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
];

describe('the layering lint', () => {
  for (const [breach, file, source, message] of BREACHES) {
    it(`fails when ${breach}`, () => {
      const { code, output } = lintFile(file, source);
      expect(code).not.toBe(0);
      expect(output).toMatch(message);
    });
  }

  it('passes the same import where the layer allows it', () => {
    expect(lintFile('src/main/export/allowed.ts', "export { getLetter } from '../storage/index.ts';\n").code).toBe(0);
    expect(lintFile('src/renderer/src/allowed.ts', "export { getDocument } from 'pdfjs-dist';\n").code).toBe(0);
  });
});
