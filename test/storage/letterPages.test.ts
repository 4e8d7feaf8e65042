/** The library's copy of each PDF letter and its layout: stored with the letter, read back whole, kept when the file is gone. */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLetter } from '../../src/main/letters/parsing/index.ts';
import { readLetterFile } from '../../src/main/letters/reading/index.ts';
import { hasLetterWithSha256, insertParsedLetter, readLetterPages } from '../../src/main/storage/index.ts';
import { generateLetter, writeLetterPdf } from '../fixtures/index.ts';
import { buildLetter, useTempFolder } from './helpers.ts';

const temp = useTempFolder();

async function readPdfLetter(seed: number) {
  const path = join(temp.folder(), `letter-${seed}.pdf`);
  await writeLetterPdf(generateLetter(seed, { itemCount: 2 }), path);
  const source = await readLetterFile(path);
  return { path, source, parsed: parseLetter(source.text) };
}

describe('letter pages', () => {
  it('keeps a PDF letter’s bytes and layout, and they outlive the file', async () => {
    const { db } = temp.library();
    const { path, source, parsed } = await readPdfLetter(400);
    const bytes = readFileSync(path);
    const { letterId } = insertParsedLetter(db, source, parsed, null);
    rmSync(path);
    const pages = readLetterPages(db, letterId);
    expect(pages?.kind).toBe('pdf');
    if (pages?.kind !== 'pdf') return;
    expect(pages.pdf.equals(bytes)).toBe(true);
    expect(pages.layout).toEqual(source.pdf!.layout);
    expect(hasLetterWithSha256(db, source.sha256)).toBe(true);
  });

  it('says why a letter has none: a text file, or a PDF stored without its pages; and a missing letter has nothing', () => {
    const { db } = temp.library();
    const text = buildLetter({ caseNumber: 'CM16-0000001', items: [{ service: 'Knee MRI', decision: 'Upheld' }] });
    const textId = insertParsedLetter(db, text.source, text.parsed, null).letterId;
    const bare = buildLetter({ caseNumber: 'CM16-0000002', items: [{ service: 'Hip MRI', decision: 'Upheld' }], fileName: 'bare.pdf' });
    const bareId = insertParsedLetter(db, { ...bare.source, kind: 'pdf' }, bare.parsed, null).letterId;
    expect(readLetterPages(db, textId)).toEqual({ kind: 'none', reason: 'text-file' });
    expect(readLetterPages(db, bareId)).toEqual({ kind: 'none', reason: 'no-copy' });
    expect(readLetterPages(db, 9999)).toBeNull();
  });

  it('a PDF stored without its pages counts as not yet read, and reading it again gives it them only when its text is the same', async () => {
    const { db } = temp.library();
    const { source, parsed } = await readPdfLetter(401);
    const { pdf, ...withoutPages } = source;
    const { letterId } = insertParsedLetter(db, withoutPages, parsed, null);
    expect(hasLetterWithSha256(db, source.sha256)).toBe(false);

    expect(insertParsedLetter(db, { ...source, text: `${source.text} ` }, parsed, null)).toEqual({ status: 'duplicate', letterId });
    expect(readLetterPages(db, letterId)).toEqual({ kind: 'none', reason: 'no-copy' });

    expect(insertParsedLetter(db, source, parsed, null)).toEqual({ status: 'duplicate', letterId });
    expect(readLetterPages(db, letterId)).toMatchObject({ kind: 'pdf', layout: pdf!.layout });
    expect(hasLetterWithSha256(db, source.sha256)).toBe(true);
  });

  it('go with their letter', async () => {
    const { db } = temp.library();
    const { source, parsed } = await readPdfLetter(402);
    const { letterId } = insertParsedLetter(db, source, parsed, null);
    db.prepare('DELETE FROM letters WHERE id = ?').run(letterId);
    expect(db.prepare('SELECT COUNT(*) AS n FROM letter_pages').get()).toEqual({ n: 0 });
  });
});
