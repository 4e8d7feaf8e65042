/**
 * The PDF reader's two results: the text, unchanged from what pdf-parse 2.4.5 read before the
 * reader kept positions (every stored span depends on it), and the text runs, which must cover the
 * text and sit where the generator drew them.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readLetterFile } from '../../src/main/letters/reading/index.ts';
import type { LetterSource } from '../../src/shared/source.ts';
import type { DrawnText, LetterVariant } from '../fixtures/index.ts';
import { generateLetter, writeLetterPdf } from '../fixtures/index.ts';
import { fontAscender, textWidth } from '../fixtures/measure.ts';

const REAL_LETTERS = resolve(import.meta.dirname, '../../../shared/letters/dev');
const LETTER_HEIGHT = 792;

const VARIANTS: Partial<LetterVariant>[] = [
  {},
  { pageBreakInHeader: true, headerLines: 5 },
  { decisionOnNextLine: true, doubleSpaceBeforeDecision: true, itemCount: 4 },
  { partials: [{ wording: 'leaving', trailingIs: true }], curlyPunctuation: true, lineFinalHyphens: true },
  { itemCount: 21, mixedDecisions: true, noBlankBeforeHeader: true, pageBreakBeforeGuideline: true },
];

let directory = '';
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'imr-pdf-layout-'));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

/** The text exactly as the reader made it with pdf-parse: getText without a cell separator, pages ended with "\n\f". */
async function pdfParseText(path: string): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(await readFile(path)), isEvalSupported: false });
  try {
    const { pages } = await parser.getText({ cellSeparator: '' });
    return pages.map(({ text }) => `${text.endsWith('\n') ? text : `${text}\n`}\f`).join('');
  } finally {
    await parser.destroy();
  }
}

async function generated(index: number, options: Partial<LetterVariant>, encrypted = false): Promise<{ path: string; drawn: DrawnText[] }> {
  const path = join(directory, `letter-${index}${encrypted ? '-encrypted' : ''}.pdf`);
  const drawn = await writeLetterPdf(generateLetter(300 + index, options), path, encrypted ? { encryption: { userPassword: '' } } : {});
  return { path, drawn };
}

function expectRunsCoverText(source: LetterSource): void {
  const runs = source.pdf!.layout.runs;
  const covered = new Uint8Array(source.text.length);
  let previousEnd = 0;
  for (const run of runs) {
    expect(run.start).toBeGreaterThanOrEqual(previousEnd);
    expect(run.end).toBeGreaterThan(run.start);
    expect(run.start).toBeGreaterThanOrEqual(source.pageOffsets[run.page]!);
    expect(run.end).toBeLessThanOrEqual(source.pageOffsets[run.page + 1] ?? source.text.length);
    covered.fill(1, run.start, run.end);
    previousEnd = run.end;
  }
  const uncovered = [...source.text].filter((char, at) => covered[at] === 0 && char.trim() !== '');
  expect(uncovered).toEqual([]);
}

describe('the PDF reader', () => {
  test('reads the text pdf-parse read, byte for byte, open and encrypted', async () => {
    for (const [index, options] of VARIANTS.entries()) {
      for (const encrypted of [false, true]) {
        const { path } = await generated(index, options, encrypted);
        expect((await readLetterFile(path)).text, `variant ${index}`).toBe(await pdfParseText(path));
      }
    }
  });

  test.skipIf(!existsSync(REAL_LETTERS))('reads the text pdf-parse read from every real letter (skipped without ../shared/letters/dev)', async () => {
    const files = (await readdir(REAL_LETTERS)).filter((name) => name.endsWith('.pdf'));
    expect(files.length).toBeGreaterThan(0);
    for (const name of files) {
      const path = join(REAL_LETTERS, name);
      const source = await readLetterFile(path);
      expect(source.text, name).toBe(await pdfParseText(path));
      expectRunsCoverText(source);
    }
  });

  test('keeps the bytes it read and one run per text item, covering every printed character in order', async () => {
    for (const [index, options] of VARIANTS.entries()) {
      const { path } = await generated(index, options);
      const source = await readLetterFile(path);
      expect(Buffer.from(source.pdf!.bytes).equals(await readFile(path))).toBe(true);
      expectRunsCoverText(source);
    }
  });

  test('puts every run where the generator drew its text: start, baseline and width within a tenth of a point', async () => {
    const { path, drawn } = await generated(9, { itemCount: 3, headerTable: true });
    const { text, pdf } = await readLetterFile(path);
    const { runs } = pdf!.layout;
    let matched = 0;
    for (const run of runs) {
      const shown = text.slice(run.start, run.end);
      if (shown.trim() === '') continue;
      const [, , , , x, y] = run.transform;
      const baseline = LETTER_HEIGHT - y;
      const piece = drawn.find(
        (candidate) =>
          candidate.page === run.page && Math.abs(candidate.x - x) < 0.1 && Math.abs(candidate.y + fontAscender(candidate.font) * candidate.fontSize - baseline) < 0.1,
      );
      expect(piece, `no piece drawn at "${shown}"`).toBeDefined();
      expect(piece!.text.startsWith(shown)).toBe(true);
      expect(Math.abs(textWidth(shown, piece!.font, piece!.fontSize) - run.width)).toBeLessThan(0.1);
      matched++;
    }
    expect(matched).toBeGreaterThan(50);
  });
});
