/** The taskbar progress bar follows the import: a fraction while it runs, indeterminate before it counts, gone when idle. */
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { followImportProgress, INDETERMINATE, NO_PROGRESS, progressFraction } from '../../src/main/shell/importProgress.ts';
import type { ImportProgress } from '../../src/shared/importing.ts';

function progress(done: number, total: number): ImportProgress {
  return { runId: 1, total, done, imported: done, duplicates: 0, failed: 0, currentFile: null, lettersPerSecond: 0, elapsedMs: 0 };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

test('the fraction of letters done', () => {
  expect(progressFraction(null)).toBe(NO_PROGRESS);
  expect(progressFraction(progress(0, 0))).toBe(INDETERMINATE);
  expect(progressFraction(progress(25, 100))).toBe(0.25);
  expect(progressFraction(progress(100, 100))).toBe(1);
});

test('polling shows each change once and stops when asked', async () => {
  let running: ImportProgress | null = null;
  const shown: number[] = [];
  const stop = followImportProgress(async () => ({ running }), (fraction) => shown.push(fraction), 100);
  await vi.advanceTimersByTimeAsync(100);
  running = progress(0, 0);
  await vi.advanceTimersByTimeAsync(100);
  running = progress(1, 4);
  await vi.advanceTimersByTimeAsync(300);
  running = progress(4, 4);
  await vi.advanceTimersByTimeAsync(100);
  running = null;
  await vi.advanceTimersByTimeAsync(100);
  stop();
  running = progress(1, 2);
  await vi.advanceTimersByTimeAsync(500);
  expect(shown).toEqual([INDETERMINATE, 0.25, 1, NO_PROGRESS]);
});
