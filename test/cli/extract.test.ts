/** `imr-review extract` and `eval`, run through the real bin script on generated files. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cli } from './runCli.ts';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ExtractionFailure, ExtractionRecord } from '../../src/shared/extraction.ts';
import { generateLetter, writeBadFile, writeLetterPdf, writeLetterText } from '../fixtures/index.ts';


let dir: string;
const pdfLetter = generateLetter(11, { itemCount: 3, headerTable: true });
const textLetter = generateLetter(12, { itemCount: 2, headerTable: true });

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'imr-extract-'));
  await mkdir(path.join(dir, 'nested'));
  await writeLetterPdf(pdfLetter, path.join(dir, 'a.pdf'));
  // The same name as a .txt: the PDF must win.
  await writeLetterText(textLetter, path.join(dir, 'a.txt'), { style: 'layout', encoding: 'utf-8' });
  await writeLetterText(textLetter, path.join(dir, 'nested', 'b.txt'), { style: 'plain', encoding: 'utf-16le' });
  await writeBadFile('corrupt-pdf', path.join(dir, 'nested', 'broken.pdf'));
  await writeFile(path.join(dir, 'notes.docx'), 'not a letter');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('extract', () => {
  test('walks folders, prints one JSON line per letter, reports bad files and goes on', async () => {
    const { stdout, stderr, code } = await cli('extract', dir);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').map((line) => JSON.parse(line) as ExtractionRecord & ExtractionFailure);
    expect(lines.map((line) => path.relative(dir, line.file))).toEqual(['a.pdf', 'nested/b.txt', 'nested/broken.pdf']);
    const [pdf, text, broken] = lines;
    expect(pdf!.caseNumber).toBe(pdfLetter.truth.caseNumber);
    expect(pdf!.items.map((item) => item.service)).toEqual(pdfLetter.truth.items.map((item) => item.service));
    expect(pdf!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(text!.items.map((item) => item.decision)).toEqual(textLetter.truth.items.map((item) => item.decision));
    expect(text!.items[0]!.spans.service).toHaveLength(2);
    expect(broken!.error.code).toBe('corrupt-pdf');
    expect(broken!.error.message).toContain('broken.pdf');
    expect(stderr).toContain('notes.docx');
    expect(stderr).toContain('a.txt: the PDF of the same name is read instead');
  });

  test('a usage error exits non-zero', async () => {
    expect((await cli('extract')).code).toBe(2);
    expect((await cli('no-such-command')).code).toBe(2);
  });
});

describe('eval', () => {
  test('scores a folder of letters against their gold files', async () => {
    const evalDir = await mkdtemp(path.join(tmpdir(), 'imr-eval-'));
    try {
      for (const seed of [21, 22, 23]) {
        const letter = generateLetter(seed, { headerTable: true });
        await writeLetterPdf(letter, path.join(evalDir, `${letter.id}.pdf`));
        await writeFile(path.join(evalDir, `${letter.id}.json`), JSON.stringify(letter.truth));
      }
      // One gold file that disagrees with its letter.
      const wrong = generateLetter(24, { headerTable: true, itemCount: 2 });
      await writeLetterText(wrong, path.join(evalDir, `${wrong.id}.txt`), { style: 'layout', encoding: 'utf-8' });
      const wrongTruth = structuredClone(wrong.truth);
      wrongTruth.items[1]!.decision = wrongTruth.items[1]!.decision === 'Upheld' ? 'Overturned' : 'Upheld';
      await writeFile(path.join(evalDir, `${wrong.id}.json`), JSON.stringify(wrongTruth));

      const { stdout, code } = await cli('eval', evalDir);
      expect(code).toBe(0);
      expect(stdout).toContain('(3 PDF, 1 text)');
      expect(stdout).toMatch(/items\.decision\s+\d+\/\d+/);
      expect(stdout).toContain(`${wrong.id}: items.decision`);
      expect(stdout.trim().split('\n').at(-1)).toBe('letters all fields exact: 3/4');
    } finally {
      await rm(evalDir, { recursive: true, force: true });
    }
  });
});
