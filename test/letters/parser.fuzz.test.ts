/**
 * The parser must never throw and never hang, whatever it is given: random text,
 * letter-shaped text, and real-looking letters cut, spliced and corrupted. Its time
 * must grow linearly with the text, also on the inputs that make patterns backtrack.
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

const ITEMS_INTRO =
  'IMR ISSUES, DECISIONS AND RATIONALES\nThe Final Determination was based on decisions for the disputed items/services set forth below:\n';
const LEAVING_ITEM =
  ' was the original request. The Claims Administrator authorized B, leaving the original request IMR eligible. The original request, C is: Upheld\n' +
  'Claims Administrator guideline: a.\nMAXIMUS guideline: b.\nDecision rationale: c is not medically necessary.\n';

/** Text of about `size` characters: `unit` repeated between a head and a tail. */
function repeated(head: string, unit: string, tail: string, size: number): string {
  return head + unit.repeat(Math.max(1, Math.round((size - head.length - tail.length) / unit.length))) + tail;
}

/** Each shape once drove a pattern of the parser into re-scanning the text from every character. */
const SHAPES: Record<string, (size: number) => string> = {
  'a partial header holding many "was the original request."': (size) =>
    repeated(ITEMS_INTRO, 'A was the original request. ', LEAVING_ITEM, size),
  'a partial header ending in many " is"': (size) =>
    repeated(ITEMS_INTRO + 'A was the original request. B was authorized by the Claims Administrator. The remaining IMR eligible portion of the original request, C', ' is', ': Upheld\nDecision rationale: c.\n', size),
  'a run of digits in a 2013 notice': (size) => repeated('Notice of Independent Medical Review Determination\n', '1', '', size),
  'a run of spaces after a 2013 outcome': (size) =>
    repeated('Notice of Independent Medical Review Determination\n1) MAXIMUS Federal Services, Inc. has determined the request for x', ' ', '', size),
  'a run of spaces after the prose credentials': (size) =>
    repeated('HOW THE IMR FINAL DETERMINATION WAS MADE\n' + 'Board Certified in x, '.repeat(10), ' ', '', size),
  'long lines of words and colons above a decision': (size) => repeated(ITEMS_INTRO, 'word: ', LEAVING_ITEM, size),
  'a generated letter back to back with itself': (size) =>
    repeated('', renderLetterText(generateLetter(3, { itemCount: 4, partials: [{ wording: 'remaining', trailingIs: true }] }), 'plain'), '', size),
};

function timed(text: string): number {
  const started = performance.now();
  parseLetter(text);
  return performance.now() - started;
}

const MAX_RATIO = 20;

/**
 * How many times longer `large` takes than `small`: the best of a few runs of each size,
 * taken in turn after a warm-up, so both see the same load on a shared machine. A burst
 * of load can still slow every large run, so a ratio over the limit is measured again
 * (up to three times); a quadratic parser is over it every time.
 */
function timeRatio(small: string, large: string, runs = 5): number {
  let best = Infinity;
  for (let attempt = 0; attempt < 3 && best >= MAX_RATIO; attempt++) {
    timed(small);
    let [smallMs, largeMs] = [Infinity, Infinity];
    for (let run = 0; run < runs; run++) {
      smallMs = Math.min(smallMs, timed(small));
      largeMs = Math.min(largeMs, timed(large));
    }
    best = Math.min(best, largeMs / smallMs);
  }
  return best;
}

describe('parsing time is linear in the text', () => {
  for (const [name, make] of Object.entries(SHAPES)) {
    test(`${name}: 1 MB takes under 20 times what 100 KB takes`, () => {
      const small = make(100_000);
      const large = make(1_000_000);
      expect(large.length / small.length).toBeCloseTo(10, 0);
      expect(timeRatio(small, large)).toBeLessThan(MAX_RATIO);
    });
  }
});
