/**
 * The page's own order against the text's. A reader takes a page line by line, top to bottom,
 * each line left to right; the extracted text follows the PDF's drawing order, which departs
 * from it where a producer drew out of order (the header table's wrapped "Application /
 * Received:" cell is the known case). The runs the text reads out of the page's order are the
 * fewest that, left out, leave the rest in it (what is not on a longest run in order).
 */
import type { TextLayout } from '../../../shared/pages.ts';
import type { PageFrame } from './runBoxes.ts';

/** A printed run (blank ones left out) in the page's reading order. */
export interface OrderedRun {
  /** Index into layout.runs. */
  readonly run: number;
  readonly baseline: number;
  readonly left: number;
}

/** The page's printed runs in the order a reader takes them. */
export function pageOrder(layout: TextLayout, text: string, frames: readonly PageFrame[], page: number): OrderedRun[] {
  const frame = frames[page];
  if (!frame) return [];
  const [m0, m1, m2, m3, m4, m5] = frame.transform as [number, number, number, number, number, number];
  const placed: (OrderedRun & { size: number })[] = [];
  layout.runs.forEach((run, index) => {
    if (run.page !== page || text.slice(run.start, run.end).trim() === '') return;
    const [, , c, d, e, f] = run.transform;
    placed.push({ run: index, left: m0 * e + m2 * f + m4, baseline: m1 * e + m3 * f + m5, size: Math.hypot(c, d) });
  });
  placed.sort((a, b) => a.baseline - b.baseline);
  // Baselines within half a line of a line's first one are that line (a value set a little lower than its label is beside it).
  const lines: (typeof placed)[] = [];
  for (const run of placed) {
    const line = lines.at(-1);
    const first = line?.[0];
    if (line && first && run.baseline - first.baseline < 0.5 * Math.min(first.size, run.size)) line.push(run);
    else lines.push([run]);
  }
  return lines.flatMap((line) => line.sort((a, b) => a.left - b.left)).map(({ run, baseline, left }) => ({ run, baseline, left }));
}

/** The runs of the page the text reads out of the page's order, by index into layout.runs. */
export function runsOutOfOrder(order: readonly OrderedRun[]): Set<number> {
  // In text order, each run's place on the page; the runs on a longest increasing sequence are in order.
  const textOrder = [...order].sort((a, b) => a.run - b.run);
  const placeOf = new Map(order.map((entry, place) => [entry.run, place]));
  const places = textOrder.map((entry) => placeOf.get(entry.run) as number);
  const kept = longestIncreasing(places);
  return new Set(textOrder.filter((_, index) => !kept.has(index)).map((entry) => entry.run));
}

/** Indexes of one longest strictly increasing subsequence (patience sorting, O(n log n)). */
function longestIncreasing(values: readonly number[]): Set<number> {
  const tails: number[] = [];
  const previous: number[] = Array.from({ length: values.length }, () => -1);
  values.forEach((value, index) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((values[tails[middle] as number] as number) < value) low = middle + 1;
      else high = middle;
    }
    if (low > 0) previous[index] = tails[low - 1] as number;
    tails[low] = index;
  });
  const kept = new Set<number>();
  for (let index = tails.at(-1) ?? -1; index >= 0; index = previous[index] as number) kept.add(index);
  return kept;
}
