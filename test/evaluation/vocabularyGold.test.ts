/** The vocabulary gold's scorer: per measure right of compared, every miss listed, a bad gold file named. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { readVocabularyGold, scoreVocabulary, totalVocabulary } from '../../src/main/evaluation/vocabularyGold.ts';
import type { VocabularyGold } from '../../src/main/evaluation/vocabularyGold.ts';
import { letterVocabularies } from '../../src/main/letters/derive.ts';
import type { DerivableItem } from '../../src/main/letters/derive.ts';

const item = (service: string, maximusGuideline: string | null = null, claimsAdministratorGuideline: string | null = null): DerivableItem => ({
  service, decision: 'Upheld', claimsAdministratorGuideline, maximusGuideline, rationale: null,
  originalRequest: null, authorizedByClaimsAdministrator: null, imrEligiblePortion: null,
});

const NOT_BASED = 'The Claims Administrator did not base their decision on the MTUS. Decision based on Non-MTUS Citation ODG, Knee Chapter.';
const ITEMS = [item('Percocet 10/325 #60', 'Decision based on MTUS Chronic Pain Medical Treatment Guidelines 2009, Opioids'), item('Knee brace', null, NOT_BASED)];
const none = { claimsAdministrator: [], maximus: [] };

const GOLD: VocabularyGold = {
  schema: 1,
  letter: 'L1',
  items: [
    {
      item: 0, category: 'prescription-drug', dwcCategory: 'Pharmaceuticals', dwcSubCategory: 'Opioids', drugs: ['oxycodone', 'acetaminophen'],
      drugClass: 'opioid', dwcDrugClass: 'Opioids', notBasedOnMtus: false,
      citations: { claimsAdministrator: [], maximus: [{ source: 'mtus', mtusPart: 'chronic-pain', topic: 'chronic-pain', otherKind: null }] },
    },
    // The gold says Supplies where the rules read Prosthetics/Orthotics: one miss.
    {
      item: 1, category: 'durable-medical-equipment', dwcCategory: 'DMEPOS', dwcSubCategory: 'Supplies', drugs: [], drugClass: null, dwcDrugClass: null, notBasedOnMtus: true,
      citations: { ...none, claimsAdministrator: [{ source: 'odg', mtusPart: null, topic: 'knee-leg', otherKind: null }] },
    },
  ],
};

describe('the vocabulary gold scorer', () => {
  test('counts each measure over the items it applies to and lists every miss with what was read', () => {
    const score = scoreVocabulary('L1', GOLD, letterVocabularies(ITEMS), ITEMS.map((i) => i.service));
    expect(score.counts.category).toEqual({ right: 2, total: 2 });
    expect(score.counts.dwcCategory).toEqual({ right: 1, total: 2 });
    expect(score.counts.drugClass).toEqual({ right: 1, total: 1 });
    expect(score.counts.drugNames).toEqual({ right: 1, total: 1 });
    expect(score.counts.notBasedOnMtus).toEqual({ right: 2, total: 2 });
    expect(score.citations).toEqual({ gold: 2, read: 2, matched: 2 });
    expect(score.misses).toEqual([
      { letter: 'L1', item: 1, measure: 'dwcCategory', expected: 'DMEPOS / Supplies', read: 'DMEPOS / Prosthetics/Orthotics', service: 'Knee brace' },
    ]);
    expect(totalVocabulary([score, score]).counts.dwcCategory).toEqual({ right: 2, total: 4 });
  });

  test('a missing gold file is no gold; a malformed one is an error naming the file and the reason', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'vocabulary-gold-'));
    expect(await readVocabularyGold(folder, 'absent')).toBeNull();
    writeFileSync(path.join(folder, 'bad.json'), JSON.stringify({ schema: 1, letter: 'bad', items: [{ item: 'first' }] }));
    await expect(readVocabularyGold(folder, 'bad')).rejects.toThrow(`${path.join(folder, 'bad.json')}: not a vocabulary gold file (items.0.item`);
  });
});
