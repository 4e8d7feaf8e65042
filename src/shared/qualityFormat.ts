/** How quality figures read to a person, the same in the app, the command line, the card and the report. */
import type { QueueFilter } from './apiSchema.ts';
import type { Interval, MeasureEstimate } from './quality.ts';
import { QUALITY_MEASURE_LABELS } from './quality.ts';

/** A share as a percent with the precision small rates need: 0.4%, 0.05%, 12%. */
export function percent(share: number): string {
  const value = share * 100;
  const digits = value === 0 || value >= 10 ? 0 : value >= 1 ? 1 : 2;
  return `${Number(value.toFixed(digits)).toString()}%`;
}

export function intervalText(interval: Interval): string {
  return `${percent(interval.low)}–${percent(interval.high)}`;
}

/** The queue filter a frame was drawn with, in words: "the whole library" when it has none. */
export function describeFrame(frame: QueueFilter): string {
  const parts = Object.entries(frame)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key} ${typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value)}`);
  return parts.length === 0 ? 'the whole library' : parts.join(', ');
}

/** "of 95,212 unread letters, about 0.4% (0.1–1.1%) have a wrong Decision"; null without evidence. */
export function unreadSentence(estimate: MeasureEstimate): string | null {
  const { unread, measure } = estimate;
  if (unread.rate === null || unread.interval === null) return null;
  const what = measure === 'allExact' ? 'have a value wrong' : measure === 'itemCount' ? 'have an item missed or invented' : `have a wrong ${QUALITY_MEASURE_LABELS[measure]}`;
  return `of ${unread.letters.toLocaleString('en-US')} unread letters, about ${percent(unread.rate)} (${intervalText(unread.interval)}) ${what}`;
}
