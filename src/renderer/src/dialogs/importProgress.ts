/** The import dialog's progress line, true from the first poll: no "0 / 0 files" while the files are still being found. */
import type { ImportProgress } from '../../../shared/importing.ts';

export function importProgressLine(progress: ImportProgress): string {
  // The import reports its count once the files are found; until then the job shows its idle progress.
  if (progress.total === 0 && progress.done === 0) return 'Finding files…';
  return `${progress.done.toLocaleString()} / ${progress.total.toLocaleString()} files · ${progress.lettersPerSecond.toFixed(0)} letters/s · ${progress.failed} failed`;
}
