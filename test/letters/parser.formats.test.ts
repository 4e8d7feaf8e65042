/**
 * Format detection and the best-effort readers for the older formats, on short
 * letters written here (FORMATS.md describes these formats from fragments only).
 */
import { describe, expect, test } from 'vitest';
import { parseLetter } from '../../src/main/letters/parsing/index.ts';
import { generateLetter, generateNonLetter, NON_LETTER_KINDS, renderLetterText } from '../fixtures/index.ts';

const value = (field: { value: string } | null) => field?.value ?? null;

describe('F2013 notice', () => {
  const text = [
    'MAXIMUS FEDERAL SERVICES, INC.',
    'Notice of Independent Medical Review Determination',
    'Dated: 9/26/2013',
    '1) MAXIMUS Federal Services, Inc. has determined the request for a lumbar brace is not medically',
    'necessary and appropriate.',
    '2) MAXIMUS Federal Services, Inc. has determined the request for eight sessions of aquatic therapy is',
    'medically necessary and appropriate.',
    'INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE',
    '1) MAXIMUS Federal Services, Inc. has determined the request for a lumbar brace is not medically necessary and appropriate.',
    'Medical Qualifications of the Expert Reviewer:',
    'The physician reviewer is Board Certified in Family Medicine and is licensed to practice in Oregon.',
  ].join('\n');

  test('reads the numbered outcomes once, with decisions from their wording', () => {
    const letter = parseLetter(text);
    expect(letter.format).toBe('F2013');
    expect(letter.items.map((item) => [value(item.service), value(item.decision)])).toEqual([
      ['a lumbar brace', 'Upheld'],
      ['eight sessions of aquatic therapy', 'Overturned'],
    ]);
    expect(value(letter.reviewer.specialty)).toBe('Family Medicine');
    expect(value(letter.reviewer.licensure)).toBe('Oregon');
    expect(letter.warnings.map((w) => w.code)).toContain('best-effort-format');
    expect(letter.items[0]?.warnings.map((w) => w.code)).toContain('rationale-missing');
  });
});

describe('F3 medical professional review', () => {
  const text = [
    'MEDICAL PROFESSIONAL REVIEW',
    'ISSUE AT DISPUTE:',
    'Whether a home traction unit is medically necessary.',
    'CASE SUMMARY:',
    'A warehouse worker strained the neck lifting boxes.',
    'DOCUMENTS REVIEWED FOR DETERMINATION:',
    'Progress notes.',
    'MEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY PROFESSIONAL',
    'REVIEWER AND WHY:',
    'MTUS neck guidance on traction.',
    'RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS NOT',
    'MEDICALLY NECESSARY:',
    'Home traction has no proven benefit here, so it is not medically necessary.',
    'MEDICAL REVIEWER QUALIFICATIONS:',
    'The reviewer is Board Certified in Physical Medicine and Rehabilitation and is licensed to practice in Ohio.',
  ].join('\n');

  test('keeps one issue with its guideline and rationale', () => {
    const letter = parseLetter(text);
    expect(letter.format).toBe('F3');
    expect(letter.items).toHaveLength(1);
    const [item] = letter.items;
    expect(value(item!.service)).toBe('Whether a home traction unit is medically necessary.');
    expect(value(item!.maximusGuideline)).toBe('MTUS neck guidance on traction.');
    expect(value(item!.rationale)).toBe('Home traction has no proven benefit here, so it is not medically necessary.');
    expect(item!.decision).toBeNull();
    expect(item!.warnings.map((w) => w.code)).toEqual(['best-effort-format', 'decision-missing', 'guideline-missing']);
    expect(value(letter.reviewer.specialty)).toBe('Physical Medicine and Rehabilitation');
  });
});

describe('texts that are not letters', () => {
  test('each kind of non-letter gets one letter-level warning saying so, and no items', () => {
    for (const kind of NON_LETTER_KINDS) {
      for (const seed of [1, 2, 3]) {
        const letter = parseLetter(generateNonLetter(seed, kind));
        expect({ kind, format: letter.format, items: letter.items, codes: letter.warnings.map((w) => w.code) }).toEqual({
          kind,
          format: 'unknown',
          items: [],
          codes: ['not-a-letter'],
        });
      }
    }
  });

  test('the warning says what the document is', () => {
    expect(parseLetter(generateNonLetter(1, 'dmhc-health-plan')).warnings[0]?.message).toMatch(/health-plan .*Department of Managed Health Care/);
    expect(parseLetter(generateNonLetter(1, 'empty')).warnings[0]?.message).toMatch(/empty/);
    expect(parseLetter(generateNonLetter(1, 'service-list')).warnings[0]?.message).toMatch(/not an IMR Final Determination Letter/);
  });

  test('a plain "service: decision" list is not read as items, though the same lines in a letter would be', () => {
    const list = generateNonLetter(4, 'service-list');
    expect(list).toMatch(/: (Upheld|Overturned)\n/);
    const inALetter = `IMR ISSUES, DECISIONS AND RATIONALES\n${list}`;
    expect(parseLetter(inALetter).items.length).toBe(list.match(/: (Upheld|Overturned)\n/g)?.length);
  });

  test('a letter that mentions the DMHC is still read as a letter', () => {
    const generated = generateLetter(62, { headerTable: true });
    const text = renderLetterText(generated, 'layout').replace('CLINICAL CASE SUMMARY', 'CLINICAL CASE SUMMARY\nThe worker also filed a DMHC complaint with the health plan.');
    const letter = parseLetter(text);
    expect(letter.items).toHaveLength(generated.truth.items.length);
    expect(letter.warnings.map((w) => w.code)).not.toContain('not-a-letter');
  });
});

describe('letters the parser does not recognise', () => {
  test('letter parts without items: every missing part is a warning', () => {
    const letter = parseLetter('HOW THE IMR FINAL DETERMINATION WAS MADE\nThe reviewer read the file.\n');
    expect(letter.format).toBe('unknown');
    expect(letter.items).toEqual([]);
    expect(letter.warnings.map((w) => [w.code, w.field])).toEqual([
      ['unknown-format', 'format'],
      ['header-missing', 'header'],
      ['credentials-missing', 'reviewerSpecialty'],
      ['credentials-missing', 'reviewerLicensure'],
      ['items-section-missing', undefined],
      ['no-items', undefined],
    ]);
  });

  test('an item whose header start cannot be told is kept, and its service and the rationale before it are flagged', () => {
    const rationaleWithoutFullStop = Array.from({ length: 8 }, (_, i) => `line ${i} of a rationale that never ends a sentence`);
    const text = [
      'IMR ISSUES, DECISIONS AND RATIONALES',
      'The Final Determination was based on decisions for the disputed items/services set forth below:',
      'Knee brace: Upheld',
      'Claims Administrator guideline: None cited.',
      'MAXIMUS guideline: None cited.',
      'Decision rationale: The brace is not medically necessary.',
      ...rationaleWithoutFullStop,
      'Ankle brace: Overturned',
      'Claims Administrator guideline: None cited.',
      'MAXIMUS guideline: None cited.',
      'Decision rationale: The brace is medically necessary.',
    ].join('\n');
    const [first, second] = parseLetter(text).items;
    expect(value(first!.service)).toBe('Knee brace');
    expect(first!.warnings.map((w) => [w.code, w.field, w.itemIndex])).toEqual([['header-boundary-uncertain', 'rationale', 0]]);
    expect(second!.warnings.map((w) => [w.code, w.field, w.itemIndex])).toEqual([['header-boundary-uncertain', 'service', 1]]);
    expect(value(second!.service)?.endsWith('Ankle brace')).toBe(true);
  });
});

describe('an F1 letter whose items heading was lost', () => {
  test('is still recognised by its items, and the missing heading is a warning', () => {
    const generated = generateLetter(61, { credentials: 'block', headerTable: true });
    const text = renderLetterText(generated, 'plain').replace(
      'IMR ISSUES, DECISIONS AND RATIONALES',
      '',
    );
    const letter = parseLetter(text);
    expect(letter.format).toBe('F1-credentials-block');
    expect(letter.items.map((item) => item.service?.value)).toEqual(generated.truth.items.map((item) => item.service));
    expect(letter.warnings.map((w) => w.code)).toEqual(['items-section-missing']);
  });
});
