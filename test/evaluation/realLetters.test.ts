/**
 * Accuracy and warnings on the real letters in ../shared/letters (read there, never
 * copied into the project). Skips, saying why, where that folder is absent.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { GoldLetter } from '../../src/main/evaluation/compare.ts';
import { evaluateFolder, totalTally } from '../../src/main/evaluation/evaluate.ts';
import { addTallies, EMPTY_TALLY, parserFlags, tallyWarnings } from '../../src/main/evaluation/warnings.ts';
import { toExtractionRecord } from '../../src/main/letters/extraction.ts';
import { parseLetter } from '../../src/main/letters/parsing/index.ts';
import { readLetterFile } from '../../src/main/letters/reading/index.ts';
import { createRandom, FAULT_KINDS, injectFault } from '../fixtures/index.ts';

const LETTERS = path.resolve(import.meta.dirname, '../../../shared/letters');
const missing = existsSync(LETTERS) ? null : `${LETTERS} not found`;

describe.skipIf(missing)(missing ? `real letters (skipped: ${missing})` : 'real letters', () => {
  test('dev: all 66 letters with every field exact, read from the PDFs, and no warning on a right value', async () => {
    const report = await evaluateFolder(path.join(LETTERS, 'dev'));
    expect(report.letters).toHaveLength(66);
    expect(report.letters.every((letter) => letter.file.endsWith('.pdf'))).toBe(true);
    expect(report.letters.filter((letter) => !letter.score?.allExact).map((letter) => letter.name)).toEqual([]);
    const warnings = totalTally(report.letters, 'parser');
    expect(warnings).toMatchObject({ wrong: 0, rightWarned: 0 });
    expect(warnings.right).toBeGreaterThan(1500);
  });

  test('seeds: all 5 letters with every field exact', async () => {
    const report = await evaluateFolder(path.join(LETTERS, 'seeds'));
    expect(report.letters.map((letter) => letter.score?.allExact)).toEqual([true, true, true, true, true]);
  });

  test('dev with injected faults: every wrong value is warned, under 2% of right values are', async () => {
    const folder = path.join(LETTERS, 'dev');
    const names = (await readdir(folder)).filter((name) => name.endsWith('.json'));
    let total = EMPTY_TALLY;
    for (const [index, name] of names.entries()) {
      const gold = JSON.parse(await readFile(path.join(folder, name), 'utf8')) as GoldLetter;
      const { text } = await readLetterFile(path.join(folder, name.replace(/\.json$/, '.pdf')));
      for (const fault of FAULT_KINDS) {
        const faulted = injectFault(text, gold, fault, createRandom(index * 17 + 3));
        if (!faulted) continue;
        const record = toExtractionRecord(name, '', parseLetter(faulted.text));
        total = addTallies(total, tallyWarnings(record, faulted.truth, parserFlags(record)));
      }
    }
    expect(total.wrong).toBeGreaterThan(500);
    expect(total.wrongWarned).toBe(total.wrong);
    expect(total.rightWarned / total.right).toBeLessThan(0.02);
  });
});
