/**
 * The vocabulary on the real gold extractions in ../shared/letters (read there, never copied
 * into the project). Skips, saying why, where that folder is absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { measureVocabulary, TARGET_SHARE, type MeasuredLetter } from '../../../src/main/letters/vocabulary/index.ts';

const LETTERS = path.resolve(import.meta.dirname, '../../../../shared/letters');
const missing = existsSync(LETTERS) ? null : `${LETTERS} not found`;

function goldLetters(folder: string): MeasuredLetter[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .map((name) => {
      const gold = JSON.parse(readFileSync(path.join(folder, name), 'utf8')) as {
        items: { service: string; claimsAdministratorGuideline: string; maximusGuideline: string }[];
        extra?: { header?: { decisionDate?: string | null } | null };
      };
      return { name, decisionDate: gold.extra?.header?.decisionDate ?? null, items: gold.items };
    });
}

describe.skipIf(missing)(missing ? `vocabulary on real letters (skipped: ${missing})` : 'vocabulary on real letters', () => {
  test(`dev: at least ${100 * TARGET_SHARE}% of guideline fields mapped and of services categorised`, () => {
    const report = measureVocabulary(goldLetters(path.join(LETTERS, 'dev')));
    expect(report.letters).toBe(66);
    expect(report.guidelines.share).toBeGreaterThanOrEqual(TARGET_SHARE);
    expect(report.services.share).toBeGreaterThanOrEqual(TARGET_SHARE);
  });

  test('seeds (the 2014-15 wordings): every guideline field mapped', () => {
    const report = measureVocabulary(goldLetters(path.join(LETTERS, 'seeds')));
    expect(report.guidelines.unmapped).toEqual([]);
  });
});
