/**
 * File names that are not UTF-8 (a Latin-1 disk, an old Windows zip): created here by their
 * bytes, they are found, read and imported, and named readably (each foreign byte as \xNN) in
 * the library, the import's failures and `extract`'s output.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { importLetters } from '../../src/main/import/pipeline.ts';
import { fileSystemPath, nameFromBytes, readableName } from '../../src/main/letters/reading/index.ts';
import type { Library } from '../../src/main/storage/index.ts';
import { openLibrary } from '../../src/main/storage/index.ts';
import { cli } from '../cli/runCli.ts';
import { encodeText, generateLetter, renderLetterText } from '../fixtures/index.ts';

let dir: string;
let library: Library;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'imr-file-names-'));
  library = openLibrary(path.join(dir, 'library.sqlite'), { reviewer: 'Test Reviewer' });
});

afterEach(async () => {
  if (library.db.open) library.close();
  await rm(dir, { recursive: true, force: true });
});

/** Writes a file whose name is these bytes, in `folder`. */
function writeNamed(folder: string, name: Buffer, content: Buffer | string): void {
  writeFileSync(Buffer.concat([Buffer.from(`${folder}/`), name]), content);
}

test('any bytes name a file that goes back to the same bytes; UTF-8 names are left as they are', () => {
  fc.assert(
    fc.property(fc.uint8Array({ minLength: 1, maxLength: 40 }), (bytes) => {
      const name = nameFromBytes(bytes);
      expect(Buffer.from(fileSystemPath(name))).toEqual(Buffer.from(bytes));
    }),
    { numRuns: 2000 },
  );
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', minLength: 1 }), (text) => {
      expect(nameFromBytes(Buffer.from(text))).toBe(text);
      expect(fileSystemPath(text)).toBe(text);
      expect(readableName(text)).toBe(text);
    }),
  );
  expect(readableName(nameFromBytes(Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x2e, 0x74, 0x78, 0x74])))).toBe('caf\\xE9.txt');
  expect(readableName(nameFromBytes(Buffer.from([0xf0, 0x9f, 0x98, 0x80, 0xff, 0xc3])))).toBe('😀\\xFF\\xC3');
});

test('letters whose names are Latin-1 or CP437 bytes are imported, stored under readable names, and a bad one is reported by its readable name', async () => {
  const folder = path.join(dir, 'letters');
  mkdirSync(folder);
  const latin1 = Buffer.from('Décision médicale.txt', 'latin1');
  const cp437 = Buffer.from([0x82, 0x74, 0x82, 0x2e, 0x74, 0x78, 0x74]);
  writeNamed(folder, latin1, encodeText(renderLetterText(generateLetter(7310), 'layout'), 'utf-8'));
  writeNamed(folder, cp437, encodeText(renderLetterText(generateLetter(7311), 'layout'), 'utf-8'));
  writeNamed(folder, Buffer.from('vide\xff.pdf', 'latin1'), '%PDF-1.7 broken');

  const summary = await importLetters(library, [folder], { threads: 1 });
  expect(summary).toMatchObject({ status: 'completed', imported: 2, failed: 1 });
  const stored = library.db.prepare('SELECT file_name, file_path FROM letters ORDER BY id').all();
  expect(stored).toEqual([
    { file_name: 'D\\xE9cision m\\xE9dicale.txt', file_path: path.join(folder, 'D\\xE9cision m\\xE9dicale.txt') },
    { file_name: '\\x82t\\x82.txt', file_path: path.join(folder, '\\x82t\\x82.txt') },
  ]);
  expect(summary.failures).toEqual([
    { path: path.join(folder, 'vide\\xFF.pdf'), code: 'corrupt-pdf', message: expect.stringMatching(/^vide\\xFF\.pdf: the PDF is damaged/) as string },
  ]);
  expect(summary.failures.map((failure) => failure.code)).not.toContain('not-found');

  const extracted = await cli('extract', folder);
  const lines = extracted.stdout.trim().split('\n').map((line) => JSON.parse(line) as { file: string; error?: { code: string } });
  expect(lines.map((line) => [line.file, line.error?.code ?? null])).toEqual([
    [path.join(folder, 'D\\xE9cision m\\xE9dicale.txt'), null],
    [path.join(folder, 'vide\\xFF.pdf'), 'corrupt-pdf'],
    [path.join(folder, '\\x82t\\x82.txt'), null],
  ]);
});
