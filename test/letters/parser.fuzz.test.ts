/**
 * The parser must never throw and never hang, whatever it is given: random text,
 * letter-shaped text, and real-looking letters cut, spliced and corrupted, and the texts
 * that once made its patterns backtrack, at 1 MB. Nothing here is timed (see the parser bench).
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseLetter } from '../../src/main/letters/parsing/index.ts';
import { BACKTRACKING_SHAPES } from '../fixtures/backtracking.ts';
import { generateLetter, renderLetterText } from '../fixtures/index.ts';

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
  const letter = parseLetter(text);
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

  test('pathological repetition parses', () => {
    for (const unit of ['a:', ': Upheld ', 'was the original request. ', '-\n', ' \n', 'Board Certified in x, ']) {
      expectWellFormed(unit.repeat(20_000));
    }
  });
});

/**
 * A linear parse of 1 MB takes well under a second even on a loaded machine; a pattern that
 * re-scans the text from every character takes many minutes. The limit tells the two apart, nothing
 * is timed: how the time grows is measured by `npm run bench -- parser`.
 */
const QUADRATIC_WOULD_HANG_MS = 120_000;

describe('the shapes that once made patterns backtrack', () => {
  for (const [name, make] of Object.entries(BACKTRACKING_SHAPES)) {
    test(`${name}: 1 MB parses, every span inside the text`, { timeout: QUADRATIC_WOULD_HANG_MS }, () => {
      expectWellFormed(make(1_000_000));
    });
  }
});
