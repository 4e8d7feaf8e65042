/** Cohen's kappa against a hand-worked example, and the agreement report over two reviewers' libraries and exports. */
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { compareDatasets, exportDataset, verifiedLettersInFile, verifiedLettersOf } from '../../src/main/export/index.ts';
import { cohensKappa as kappaWithInterval } from '../../src/main/quality/index.ts';

const cohensKappa = (table: Parameters<typeof kappaWithInterval>[0]) => kappaWithInterval(table, 0.95).kappa;
import type { Library } from '../../src/main/storage/index.ts';
import { getLetter, insertParsedLetter } from '../../src/main/storage/index.ts';
import { updateItemField, updateLetterField, verifyLetter } from '../review/asReviewer.ts';
import { deriveValues, derivableOfParsed } from '../../src/main/letters/derive.ts';
import { buildLetter, useTempFolder } from '../storage/helpers.ts';

const temp = useTempFolder();

describe("Cohen's kappa", () => {
  test('matches the hand-worked example: 50 items, 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no', () => {
    // po = 35/50 = 0.7; A says yes 25/50, B 30/50: pe = 0.5*0.6 + 0.5*0.4 = 0.5; kappa = (0.7-0.5)/(1-0.5) = 0.4
    expect(cohensKappa({ yes: { yes: 20, no: 5 }, no: { yes: 10, no: 15 } })).toBeCloseTo(0.4, 12);
  });

  test('is 1 for perfect agreement, below 0 for systematic disagreement, and null when undefined', () => {
    expect(cohensKappa({ Upheld: { Upheld: 7 }, Overturned: { Overturned: 3 } })).toBe(1);
    // po = 0, pe = 0.5 -> kappa = -1
    expect(cohensKappa({ Upheld: { Overturned: 5 }, Overturned: { Upheld: 5 } })).toBe(-1);
    expect(cohensKappa({})).toBeNull();
    expect(cohensKappa({ Upheld: { Upheld: 4 } })).toBeNull();
  });
});

const SERVICES = ['MRI lumbar spine', 'Physical therapy x12', 'Acupuncture x6', 'TENS unit'];

/** Letter n with four items; the same letters (same sha256) in both libraries. */
function library(reviewer: string, decisions: readonly ('Upheld' | 'Overturned')[][]): { library: Library; letterIds: number[] } {
  const lib = temp.library({ reviewer });
  const letterIds = decisions.map((letterDecisions, n) => {
    const { source, parsed } = buildLetter({
      caseNumber: `CM16-000100${n}`,
      items: SERVICES.map((service, i) => ({ service, decision: letterDecisions[i] ?? 'Upheld' })),
    });
    return insertParsedLetter(lib.db, source, parsed, null, deriveValues(derivableOfParsed(parsed))).letterId;
  });
  return { library: lib, letterIds };
}

describe('agreement report', () => {
  test('compares letters verified on both sides, field by field, with kappa on the decisions', async () => {
    const parsed: ('Upheld' | 'Overturned')[][] = [
      ['Upheld', 'Upheld', 'Overturned', 'Overturned'],
      ['Upheld', 'Overturned', 'Upheld', 'Overturned'],
      ['Upheld', 'Upheld', 'Upheld', 'Upheld'],
    ];
    const a = library('Ana', parsed);
    const b = library('Ben', parsed);
    // Ben overturns one of Ana's upheld items and upholds one of her overturned ones, and edits a case number.
    const itemsOf = (side: { library: Library }, id: number) => getLetter(side.library.db, id)?.items ?? [];
    updateItemField(b.library.db, itemsOf(b, b.letterIds[0] ?? 0)[0]?.id ?? 0, 'decision', 'Overturned');
    updateItemField(b.library.db, itemsOf(b, b.letterIds[1] ?? 0)[1]?.id ?? 0, 'decision', 'Upheld');
    updateLetterField(b.library.db, b.letterIds[1] ?? 0, 'caseNumber', 'CM16-0009999');
    // Letter 2 is verified by Ana only, so it is left out.
    for (const id of a.letterIds) verifyLetter(a.library.db, id);
    for (const id of b.letterIds.slice(0, 2)) verifyLetter(b.library.db, id);

    const report = await compareDatasets(verifiedLettersOf(a.library.db), verifiedLettersOf(b.library.db));
    expect(report.letters).toBe(2);
    expect(report.itemCountAgreed).toBe(2);
    expect(report.items).toBe(8);
    expect(report.decisionTable).toEqual({ Upheld: { Overturned: 1, Upheld: 3 }, Overturned: { Overturned: 3, Upheld: 1 } });
    // po = 6/8; each side says Upheld 4/8: pe = 0.5 -> kappa = (0.75 - 0.5) / 0.5 = 0.5
    expect(report.decisionKappa).toBeCloseTo(0.5, 12);
    const field = (name: string) => report.fields.find((f) => f.field === name);
    expect(field('decision')).toEqual({ field: 'decision', compared: 8, agreed: 6, percent: 75 });
    expect(field('caseNumber')).toEqual({ field: 'caseNumber', compared: 2, agreed: 1, percent: 50 });
    expect(field('service')).toEqual({ field: 'service', compared: 8, agreed: 8, percent: 100 });

    // The same report from the two reviewers' JSONL exports.
    const exported = async (side: { library: Library }) => {
      const outDir = path.join(temp.folder(), 'export');
      await exportDataset(side.library.file, { format: 'jsonl', outDir, scope: 'all' });
      return path.join(outDir, 'letters.jsonl');
    };
    const fromFiles = await compareDatasets(verifiedLettersInFile(await exported(a)), verifiedLettersInFile(await exported(b)));
    expect(fromFiles).toEqual(report);
  });
});
