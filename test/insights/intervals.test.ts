/**
 * The intervals against values worked out by hand from the formulas (z = 1.959964, z² = 3.841459):
 * Wilson: centre = (p + z²/2n) / (1 + z²/n), half = z / (1 + z²/n) · √(p(1-p)/n + z²/4n²).
 */
import { describe, expect, it } from 'vitest';
import { meanEstimate, proportion, wilsonInterval } from '../../src/main/insights/index.ts';

describe('wilsonInterval', () => {
  it('8 of 10: centre 0.99207/1.38415 = 0.71675, half 0.31362/1.38415 = 0.22658', () => {
    const interval = wilsonInterval(8, 10)!;
    expect(interval.low).toBeCloseTo(0.49016, 4);
    expect(interval.high).toBeCloseTo(0.94333, 4);
  });

  it('0 of 10 starts at 0, and 10 of 10 ends at 1: z²/(n + z²) = 3.84146/13.84146 = 0.27753', () => {
    expect(wilsonInterval(0, 10)).toEqual({ low: 0, high: expect.closeTo(0.27753, 4) });
    expect(wilsonInterval(10, 10)).toEqual({ low: expect.closeTo(0.72247, 4), high: 1 });
  });

  it('1 of 2: centre 0.5, half 1.95996/2.92073 · √(0.125 + 0.24009) = 0.40545', () => {
    const interval = wilsonInterval(1, 2)!;
    expect(interval.low).toBeCloseTo(0.09453, 4);
    expect(interval.high).toBeCloseTo(0.90547, 4);
  });

  it('886 of 1000: centre 0.88792/1.00384 = 0.88452, half 0.01979/1.00384 = 0.01972', () => {
    const interval = wilsonInterval(886, 1000)!;
    expect(interval.low).toBeCloseTo(0.86481, 4);
    expect(interval.high).toBeCloseTo(0.90424, 4);
  });

  it('has no interval over nothing, and refuses counts that are no share', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(() => wilsonInterval(3, 2)).toThrow(RangeError);
    expect(() => wilsonInterval(1.5, 4)).toThrow(RangeError);
  });
});

describe('proportion', () => {
  it('carries the count, the total, the share and the interval', () => {
    expect(proportion(8, 10)).toEqual({ count: 8, n: 10, value: 0.8, interval: wilsonInterval(8, 10) });
    expect(proportion(0, 0)).toEqual({ count: 0, n: 0, value: null, interval: null });
  });
});

describe('meanEstimate', () => {
  it('1, 2, 3, 2: mean 2, s² = (18 - 4·4)/3 = 2/3, half = 1.95996 · √(2/3 / 4) = 0.80015', () => {
    const estimate = meanEstimate(4, 8, 18);
    expect(estimate.value).toBe(2);
    expect(estimate.interval!.low).toBeCloseTo(1.19985, 4);
    expect(estimate.interval!.high).toBeCloseTo(2.80015, 4);
  });

  it('has a mean but no interval for one value, and neither for none', () => {
    expect(meanEstimate(1, 3, 9)).toEqual({ n: 1, value: 3, interval: null });
    expect(meanEstimate(0, 0, 0)).toEqual({ n: 0, value: null, interval: null });
  });
});
