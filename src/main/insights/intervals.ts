/**
 * 95% intervals for the figures: Wilson's score interval for a share (it stays inside 0..1
 * and keeps its coverage for small counts and shares near 0 or 1, where most IMR shares
 * are), and the normal approximation for a mean over many letters.
 */
import type { Estimate, Interval, Proportion } from '../../shared/insights.ts';

/** The standard normal quantile for a two-sided 95% interval. */
const Z = 1.959963984540054;

export function wilsonInterval(count: number, n: number): Interval | null {
  if (!Number.isInteger(count) || !Number.isInteger(n) || count < 0 || count > n) {
    throw new RangeError(`A share is a whole count of a whole total, not ${count} of ${n}`);
  }
  if (n === 0) return null;
  const p = count / n;
  const z2 = Z * Z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (Z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At 0 and n the bound is exactly 0 or 1; rounding must not push it past.
  return { low: count === 0 ? 0 : Math.max(0, centre - half), high: count === n ? 1 : Math.min(1, centre + half) };
}

export function proportion(count: number, n: number): Proportion {
  return { count, n, value: n === 0 ? null : count / n, interval: wilsonInterval(count, n) };
}

/**
 * The mean of n values from their sum and sum of squares, with mean ± z·s/√n (s the sample
 * standard deviation); no interval under two values.
 */
export function meanEstimate(n: number, sum: number, sumOfSquares: number): Estimate {
  if (n === 0) return { n, value: null, interval: null };
  const mean = sum / n;
  if (n < 2) return { n, value: mean, interval: null };
  const variance = Math.max(0, (sumOfSquares - n * mean * mean) / (n - 1));
  const half = Z * Math.sqrt(variance / n);
  return { n, value: mean, interval: { low: mean - half, high: mean + half } };
}
