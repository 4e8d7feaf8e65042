/**
 * Every derivation is linear in its input, held to it by counting the characters its searches
 * scan (scanCounter.ts), never by a clock: the parser on texts ten times longer scans at most
 * about ten times more, whatever the shape (fast-check draws the shapes), and each rule check
 * scans a bounded number of characters per character of the values it reads.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { HEADER_FIELDS } from '../../src/shared/letter.ts';
import type { CheckableItem, CheckableLetter } from '../../src/main/letters/checks/index.ts';
import { DEFAULT_CHECK_SETTINGS } from '../../src/main/letters/checks/index.ts';
import { checkCaseNumber } from '../../src/main/letters/checks/caseNumber.ts';
import { checkDates } from '../../src/main/letters/checks/dates.ts';
import { checkPolarity } from '../../src/main/letters/checks/polarity.ts';
import { checkLicensure, checkPriority } from '../../src/main/letters/checks/reviewer.ts';
import { parseLetter } from '../../src/main/letters/parsing/index.ts';
import { generateLetter, renderLetterText } from '../fixtures/index.ts';
import { countScanned } from './scanCounter.ts';

/** Linear work is ten times more for ten times the text; quadratic work would be a hundred. */
const MAX_GROWTH = 13;

const WORDS = [
  'Case Number:', 'CM16-0000001', 'Date Assigned:', '01/02/2016', 'Application Received:', 'Notice of Independent Medical Review Determination\n',
  'HOW THE IMR FINAL DETERMINATION WAS MADE\n', 'CLINICAL CASE SUMMARY\n', 'IMR ISSUES, DECISIONS AND RATIONALES\n',
  'The Final Determination was based on decisions for the disputed items/services set forth below:\n',
  'State(s) of Licensure:', 'Certification(s)/Specialty:', 'Board Certified in', 'and is licensed to practice in', ': Upheld', ': Overturned',
  'Claims Administrator guideline:', 'MAXIMUS guideline:', 'Decision rationale:', 'was the original request.', 'was authorized by the Claims Administrator.',
  'The remaining IMR eligible portion of the original request,', ' is', '.', ':', '-', '1', '1. ', '\n', '\n\n', '\f', '\r\n', ' ', '   ', 'Knee MRI and ', 'not medically necessary', 'word: ',
];

/** `unit` repeated to about `size` characters, between a letter's items heading and one whole item. */
function scaled(unit: string, size: number): string {
  const head = 'IMR ISSUES, DECISIONS AND RATIONALES\nThe Final Determination was based on decisions for the disputed items/services set forth below:\n';
  const tail = ' was the original request. The original request, C is: Upheld\nMAXIMUS guideline: b.\nDecision rationale: c is not medically necessary.\n';
  return head + unit.repeat(Math.max(1, Math.round(size / unit.length))) + tail;
}

const parseWork = (text: string) => countScanned(() => parseLetter(text));

describe('the parser', () => {
  test('scans about ten times more for ten times the text, for any repeated shape', () => {
    const unit = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 30 }).map((words) => words.join(''));
    fc.assert(
      fc.property(unit, (shape) => {
        const small = parseWork(scaled(shape, 10_000));
        const large = parseWork(scaled(shape, 100_000));
        expect(large / small).toBeLessThan(MAX_GROWTH);
      }),
      { numRuns: 60 },
    );
  });

  test.each([
    ['a one-line item header', 'Knee MRI and '],
    ['a partial header of many requests', 'A was the original request. '],
    ['a run of digits', '1'],
    ['lines of words and colons', 'word: '],
    ['generated letters back to back', renderLetterText(generateLetter(3, { itemCount: 4, partials: [{ wording: 'remaining', trailingIs: true }] }), 'plain')],
  ])('%s: 1 MB scans under 13 times what 100 KB scans', (_, unit) => {
    expect(parseWork(scaled(unit, 1_000_000)) / parseWork(scaled(unit, 100_000))).toBeLessThan(MAX_GROWTH);
  });
});

/** Characters the checks may scan per character of the values they read (and per item, for the item's own work). */
const SCANNED_PER_CHARACTER = 6;
const SCANNED_PER_VALUE = 64;

const CHECKS = {
  'case number': (letter: CheckableLetter) => checkCaseNumber(letter),
  dates: (letter: CheckableLetter) => checkDates(letter, DEFAULT_CHECK_SETTINGS),
  priority: (letter: CheckableLetter) => checkPriority(letter),
  licensure: (letter: CheckableLetter) => checkLicensure(letter, DEFAULT_CHECK_SETTINGS),
  polarity: (letter: CheckableLetter) => checkPolarity(letter),
};

const text = (maxLength: number) => fc.option(fc.array(fc.constantFrom(...WORDS, 'Texas,', 'California', 'Standard', 'Expedited', 'medically necessary', 'is not', 'are'), { maxLength }).map((words) => words.join('')), { nil: null });
const item: fc.Arbitrary<CheckableItem> = fc.record({
  service: text(40),
  decision: fc.constantFrom('Upheld', 'Overturned', null),
  claimsAdministratorGuideline: text(40),
  maximusGuideline: text(40),
  rationale: text(2000),
});
const letter: fc.Arbitrary<CheckableLetter> = fc.record({
  caseNumber: text(10),
  header: fc.option(fc.record(Object.fromEntries(HEADER_FIELDS.map((name) => [name, text(20)])) as Record<(typeof HEADER_FIELDS)[number], fc.Arbitrary<string | null>>), { nil: null }),
  reviewerLicensure: text(200),
  items: fc.array(item, { maxLength: 30 }),
});

function valueSize(checked: CheckableLetter): { characters: number; values: number } {
  const values = [checked.caseNumber, checked.reviewerLicensure, ...Object.values(checked.header ?? {}), ...checked.items.flatMap((one) => Object.values(one))];
  return { characters: values.reduce((sum, value) => sum + (value?.length ?? 0), 0), values: values.length };
}

describe('the rule checks', () => {
  test.each(Object.entries(CHECKS))('%s scans a bounded number of characters per character of the values', (_, check) => {
    fc.assert(
      fc.property(letter, (checked) => {
        const { characters, values } = valueSize(checked);
        expect(countScanned(() => check(checked))).toBeLessThanOrEqual(SCANNED_PER_CHARACTER * characters + SCANNED_PER_VALUE * (values + 1));
      }),
      { numRuns: 150 },
    );
  });
});
