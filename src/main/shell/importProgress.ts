/** The taskbar / dock progress bar follows the import job, polled as the UI polls it. */
import type { ImportProgress } from '../../shared/importing.ts';

/** Electron's convention: -1 removes the bar, 0..1 fills it, above 1 shows it indeterminate. */
export const NO_PROGRESS = -1;
export const INDETERMINATE = 2;

export function progressFraction(running: ImportProgress | null): number {
  if (!running) return NO_PROGRESS;
  if (running.total === 0) return INDETERMINATE;
  return Math.min(1, running.done / running.total);
}

/** Polls `status` every `intervalMs` (one poll at a time) and passes changes to `show`; returns the stop. */
export function followImportProgress(
  status: () => Promise<{ readonly running: ImportProgress | null } | null>,
  show: (fraction: number) => void,
  intervalMs = 500,
): () => void {
  let shown = NO_PROGRESS;
  let polling = false;
  const timer = setInterval(() => {
    if (polling) return;
    polling = true;
    void status()
      .then((current) => {
        const fraction = progressFraction(current?.running ?? null);
        if (fraction === shown) return;
        shown = fraction;
        show(fraction);
      })
      .finally(() => (polling = false));
  }, intervalMs);
  return () => clearInterval(timer);
}
