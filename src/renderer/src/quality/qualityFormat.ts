/** How the Quality view words its figures: rates as percents, intervals with an en dash, the unread letters in a sentence. */
import { count, percent } from '../../../shared/insightsFormat.ts';
import type { AuditTarget, Interval, MeasureEstimate, QualityMeasure, SubmitBlindResult } from '../../../shared/quality.ts';
import { QUALITY_MEASURE_LABELS } from '../../../shared/quality.ts';

/** "0.1–1.1%"; "-" before any evidence. */
export function percentRange(interval: Interval | null): string {
  return interval === null ? '-' : `${(100 * interval.low).toFixed(1)}–${(100 * interval.high).toFixed(1)}%`;
}

/** What an error on the measure is, to end "have …". */
function wrongValue(measure: QualityMeasure): string {
  if (measure === 'allExact') return 'some value wrong';
  if (measure === 'itemCount') return 'a wrong item count';
  return `a wrong ${QUALITY_MEASURE_LABELS[measure]}`;
}

/** "of 95,212 unread letters, about 0.4% (0.1–1.1%) have a wrong Decision". */
export function unreadSentence(estimate: MeasureEstimate): string {
  const { letters, rate, interval } = estimate.unread;
  if (letters === 0) return 'every letter of the frame is verified';
  if (rate === null) return `of ${count(letters)} unread letters: no evidence yet`;
  return `of ${count(letters)} unread letters, about ${percent(rate)} (${percentRange(interval)}) have ${wrongValue(estimate.measure)}`;
}

/** "error rate below 1% for Decision at 95% confidence". */
export function describeTarget(target: AuditTarget): string {
  return `error rate below ${formatShare(target.rate)} for ${QUALITY_MEASURE_LABELS[target.measure]} at ${formatShare(target.confidence)} confidence`;
}

/** A share as a percent with no more decimals than it has: 0.01 is "1%", 0.005 "0.5%". */
function formatShare(share: number): string {
  return `${Number((100 * share).toPrecision(6))}%`;
}

/** "1 letter", "299 letters". */
export function letters(n: number): string {
  return `${count(n)} letter${n === 1 ? '' : 's'}`;
}

/** "12 of 13 agree; 1 waits for adjudication". */
export function describeBlindResult(result: SubmitBlindResult): string {
  const agreed = `${count(result.agreed)} of ${count(result.compared)} agree`;
  if (result.disagreements === 0) return agreed;
  return `${agreed}; ${count(result.disagreements)} wait${result.disagreements === 1 ? 's' : ''} for adjudication`;
}
