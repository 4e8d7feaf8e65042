/**
 * Where a typed value reads in its field's spans: the spans' text folds exactly as values fold
 * (a hyphen ending a line joins the next), and every piece a value gets starts and ends on a
 * character of the value, never on the whitespace around or between the stretches.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { foldSpans, locateValue } from '../../src/main/review/provenance.ts';
import { foldWhitespace } from '../../src/shared/fold.ts';
import type { Span } from '../../src/shared/letter.ts';

const WHITESPACE = /\s/;

const LETTERISH = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\t', '\n', '-'), maxLength: 60 });

describe('foldSpans', () => {
  test('a word broken by a hyphen at a line end reads joined, as the value it was typed as', () => {
    const text = 'Lumbar-\n  spine MRI';
    expect(foldSpans(text, [[0, text.length]]).text).toBe('Lumbar-spine MRI');
    expect(locateValue(text, [[0, text.length]], 'Lumbar-spine MRI')).toEqual([[0, text.length]]);
  });

  test('one stretch over any text folds as foldWhitespace folds a value', () => {
    fc.assert(
      fc.property(LETTERISH, (text) => {
        expect(foldSpans(text, [[0, text.length]]).text).toBe(foldWhitespace(text));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('locateValue', () => {
  test('a stretch ending in whitespace ends its piece at the value', () => {
    expect(locateValue('AB  \nCD', [[0, 5], [5, 7]], 'AB CD')).toEqual([[0, 2], [5, 7]]);
  });

  test('a stretch starting with whitespace starts its piece at the value', () => {
    expect(locateValue('AB\n  CD', [[0, 2], [2, 7]], 'AB CD')).toEqual([[0, 2], [5, 7]]);
  });

  test('any part of any stretches: each piece lies inside its stretch, starting and ending on a character of the value', () => {
    const case_ = LETTERISH.filter((text) => text.length > 0).chain((letterText) =>
      fc
        .uniqueArray(fc.integer({ min: 0, max: letterText.length }), { minLength: 2, maxLength: 6 })
        .map((cuts) => [...cuts].sort((a, b) => a - b))
        .map((cuts) => ({ letterText, spans: cuts.slice(1).map((end, i) => [cuts[i], end] as Span) })),
    );
    fc.assert(
      fc.property(case_, fc.nat(), fc.nat(), ({ letterText, spans }, a, b) => {
        const folded = foldSpans(letterText, spans).text;
        const value = folded.slice(Math.min(a, b) % (folded.length + 1), Math.max(a, b) % (folded.length + 1)).trim();
        const pieces = locateValue(letterText, spans, value);
        if (value === '') return;
        expect(pieces).not.toBeNull();
        for (const [start, end] of pieces ?? []) {
          expect(spans.some(([from, to]) => from <= start && end <= to)).toBe(true);
          expect(WHITESPACE.test(letterText[start] ?? '')).toBe(false);
          expect(WHITESPACE.test(letterText[end - 1] ?? '')).toBe(false);
        }
      }),
      { numRuns: 500 },
    );
  });
});
