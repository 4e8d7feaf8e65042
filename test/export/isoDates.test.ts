/**
 * An ISO date (YYYY-MM-DD) entered by a reviewer or carried by another library's export is kept
 * as the letters print it, so every export reads it as the date it is, never as a missing one.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { CSV_FILE, exportDataset, importDataset, resolveConflict } from '../../src/main/export/index.ts';
import type { ExportedLetter } from '../../src/shared/export.ts';
import type { Library } from '../../src/main/storage/index.ts';
import { getLetter, listConflicts, recordConflict } from '../../src/main/storage/index.ts';
import { TEST_ACTOR, updateLetterField } from '../review/asReviewer.ts';
import { useTempFolder } from '../storage/helpers.ts';
import { duckRows } from './readBack.ts';
import { exportJsonl, twoReviewers } from './twoReviewers.ts';

const temp = useTempFolder();

/** The decision date of every row of the library's CSV export, as DuckDB reads the file. */
async function csvDecisionDates(library: Library): Promise<unknown[]> {
  const outDir = path.join(temp.folder(), 'csv');
  await exportDataset(library.file, { format: 'csv', outDir, scope: 'all' });
  const rows = await duckRows(`SELECT DISTINCT decisionDate FROM read_csv('${path.join(outDir, CSV_FILE)}')`);
  return rows.map((row) => row['decisionDate']);
}

/** Their export with the first letter's decision date written as ISO and marked edited, as another tool would hand it over. */
async function theirExportWithIsoDate(theirs: Library): Promise<string> {
  const file = await exportJsonl(temp, theirs);
  const [first, ...rest] = readFileSync(file, 'utf8').trimEnd().split('\n');
  const record = JSON.parse(first ?? '{}') as ExportedLetter;
  const edited: ExportedLetter = {
    ...record,
    header: record.header && { ...record.header, decisionDate: '2017-01-06' },
    editedFields: [...record.editedFields, 'decisionDate'],
  };
  const changed = path.join(temp.folder(), 'theirs.jsonl');
  writeFileSync(changed, `${[JSON.stringify(edited), ...rest].join('\n')}\n`);
  return changed;
}

describe('an ISO date', () => {
  test('typed by a reviewer exports as that date in CSV', async () => {
    const { ours } = twoReviewers(temp);
    updateLetterField(ours.library.db, ours.letterId, 'decisionDate', '2017-01-06');
    expect(getLetter(ours.library.db, ours.letterId)?.header?.decisionDate).toBe('01/06/2017');
    expect(await csvDecisionDates(ours.library)).toEqual(['2017-01-06T00:00:00.000Z']);
  });

  test("in another library's export creates the letter with the date as printed, and it exports as that date", async () => {
    const { theirs } = twoReviewers(temp);
    const target = temp.library();
    expect(await importDataset(target, await theirExportWithIsoDate(theirs.library))).toMatchObject({ created: 1 });
    const id = target.db.prepare('SELECT id FROM letters').pluck().get() as number;
    expect(getLetter(target.db, id)).toMatchObject({ header: expect.objectContaining({ decisionDate: '01/06/2017' }), humanEdited: ['decisionDate'] });
    expect(await csvDecisionDates(target)).toEqual(['2017-01-06T00:00:00.000Z']);
  });

  test('is taken as the date it is in a merge: the same date is no conflict, a date only they vouch for is taken as printed', async () => {
    const same = twoReviewers(temp);
    updateLetterField(same.ours.library.db, same.ours.letterId, 'decisionDate', '01/06/2017');
    expect(await importDataset(same.ours.library, await theirExportWithIsoDate(same.theirs.library))).toMatchObject({ fieldsTaken: 0, conflicts: 0 });
    expect(listConflicts(same.ours.library.db)).toEqual([]);

    const taken = twoReviewers(temp);
    expect(await importDataset(taken.ours.library, await theirExportWithIsoDate(taken.theirs.library))).toMatchObject({ fieldsTaken: 1, conflicts: 0 });
    expect(getLetter(taken.ours.library.db, taken.ours.letterId)?.header?.decisionDate).toBe('01/06/2017');
    expect(await csvDecisionDates(taken.ours.library)).toEqual(['2017-01-06T00:00:00.000Z']);
  });

  test('taken from a conflict (a blind reviewer types dates too) is kept as printed; a date in no readable form is refused', async () => {
    const { ours } = twoReviewers(temp);
    const { db } = ours.library;
    const conflict = (theirs: string) => {
      recordConflict(db, { letterId: ours.letterId, itemPosition: null, field: 'decisionDate', ours: '12/09/2016', theirs, theirReviewer: 'Ben', source: 'older.jsonl' });
      return listConflicts(db).find((open) => open.theirs === theirs)?.id ?? 0;
    };
    const unreadable = conflict('Jan 6, 2017');
    expect(() => resolveConflict(db, TEST_ACTOR, unreadable, 'theirs')).toThrow('Decision date takes a date as MM/DD/YYYY');
    resolveConflict(db, TEST_ACTOR, unreadable, 'ours');
    resolveConflict(db, TEST_ACTOR, conflict('2017-01-06'), 'theirs');
    expect(getLetter(db, ours.letterId)?.header?.decisionDate).toBe('01/06/2017');
    expect(await csvDecisionDates(ours.library)).toEqual(['2017-01-06T00:00:00.000Z']);
  });
});
