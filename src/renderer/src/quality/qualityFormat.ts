/** How the Quality view words what only it shows; the figures' own wording is shared (src/shared/qualityFormat.ts). */
import { count } from '../../../shared/insightsFormat.ts';
import { decimal } from '../../../shared/insightsFormat.ts';
import type { FieldAgreementEstimate, Interval, SubmitBlindResult } from '../../../shared/quality.ts';
import { QUALITY_MEASURE_LABELS } from '../../../shared/quality.ts';
import { intervalText, percent } from '../../../shared/qualityFormat.ts';

/** A rate, or "-" before any evidence. */
export function rateOrDash(rate: number | null): string {
  return rate === null ? '-' : percent(rate);
}

/** "0.1–1.1%", or "-" before any evidence. */
export function percentRange(interval: Interval | null): string {
  return interval === null ? '-' : intervalText(interval);
}

/** The name of a value agreement is measured on. */
export function fieldLabel(field: FieldAgreementEstimate['field']): string {
  return field === 'category' ? 'Service category' : QUALITY_MEASURE_LABELS[field];
}

/** A kappa's interval, "0.41–0.93", or "-" where there is none. */
export function kappaRange(interval: Interval | null): string {
  return interval === null ? '-' : `${decimal(interval.low)}–${decimal(interval.high)}`;
}

/** "12 of 13 agree; 1 waits for adjudication". */
export function describeBlindResult(result: SubmitBlindResult): string {
  const agreed = `${count(result.agreed)} of ${count(result.compared)} agree`;
  if (result.disagreements === 0) return agreed;
  return `${agreed}; ${count(result.disagreements)} wait${result.disagreements === 1 ? 's' : ''} for adjudication`;
}
