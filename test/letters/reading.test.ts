import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, copyFile, mkdir, mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LetterReadError, readLetterFile } from '../../src/main/letters/reading/index.ts';
import type { ReadErrorCode } from '../../src/shared/source.ts';
import {
  BAD_FILE_KINDS,
  encodeText,
  generateLetter,
  renderLetterText,
  TEXT_FILE_ENCODINGS,
  writeBadFile,
  writeLetterPdf,
  writeLetterText,
  type BadFileKind,
} from '../fixtures/index.ts';

const REAL_LETTERS = resolve(import.meta.dirname, '../../../shared/letters/dev');
const realLettersPresent = existsSync(REAL_LETTERS);
const isRoot = process.getuid?.() === 0;

let directory = '';
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'imr-reading-'));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

async function readError(path: string, options?: { maxBytes?: number }): Promise<LetterReadError> {
  try {
    await readLetterFile(path, options);
  } catch (error) {
    if (error instanceof LetterReadError) return error;
    throw error;
  }
  throw new Error(`${path} was read without an error`);
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Offsets just after each form feed that has text after it. */
function pageStarts(text: string): number[] {
  return [...text.matchAll(/\f/g)].map((m) => m.index + 1).filter((offset) => text.slice(offset).trim() !== '');
}

describe('text letters', () => {
  test('every encoding decodes to the same text, BOM stripped, CRLF and form feeds kept', async () => {
    const letter = generateLetter(80, { curlyPunctuation: true });
    const expected = renderLetterText(letter, 'layout', { crlf: true });
    expect(expected).toContain('\f');
    for (const encoding of TEXT_FILE_ENCODINGS) {
      const path = join(directory, `letter-${encoding}.txt`);
      await writeLetterText(letter, path, { style: 'layout', encoding, crlf: true });
      const bytes = await readFile(path);
      const source = await readLetterFile(path);
      expect(source.text).toBe(expected);
      expect(source.encoding).toBe(encoding === 'utf-8-bom' ? 'utf-8' : encoding);
      expect(source).toMatchObject({ kind: 'text', fileName: `letter-${encoding}.txt`, path, size: bytes.length });
      // Each form feed followed by more text starts a page, as in the PDF the text came from.
      expect(source.pageOffsets).toEqual([0, ...pageStarts(expected)]);
      expect(source.pageOffsets).toHaveLength(letter.pages.length);
      expect(source.sha256).toBe(sha256(bytes));
    }
  });

  test('bytes that are not UTF-8 fall back to windows-1252', async () => {
    const path = join(directory, 'latin.txt');
    await writeFile(path, encodeText('The patient’s “burning” pain – café\r\n', 'windows-1252'));
    expect(await readLetterFile(path)).toMatchObject({ text: 'The patient’s “burning” pain – café\r\n', encoding: 'windows-1252' });
  });

  test('a seed-style letter keeps its exact text (trailing spaces, blank lines)', async () => {
    const path = join(directory, 'seed-style.TXT');
    const written = await writeLetterText(generateLetter(81), path, { style: 'seed' });
    expect((await readLetterFile(path)).text).toBe(written);
  });
});

describe('PDF letters', () => {
  test('pages are kept: the text at each page offset starts that page', async () => {
    const letter = generateLetter(82, { itemCount: 6 });
    const path = join(directory, 'letter.pdf');
    await writeLetterPdf(letter, path);
    const source = await readLetterFile(path);
    const expectedPages = renderLetterText(letter, 'plain').split('\f').slice(0, -1);
    expect(expectedPages.length).toBeGreaterThanOrEqual(3);
    expect(source).toMatchObject({ kind: 'pdf', encoding: null, text: renderLetterText(letter, 'plain') });
    expect(source.pageOffsets).toHaveLength(expectedPages.length);
    source.pageOffsets.forEach((offset, index) => {
      const page = expectedPages[index] ?? '';
      expect(source.text.slice(offset, offset + page.length + 1)).toBe(`${page}\f`);
      if (offset > 0) expect(source.text.slice(offset - 2, offset)).toBe('\n\f');
    });
    expect(source.sha256).toBe(sha256(await readFile(path)));
  });

  test('an AES-encrypted PDF with an empty user password reads like the open one', async () => {
    const letter = generateLetter(83);
    const open = join(directory, 'open.pdf');
    const encrypted = join(directory, 'encrypted.pdf');
    await writeLetterPdf(letter, open);
    await writeLetterPdf(letter, encrypted, { encryption: { userPassword: '' } });
    const [openSource, encryptedSource] = await Promise.all([readLetterFile(open), readLetterFile(encrypted)]);
    expect(encryptedSource.text).toBe(openSource.text);
    expect(encryptedSource.sha256).not.toBe(openSource.sha256);
  });

  test('the content decides: a PDF named .txt is read as a PDF, upper-case extensions work', async () => {
    const letter = generateLetter(84);
    const pdf = join(directory, 'saved-as.txt');
    await writeLetterPdf(letter, pdf);
    expect(await readLetterFile(pdf)).toMatchObject({ kind: 'pdf', text: renderLetterText(letter, 'plain') });
    const upper = join(directory, 'UPPER.PDF');
    await copyFile(pdf, upper);
    expect((await readLetterFile(upper)).kind).toBe('pdf');
  });
});

describe('files that cannot be read', () => {
  const expectedCodes: Record<BadFileKind, ReadErrorCode> = {
    'corrupt-pdf': 'corrupt-pdf',
    'password-pdf': 'password-protected',
    'scanned-pdf': 'no-text-layer',
    'empty-pdf': 'empty-file',
    'empty-text': 'empty-file',
    'blank-text': 'empty-file',
    'binary-text': 'binary-file',
    'huge-text': 'too-large',
  };

  test.each(BAD_FILE_KINDS)('%s gives its code and a message naming the file', async (kind) => {
    const fileName = `CM17-${kind}.${kind.endsWith('-pdf') ? 'pdf' : 'txt'}`;
    const path = join(directory, fileName);
    await writeBadFile(kind, path, { minBytes: 300_000 });
    const error = await readError(path, { maxBytes: 200_000 });
    expect(error.code).toBe(expectedCodes[kind]);
    expect(error.file).toBe(path);
    expect(error.message.startsWith(`${fileName}: `)).toBe(true);
  });

  test('messages say why in words', async () => {
    const locked = join(directory, 'CM17-0001.pdf');
    await writeBadFile('password-pdf', locked);
    expect((await readError(locked)).message).toBe('CM17-0001.pdf: the PDF is password-protected');
    const scanned = join(directory, 'scan.pdf');
    await writeBadFile('scanned-pdf', scanned);
    expect((await readError(scanned)).message).toBe('scan.pdf: the PDF has no text layer; it may be a scanned image');
  });

  test('a .pdf that does not start with %PDF is corrupt', async () => {
    const path = join(directory, 'not-really.pdf');
    await writeFile(path, renderLetterText(generateLetter(85), 'plain'));
    expect(await readError(path)).toMatchObject({ code: 'corrupt-pdf', message: 'not-really.pdf: the file is not a PDF (it does not start with %PDF)' });
  });

  test('control characters without NULs still mark a file as binary', async () => {
    const path = join(directory, 'controls.txt');
    await writeFile(path, Buffer.from(Array.from({ length: 400 }, (_, index) => (index % 3 === 0 ? 0x01 + (index % 8) : 0x41))));
    expect((await readError(path)).code).toBe('binary-file');
  });

  test('the default size limit is checked before reading', async () => {
    const path = join(directory, 'sparse.txt');
    await writeFile(path, '');
    await truncate(path, 51 * 1024 * 1024);
    const error = await readError(path);
    expect(error.code).toBe('too-large');
    expect(error.message).toBe('sparse.txt: the file is 51 MB, over the 50 MB limit');
  });

  test('unsupported types, missing files and folders', async () => {
    const docx = join(directory, 'letter.docx');
    await writeFile(docx, 'text');
    expect(await readError(docx)).toMatchObject({ code: 'unsupported-type', message: 'letter.docx: ".docx" files are not letters; only .pdf and .txt can be read' });
    expect(await readError(join(directory, 'missing.pdf'))).toMatchObject({ code: 'not-found', message: 'missing.pdf: the file does not exist' });
    const folder = join(directory, 'folder.pdf');
    await mkdir(folder);
    expect(await readError(folder)).toMatchObject({ code: 'unreadable', message: 'folder.pdf: this is a folder, not a file' });
    expect((await readError('')).code).toBe('not-found');
  });

  // Root may read any file, so the denial can only be shown to a regular user.
  test.skipIf(isRoot)(
    `a file without read permission is unreadable${isRoot ? ' (skipped: running as root, which reads any file)' : ''}`,
    async () => {
      const path = join(directory, 'private.txt');
      await writeFile(path, 'letter text');
      await chmod(path, 0o000);
      expect(await readError(path)).toMatchObject({ code: 'unreadable', message: 'private.txt: permission to read the file was denied' });
    },
  );
});

describe(`real letters in ${REAL_LETTERS}`, () => {
  test.skipIf(!realLettersPresent)(
    `every real PDF extracts with its pages (skipped when ${REAL_LETTERS} is absent)`,
    async () => {
      const pdfs = (await readdir(REAL_LETTERS)).filter((file) => file.endsWith('.pdf'));
      expect(pdfs.length).toBeGreaterThan(0);
      for (const file of pdfs) {
        const source = await readLetterFile(join(REAL_LETTERS, file));
        const gold = JSON.parse(await readFile(join(REAL_LETTERS, file.replace(/\.pdf$/, '.json')), 'utf8'));
        const pdftotextPages = (await readFile(join(REAL_LETTERS, file.replace(/\.pdf$/, '.txt')), 'utf8')).split('\f').length - 1;
        expect(source.kind).toBe('pdf');
        expect(source.pageOffsets).toHaveLength(pdftotextPages);
        expect(source.text).toContain('IMR ISSUES, DECISIONS AND RATIONALES');
        expect(source.text).toContain(`Case Number: ${gold.caseNumber}`);
        expect(source.text.replace(/\s+/g, ' ')).toContain(gold.items[0].decision);
      }
    },
  );
});
