/**
 * import-dataset on a letter whose two sides hold different numbers of items: their list
 * replaces ours when only they vouch for theirs, and is a conflict when both sides do; items
 * are never paired by position across lists of different lengths.
 */
import { describe, expect, test } from 'vitest';
import { importDataset } from '../../src/main/export/index.ts';
import { getLetter, listConflicts } from '../../src/main/storage/index.ts';
import { addItem, updateItemField } from '../review/asReviewer.ts';
import { useTempFolder } from '../storage/helpers.ts';
import { exportJsonl, twoReviewers } from './twoReviewers.ts';

const temp = useTempFolder();

const services = (letter: ReturnType<typeof getLetter>) => letter?.items.map((item) => item.service);

describe('item lists of different lengths', () => {
  test('their longer list, an item they added, replaces ours that nobody touched', async () => {
    const { ours, theirs } = twoReviewers(temp);
    addItem(theirs.library.db, theirs.letterId, { values: { service: 'Knee brace', decision: 'Overturned' } });
    const file = await exportJsonl(temp, theirs.library);

    expect(await importDataset(ours.library, file)).toMatchObject({ merged: 1, fieldsTaken: 1, conflicts: 0 });

    expect(services(getLetter(ours.library.db, ours.letterId))).toEqual(['MRI lumbar spine', 'Physical therapy x12', 'Knee brace']);
    expect(listConflicts(ours.library.db)).toEqual([]);
  });

  test('their longer list against ours that a person edited is a conflict, and ours stays', async () => {
    const { ours, theirs } = twoReviewers(temp);
    addItem(theirs.library.db, theirs.letterId, { values: { service: 'Knee brace', decision: 'Overturned' } });
    updateItemField(ours.library.db, ours.itemIds[0] ?? 0, 'service', 'MRI of the lumbar spine');
    const file = await exportJsonl(temp, theirs.library);

    expect(await importDataset(ours.library, file)).toMatchObject({ merged: 1, fieldsTaken: 0, conflicts: 1 });

    expect(services(getLetter(ours.library.db, ours.letterId))).toEqual(['MRI of the lumbar spine', 'Physical therapy x12']);
    expect(listConflicts(ours.library.db).map((conflict) => [conflict.itemPosition, conflict.field])).toEqual([[null, 'items']]);
  });
});
