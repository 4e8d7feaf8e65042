import { describe, expect, it } from 'vitest';
import type { Decision } from '../../src/shared/letter.ts';
import {
  getLetter,
  getLetterSource,
  hasLetterWithSha256,
  insertParsedLetter,
} from '../../src/main/storage/letters.ts';
import { startImportRun } from '../../src/main/storage/importRuns.ts';
import { buildLetter, slice, useTempFolder } from './helpers.ts';

const temp = useTempFolder();

const twoItems = buildLetter({
  caseNumber: 'CM16-0213037',
  items: [
    {
      service: 'Physical therapy 2x4 lumbar spine',
      decision: 'Upheld',
      rationale: 'Prior therapy gave no functional improvement.',
      warnings: ['rationale-contradicts-decision'],
    },
    {
      service:
        'Norco 10/325 #90 was the original request. Norco 10/325 #60 was authorized by the Claims Administrator. The remaining IMR eligible portion of the original request, Norco 10/325 #30 is',
      decision: 'Overturned',
      partial: {
        originalRequest: 'Norco 10/325 #90',
        authorizedByClaimsAdministrator: 'Norco 10/325 #60',
        imrEligiblePortion: 'Norco 10/325 #30',
      },
    },
  ],
  warnings: ['header-boundary-uncertain'],
});

describe('insertParsedLetter', () => {
  it('stores the letter, its text, its items and their spans', () => {
    const { db } = temp.library();
    const runId = startImportRun(db, '/letters');
    const result = insertParsedLetter(db, twoItems.source, twoItems.parsed, runId);
    expect(result.status).toBe('inserted');

    const letter = getLetter(db, result.letterId);
    expect(letter).not.toBeNull();
    if (!letter) return;
    expect(letter.caseNumber).toBe('CM16-0213037');
    expect(letter.importRunId).toBe(runId);
    expect(letter.pageCount).toBe(2);
    expect(letter.text).toBe(twoItems.source.text);
    expect(letter.header?.decisionDate).toBe('12/09/2016');
    expect(letter.reviewerSpecialty).toBe('Orthopaedic Surgery');
    expect(slice(letter.text, letter.spans.caseNumber)).toBe('CM16-0213037');
    expect(slice(letter.text, letter.spans.urDenialDate)).toBe('11/03/2016');
    expect(letter.status).toBe('unreviewed');
    expect(letter.warnings.map((w) => w.code)).toEqual(['header-boundary-uncertain']);

    expect(letter.items.map((item) => item.decision)).toEqual(['Upheld', 'Overturned']);
    const [therapy, norco] = letter.items;
    expect(slice(letter.text, therapy?.spans.rationale)).toBe('Prior therapy gave no functional improvement.');
    expect(slice(letter.text, therapy?.spans.decision)).toBe('Upheld');
    expect(slice(letter.text, therapy?.spans.item)).toMatch(/^Physical therapy.*improvement\.\n$/s);
    expect(norco?.imrEligiblePortion).toBe('Norco 10/325 #30');
    expect(slice(letter.text, norco?.spans.authorizedByClaimsAdministrator)).toBe('Norco 10/325 #60');
    expect(therapy?.warnings.map((w) => w.code)).toEqual(['rationale-contradicts-decision']);
    expect(therapy?.humanEdited).toEqual([]);
    expect(therapy?.addedByReviewer).toBe(false);

    expect(letter.itemCount).toBe(2);
    expect(letter.upheldCount).toBe(1);
    expect(letter.overturnedCount).toBe(1);
    expect(letter.warningCount).toBe(2);
  });

  it('reports a file already in the library as a duplicate and changes nothing', () => {
    const { db } = temp.library();
    expect(hasLetterWithSha256(db, twoItems.source.sha256)).toBe(false);
    const first = insertParsedLetter(db, twoItems.source, twoItems.parsed, null);
    expect(hasLetterWithSha256(db, twoItems.source.sha256)).toBe(true);

    const renamed = { ...twoItems.source, fileName: 'copy.txt', path: '/elsewhere/copy.txt' };
    const second = insertParsedLetter(db, renamed, twoItems.parsed, null);
    expect(second).toEqual({ status: 'duplicate', letterId: first.letterId });
    expect(db.prepare('SELECT COUNT(*) AS n FROM letters').get()).toEqual({ n: 1 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM items').get()).toEqual({ n: 2 });
    expect(getLetter(db, first.letterId)?.fileName).toBe('CM16-0213037.txt');
  });

  it('leaves nothing behind when an item fails to insert', () => {
    const { db } = temp.library();
    const broken = buildLetter({
      caseNumber: 'CM16-0000099',
      items: [
        { service: 'MRI lumbar spine', decision: 'Upheld', rationale: 'findingword' },
        { service: 'Acupuncture', decision: 'Partially' as Decision },
      ],
    });
    expect(() => insertParsedLetter(db, broken.source, broken.parsed, null)).toThrow(/CHECK constraint/);

    for (const table of ['letters', 'letter_texts', 'items']) {
      expect(db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get()).toEqual({ n: 0 });
    }
    expect(hasLetterWithSha256(db, broken.source.sha256)).toBe(false);
    expect(db.prepare("SELECT COUNT(*) AS n FROM item_fts WHERE item_fts MATCH 'findingword'").get()).toEqual({ n: 0 });
    expect(db.prepare("SELECT COUNT(*) AS n FROM letter_text_fts WHERE letter_text_fts MATCH 'findingword'").get()).toEqual({
      n: 0,
    });
  });

  it('keeps a letter without header table or case number apart from an empty header', () => {
    const { db } = temp.library();
    const seedLike = buildLetter({ caseNumber: null, withHeader: false, items: [] });
    const { letterId } = insertParsedLetter(db, seedLike.source, seedLike.parsed, null);
    const letter = getLetter(db, letterId);
    expect(letter?.header).toBeNull();
    expect(letter?.caseNumber).toBeNull();
    expect(letter?.items).toEqual([]);
    expect(letter?.spans.caseNumber).toBeUndefined();
  });
});

describe('getLetterSource', () => {
  it('gives back the source the letter was imported from', () => {
    const { db } = temp.library();
    const { letterId } = insertParsedLetter(db, twoItems.source, twoItems.parsed, null);
    expect(getLetterSource(db, letterId)).toEqual(twoItems.source);
    expect(getLetterSource(db, letterId + 1)).toBeNull();
    expect(getLetter(db, letterId + 1)).toBeNull();
  });
});
