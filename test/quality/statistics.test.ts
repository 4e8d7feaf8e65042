/**
 * The audit's statistics and draw, pure: the letters a target takes, the size shared among strata,
 * the seeded draw, and the stratified rate's edge cases, asserted on values (closed forms where
 * there are some: with no errors the exact upper bound is 1 - (1 - confidence)^(1/n)).
 */
import { describe, expect, test } from 'vitest';
import { allocate, drawLetters } from '../../src/main/quality/draw.ts';
import { clopperPearson, cohensKappa, lettersNeeded, stratifiedRate, upperBound } from '../../src/main/quality/index.ts';

describe('lettersNeeded', () => {
  test('299 clean letters show a rate under 1% at 95%, as the closed form says', () => {
    expect(lettersNeeded(0, 0.01, 0.95)).toBe(299);
    // 1 - 0.05^(1/n) < 0.01  <=>  n > ln 0.05 / ln 0.99 = 298.07
    expect(Math.log(0.05) / Math.log(0.99)).toBeCloseTo(298.07, 2);
    expect(lettersNeeded(0, 0.05, 0.95)).toBe(59);
    expect(lettersNeeded(0, 0.01, 0.99)).toBe(459);
  });

  test('each error found costs more letters, and the answer is the first size whose bound falls under the rate', () => {
    const needed = [0, 1, 2, 3, 4].map((errors) => lettersNeeded(errors, 0.01, 0.95));
    expect(needed).toEqual([299, 473, 628, 773, 913]);
    needed.forEach((n, errors) => {
      expect(upperBound(errors, n as number, 0.95)).toBeLessThan(0.01);
      expect(upperBound(errors, (n as number) - 1, 0.95)).toBeGreaterThanOrEqual(0.01);
    });
  });

  test('null when no audit of at most ten million letters can show the rate; a range error for nonsense', () => {
    expect(lettersNeeded(0, 1e-9, 0.95)).toBeNull();
    expect(() => lettersNeeded(-1, 0.01, 0.95)).toThrow(RangeError);
    expect(() => lettersNeeded(1.5, 0.01, 0.95)).toThrow(RangeError);
    expect(() => lettersNeeded(0, 0, 0.95)).toThrow(RangeError);
    expect(() => lettersNeeded(0, 0.01, 1)).toThrow(RangeError);
  });
});

describe('clopperPearson and upperBound', () => {
  test('no errors and all errors have closed forms; no evidence has no interval', () => {
    expect(clopperPearson(0, 10, 0.95)).toEqual({ low: 0, high: expect.closeTo(1 - 0.025 ** (1 / 10), 12) });
    expect(clopperPearson(10, 10, 0.95)).toEqual({ low: expect.closeTo(0.025 ** (1 / 10), 12), high: 1 });
    expect(upperBound(0, 299, 0.95)).toBeCloseTo(1 - 0.05 ** (1 / 299), 12);
    expect(clopperPearson(0, 0, 0.95)).toBeNull();
    expect(upperBound(0, 0, 0.95)).toBeNull();
    expect(() => clopperPearson(3, 2, 0.95)).toThrow(RangeError);
  });
});

describe('allocate', () => {
  test('shares the size in proportion, the remainders to the largest, ties to the first stratum', () => {
    expect(allocate(10, [50, 30, 20])).toEqual([5, 3, 2]);
    expect(allocate(5, [33, 33, 34])).toEqual([2, 1, 2]);
    expect(allocate(7, [10])).toEqual([7]);
  });

  test('gives each stratum with letters one while the size allows, and never more than a stratum holds', () => {
    expect(allocate(3, [1000, 1, 1])).toEqual([1, 1, 1]);
    expect(allocate(2, [1000, 1, 1])).toEqual([1, 1, 0]);
    expect(allocate(10, [3, 0, 2])).toEqual([3, 0, 2]);
    expect(allocate(4, [3, 0, 2])).toEqual([2, 0, 2]);
  });

  test('nothing to share: a size of 0 or an empty frame', () => {
    expect(allocate(0, [5, 5])).toEqual([0, 0]);
    expect(allocate(5, [0, 0])).toEqual([0, 0]);
    expect(allocate(5, [])).toEqual([]);
  });
});

describe('drawLetters', () => {
  const strata = [
    [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
    [11, 12, 13, 14, 15],
  ];

  test('the same seed draws the same letters in the same order, release after release', () => {
    // Pinned: a sample's seed must draw the same letters in every later version of the app.
    expect(drawLetters(strata, [3, 2], 42)).toEqual([
      [6, 5, 10],
      [11, 14],
    ]);
    expect(drawLetters(strata, [3, 2], 2 ** 32 - 1)).toEqual([
      [9, 4, 10],
      [15, 14],
    ]);
    expect(drawLetters(strata, [3, 2], 42)).toEqual(drawLetters(strata, [3, 2], 42));
  });

  test('draws without replacement, within each stratum, at most the letters it holds', () => {
    const drawn = drawLetters(strata, [10, 9], 7);
    expect([...(drawn[0] ?? [])].sort((a, b) => a - b)).toEqual(strata[0]);
    expect([...(drawn[1] ?? [])].sort((a, b) => a - b)).toEqual(strata[1]);
    expect(drawLetters(strata, [0, 1], 7)[0]).toEqual([]);
  });

  test('different seeds draw different samples', () => {
    const samples = new Set(Array.from({ length: 50 }, (_, seed) => JSON.stringify(drawLetters(strata, [3, 2], seed))));
    expect(samples.size).toBeGreaterThan(45);
  });
});

describe('stratifiedRate', () => {
  const none = { rate: null, interval: null, upperBound: null, effectiveN: 0 };

  test('no evidence gives no estimate, whether there are no strata or none has a checked letter', () => {
    expect(stratifiedRate([], 0.95)).toEqual(none);
    expect(stratifiedRate([{ population: 100, frame: 100, checked: 0, errors: 0 }], 0.95)).toEqual(none);
    // A stratum whose population is gone (no unread letters left) weighs nothing.
    expect(stratifiedRate([{ population: 0, frame: 100, checked: 10, errors: 2 }], 0.95)).toEqual(none);
  });

  test('one stratum with evidence is the plain exact interval of its counts', () => {
    const plain = { rate: 0.04, interval: clopperPearson(2, 50, 0.95), upperBound: upperBound(2, 50, 0.95), effectiveN: 50 };
    expect(stratifiedRate([{ population: 500, frame: 500, checked: 50, errors: 2 }], 0.95)).toEqual(plain);
    expect(
      stratifiedRate(
        [
          { population: 300, frame: 300, checked: 0, errors: 0 },
          { population: 500, frame: 500, checked: 50, errors: 2 },
        ],
        0.95,
      ),
    ).toEqual(plain);
  });

  test('no errors in any stratum: rate 0, the exact interval of all checked letters', () => {
    const estimate = stratifiedRate(
      [
        { population: 600, frame: 600, checked: 60, errors: 0 },
        { population: 400, frame: 400, checked: 40, errors: 0 },
      ],
      0.95,
    );
    expect(estimate).toEqual({ rate: 0, interval: { low: 0, high: expect.closeTo(1 - 0.025 ** (1 / 100), 12) }, upperBound: expect.closeTo(1 - 0.05 ** (1 / 100), 12), effectiveN: 100 });
  });

  test('every letter wrong everywhere: rate 1, the exact interval of all checked letters', () => {
    const estimate = stratifiedRate(
      [
        { population: 600, frame: 600, checked: 6, errors: 6 },
        { population: 400, frame: 400, checked: 4, errors: 4 },
      ],
      0.95,
    );
    expect(estimate).toEqual({ rate: 1, interval: { low: expect.closeTo(0.025 ** (1 / 10), 12), high: 1 }, upperBound: 1, effectiveN: 10 });
  });

  test('strata weigh by population: the rate is the weighted share, the effective size shrinks with the variance', () => {
    const estimate = stratifiedRate(
      [
        { population: 600, frame: 600, checked: 60, errors: 3 },
        { population: 400, frame: 400, checked: 40, errors: 6 },
      ],
      0.95,
    );
    expect(estimate.rate).toBeCloseTo(0.6 * 0.05 + 0.4 * 0.15, 12);
    expect(estimate.effectiveN).toBeGreaterThan(0);
    expect(estimate.effectiveN).toBeLessThanOrEqual(100);
    expect(estimate.interval?.low).toBeLessThan(0.09);
    expect(estimate.interval?.high).toBeGreaterThan(0.09);
    // A whole stratum checked has no sampling variance: only the other's is left.
    const census = stratifiedRate(
      [
        { population: 600, frame: 600, checked: 600, errors: 30 },
        { population: 400, frame: 400, checked: 40, errors: 6 },
      ],
      0.95,
    );
    expect(census.rate).toBeCloseTo(0.09, 12);
    expect((census.interval?.high ?? 1) - (census.interval?.low ?? 0)).toBeLessThan((estimate.interval?.high ?? 0) - (estimate.interval?.low ?? 0));
  });
});

describe('cohensKappa', () => {
  test('a textbook table, perfect agreement, and the cases with no kappa', () => {
    // po = 0.7, pe = 0.5 x 0.6 + 0.5 x 0.4 = 0.5
    expect(cohensKappa({ A: { A: 20, B: 5 }, B: { A: 10, B: 15 } }, 0.95).kappa).toBeCloseTo(0.4, 12);
    expect(cohensKappa({ A: { A: 5 }, B: { B: 5 } }, 0.95)).toMatchObject({ kappa: 1, n: 10 });
    expect(cohensKappa({ A: { A: 5 } }, 0.95)).toEqual({ kappa: null, interval: null, n: 5 });
    expect(cohensKappa({}, 0.95)).toEqual({ kappa: null, interval: null, n: 0 });
  });
});
