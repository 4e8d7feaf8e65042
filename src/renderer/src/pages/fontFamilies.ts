/**
 * A family for each of a letter's fonts, to lay out its text over the page image (selection, and
 * boxes that cut a run). pdf.js names no family it can trust (it calls Times New Roman
 * sans-serif when the PDF does not say), so each font takes the family whose widths best match
 * what the PDF printed with it. The lists lead with fonts that have the metrics of Times, Arial
 * and Courier, so a cut inside a run lands where the page has it.
 */
import type { TextLayout } from '../../../shared/pages.ts';

export const FAMILIES = [
  '"Times New Roman", "Liberation Serif", Tinos, Times, serif',
  'Arial, Helvetica, "Liberation Sans", Arimo, sans-serif',
  '"Courier New", "Liberation Mono", Cousine, Courier, monospace',
] as const;

/** The advance of `text` in `family`, at a size of 100 units. */
export type MeasureIn = (text: string, family: string) => number;

/** Runs measured per font: enough to tell Times from Arial. */
const SAMPLE_RUNS = 24;

/** The family for each font of the layout, by index. */
export function chooseFamilies(layout: TextLayout, text: string, measure: MeasureIn): string[] {
  return layout.fonts.map((_, font) => {
    const samples = layout.runs
      .filter((run) => run.font === font && run.width > 0 && text.slice(run.start, run.end).trim().length >= 4)
      .slice(0, SAMPLE_RUNS);
    let best: string = FAMILIES[0];
    let bestError = Infinity;
    for (const family of FAMILIES) {
      let error = 0;
      for (const run of samples) {
        const size = Math.hypot(run.transform[2], run.transform[3]);
        const natural = (measure(text.slice(run.start, run.end), family) * size) / 100;
        error += Math.abs(Math.log(natural / run.width));
      }
      if (error < bestError) {
        best = family;
        bestError = error;
      }
    }
    return best;
  });
}

let context: CanvasRenderingContext2D | null = null;

/** Measures with a canvas, as the text layer lays out its spans. */
export const canvasMeasure: MeasureIn = (text, family) => {
  context ??= document.createElement('canvas').getContext('2d');
  if (!context) return text.length;
  context.font = `100px ${family}`;
  return context.measureText(text).width;
};
