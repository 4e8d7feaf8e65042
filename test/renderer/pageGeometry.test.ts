/**
 * The page view's geometry on the runs of real PDFs the project generates: value boxes where the
 * generator drew the values, the page's reading order against the text's, and a selection on the
 * page as stretches of the text. The browser's font measuring is the one thing stood in for:
 * pdfkit's own metrics of the fonts the generator drew with.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readLetterFile } from '../../src/main/letters/reading/index.ts';
import { pageOrder, runsOutOfOrder } from '../../src/renderer/src/pages/readingOrder.ts';
import { selectedStretches } from '../../src/renderer/src/pages/pageSelection.ts';
import { printedExtent, spanBoxes } from '../../src/renderer/src/pages/runBoxes.ts';
import type { Measure, PageFrame } from '../../src/renderer/src/pages/runBoxes.ts';
import type { LetterSource } from '../../src/shared/source.ts';
import type { DrawnText, GeneratedLetter } from '../fixtures/index.ts';
import { drawnBoxes, generateLetter, locatePhrase, phrasePattern, writeLetterPdf } from '../fixtures/index.ts';
import { textWidth } from '../fixtures/measure.ts';

/** A Letter page as pdf.js shows it at scale 1: y flipped, origin at the top-left. */
const LETTER_FRAME: PageFrame = { width: 612, height: 792, transform: [1, 0, 0, -1, 0, 792] };

let directory = '';
let letter: GeneratedLetter;
let source: LetterSource;
let drawn: DrawnText[];
let frames: PageFrame[];
let measure: Measure;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'imr-page-geometry-'));
  letter = generateLetter(910, { itemCount: 2, headerTable: true });
  const path = join(directory, 'letter.pdf');
  drawn = await writeLetterPdf(letter, path);
  source = await readLetterFile(path);
  frames = source.pageOffsets.map(() => LETTER_FRAME);
  // Each run measured in the font the generator drew it with.
  const fontOfRun = new Map(
    source.pdf!.layout.runs.map((run) => {
      const [, , , , x, y] = run.transform;
      const piece = drawn.find((candidate) => candidate.page === run.page && Math.abs(candidate.x - x) < 0.1 && Math.abs(792 - y - candidate.y) < candidate.fontSize);
      return [run.font, piece?.font ?? 'Times-Roman'];
    }),
  );
  measure = (text, font) => textWidth(text, fontOfRun.get(font) ?? 'Times-Roman', 100);
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

function spanOf(value: string, after = 0): [number, number] {
  const found = locatePhrase(source.text.slice(after), value);
  if (!found) throw new Error(`"${value}" is not in the text`);
  return [after + found.start, after + found.end];
}

describe('value boxes', () => {
  test('lie where the generator drew each value, to a tenth of a point, one box per line', () => {
    const { truth } = letter;
    const item = truth.items[0]!;
    const values = [truth.caseNumber!, truth.extra.header!.dateAssigned, truth.extra.header!.applicationReceived, truth.reviewerSpecialty!, item.decision, item.claimsAdministratorGuideline];
    const serviceStart = spanOf(`${item.service}:`)[0];
    for (const value of values) {
      const span = spanOf(value, value === item.decision || value === item.claimsAdministratorGuideline ? serviceStart : 0);
      const occurrence = [...source.text.slice(0, span[0]).matchAll(phrasePattern(value))].length;
      const expected = drawnBoxes(drawn, value, occurrence)!;
      const boxes = spanBoxes(span, source.pdf!.layout, source.text, frames, measure);
      expect(boxes.length, value).toBe(expected.length);
      boxes.forEach((box, i) => {
        const want = expected[i]!;
        expect(box.page).toBe(want.page);
        expect(Math.abs(box.left - want.left), `${value}: left`).toBeLessThan(0.1);
        expect(Math.abs(box.left + box.width - want.right), `${value}: right`).toBeLessThan(0.1);
        expect(box.top).toBeLessThan(want.baseline - 0.6 * want.fontSize);
        expect(box.top + box.height).toBeGreaterThan(want.baseline);
        expect(box.height).toBeLessThan(1.2 * want.fontSize);
      });
    }
  });

  test('leave out blanks at a run’s edges and join pieces side by side on one line', () => {
    const { layout } = source.pdf!;
    const caseLine = spanOf(`Case Number: ${letter.truth.caseNumber}`);
    const boxes = spanBoxes(caseLine, layout, source.text, frames, measure);
    expect(boxes).toHaveLength(2);
    const [label, value] = boxes as [(typeof boxes)[0], (typeof boxes)[0]];
    expect(value.left - (label.left + label.width)).toBeGreaterThan(20);
    expect(spanBoxes([caseLine[0], caseLine[0]], layout, source.text, frames, measure)).toEqual([]);
  });
});

describe('the printed width', () => {
  test('runs from the leftmost to the rightmost text the generator drew on any page', () => {
    const edges = drawn.filter((piece) => piece.text.trim() !== '').map((piece) => [piece.x, piece.x + textWidth(piece.text, piece.font, piece.fontSize)] as const);
    const extent = printedExtent(source.pdf!.layout, source.text, frames)!;
    expect(Math.abs(extent.left - Math.min(...edges.map(([left]) => left)))).toBeLessThan(0.1);
    expect(Math.abs(extent.right - Math.max(...edges.map(([, right]) => right)))).toBeLessThan(0.5);
    expect(extent.right - extent.left).toBeLessThan(LETTER_FRAME.width - 100);
    expect(printedExtent({ fonts: [], runs: [] }, '', frames)).toBeNull();
  });
});

describe("the page's reading order", () => {
  test('reads the header table row by row; the text reads the wrapped label out of that order, and nothing else', () => {
    const { layout } = source.pdf!;
    const order = pageOrder(layout, source.text, frames, 0);
    const shown = order.map(({ run }) => source.text.slice(layout.runs[run]!.start, layout.runs[run]!.end));
    const row = shown.indexOf('Application');
    expect(shown.slice(row, row + 3)).toEqual(['Application', letter.truth.extra.header!.applicationReceived, 'Received:']);
    const out = [...runsOutOfOrder(order)].map((run) => source.text.slice(layout.runs[run]!.start, layout.runs[run]!.end));
    expect(out).toHaveLength(1);
    expect(['Received:', letter.truth.extra.header!.applicationReceived]).toContain(out[0]);
    for (let page = 1; page < frames.length; page++) expect(runsOutOfOrder(pageOrder(layout, source.text, frames, page)).size).toBe(0);
  });
});

describe('a selection on the page', () => {
  test('is one stretch where the page and the text agree, across line breaks', () => {
    const rationale = letter.truth.items[0]!.rationale;
    const [start, end] = spanOf(rationale);
    const { runs } = source.pdf!.layout;
    const pieces = runs.filter((run) => run.start < end && run.end > start).map((run) => [Math.max(start, run.start), Math.min(end, run.end)] as const);
    expect(pieces.length).toBeGreaterThan(1);
    expect(selectedStretches(pieces, source.text)).toEqual([[start, end]]);
  });

  test("takes the page's order where the text's departs from it, and nothing for blanks", () => {
    const application = spanOf('Application');
    const received = spanOf('Received:', application[1]);
    const date = spanOf(letter.truth.extra.header!.applicationReceived, application[1]);
    expect(received[0]).toBeLessThan(date[0]);
    expect(selectedStretches([application, date, received], source.text)).toEqual([application, date, received]);
    expect(selectedStretches([[application[1], application[1] + 1]], source.text)).toBeNull();
  });
});
