/**
 * Accuracy on the real letters in ../shared/letters (read there, never copied into the
 * project). Skips, saying why, where that folder is absent.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { evaluateFolder } from '../../src/main/evaluation/evaluate.ts';

const LETTERS = path.resolve(import.meta.dirname, '../../../shared/letters');
const missing = existsSync(LETTERS) ? null : `${LETTERS} not found`;

describe.skipIf(missing)(missing ? `real letters (skipped: ${missing})` : 'real letters', () => {
  test('dev: at least 65 of 66 letters with every field exact, read from the PDFs', async () => {
    const report = await evaluateFolder(path.join(LETTERS, 'dev'));
    expect(report.letters).toHaveLength(66);
    expect(report.letters.every((letter) => letter.file.endsWith('.pdf'))).toBe(true);
    const exact = report.letters.filter((letter) => letter.score?.allExact).length;
    expect(exact).toBeGreaterThanOrEqual(65);
  });

  test('seeds: all 5 letters with every field exact', async () => {
    const report = await evaluateFolder(path.join(LETTERS, 'seeds'));
    expect(report.letters.map((letter) => letter.score?.allExact)).toEqual([true, true, true, true, true]);
  });
});
