/**
 * The parser must never throw and never hang, whatever it is given: random text,
 * letter-shaped text, and real-looking letters cut, spliced and corrupted.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseLetter } from '../../src/main/letters/parsing/index.ts';
import { generateLetter, renderLetterText } from '../fixtures/index.ts';

/** Generous: a letter parses in well under a millisecond; this only catches runaway backtracking. */
const TIME_BOUND_MS = 250;

const LETTER_WORDS = [
  'Case Number:', 'CM16-0000001', 'Date Assigned:', '01/02/2016', 'Application', 'Received:',
  'HOW THE IMR FINAL DETERMINATION WAS MADE', 'CLINICAL CASE SUMMARY', 'IMR ISSUES, DECISIONS AND RATIONALES',
  'State(s) of Licensure:', 'Certification(s)/Specialty:', 'Board Certified in', 'and is licensed to practice in',
  ': Upheld', ': Overturned', 'Upheld', 'Claims Administrator guideline:', 'MAXIMUS guideline:',
  'Decision rationale:', 'was the original request.', 'was authorized by the Claims Administrator.',
  'The remaining IMR eligible portion of the original request,', 'is', '.', ':', '-', '\n', '\n\n', '\f', '\r\n',
  ' ', '   ', 'medically necessary', 'not', '“', '”', 'Knee MRI',
];

function expectWellFormed(text: string): void {
  const started = performance.now();
  const letter = parseLetter(text);
  expect(performance.now() - started).toBeLessThan(TIME_BOUND_MS);
  const inBounds = (span: readonly [number, number]) => span[0] >= 0 && span[0] <= span[1] && span[1] <= text.length;
  for (const item of letter.items) {
    expect(inBounds(item.span)).toBe(true);
    for (const field of [item.service, item.decision, item.claimsAdministratorGuideline, item.maximusGuideline, item.rationale]) {
      if (field) expect(inBounds(field.span)).toBe(true);
    }
  }
  expect(Array.isArray(letter.warnings)).toBe(true);
}

describe('parser fuzzing', () => {
  test('random unicode text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 5000 }), expectWellFormed), { numRuns: 300 });
  });

  test('letter-shaped word salad', () => {
    const salad = fc.array(fc.constantFrom(...LETTER_WORDS), { maxLength: 600 }).map((words) => words.join(''));
    fc.assert(fc.property(salad, expectWellFormed), { numRuns: 300 });
  });

  test('generated letters cut, spliced and corrupted', () => {
    const letters = Array.from({ length: 8 }, (_, seed) =>
      renderLetterText(generateLetter(seed), seed % 2 === 0 ? 'layout' : 'plain'),
    );
    const mutation = fc.record({
      letter: fc.integer({ min: 0, max: letters.length - 1 }),
      cuts: fc.array(fc.tuple(fc.nat(), fc.nat(200), fc.string({ maxLength: 30 })), { maxLength: 12 }),
    });
    fc.assert(
      fc.property(mutation, ({ letter, cuts }) => {
        let text = letters[letter] as string;
        for (const [at, length, insert] of cuts) {
          const start = at % (text.length + 1);
          text = text.slice(0, start) + insert + text.slice(start + length);
        }
        expectWellFormed(text);
      }),
      { numRuns: 300 },
    );
  });

  test('pathological repetition stays fast', () => {
    for (const unit of ['a:', ': Upheld ', 'was the original request. ', '-\n', ' \n', 'Board Certified in x, ']) {
      expectWellFormed(unit.repeat(20_000));
    }
  });
});
