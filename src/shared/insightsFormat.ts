/** How the insights write their figures, the same in the app, the report and the dataset card. */
import type { Estimate, Interval, Proportion } from './insights.ts';

/** A share as a percentage with one decimal: "91.2%"; "-" for none. */
export function percent(share: number | null): string {
  return share === null ? '-' : `${(100 * share).toFixed(1)}%`;
}

export function percentInterval(interval: Interval | null): string {
  return interval === null ? '-' : `${(100 * interval.low).toFixed(1)}-${(100 * interval.high).toFixed(1)}%`;
}

/** "91.2% (95% CI 89.9-92.4%; 1,234 of 1,353)". */
export function describeProportion(p: Proportion): string {
  if (p.value === null) return `- (none of 0)`;
  return `${percent(p.value)} (95% CI ${percentInterval(p.interval)}; ${count(p.count)} of ${count(p.n)})`;
}

export function decimal(value: number | null, digits = 2): string {
  return value === null ? '-' : value.toFixed(digits);
}

/** "1.86 (95% CI 1.80-1.92; 412 letters)". */
export function describeMean(estimate: Estimate, unit: string): string {
  if (estimate.value === null) return `- (no ${unit})`;
  const interval = estimate.interval === null ? 'no interval under two' : `95% CI ${decimal(estimate.interval.low)}-${decimal(estimate.interval.high)}`;
  return `${decimal(estimate.value)} (${interval}; ${count(estimate.n)} ${unit})`;
}

export function count(n: number): string {
  return n.toLocaleString('en-US');
}
