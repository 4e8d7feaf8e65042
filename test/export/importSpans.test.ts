/**
 * import-dataset takes a value they edited with their spans only where the spans lie inside
 * our letter's text: a span past its end is dropped, the value still taken as a person's.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { exportDataset, importDataset } from '../../src/main/export/index.ts';
import { getLetter } from '../../src/main/storage/index.ts';
import { updateItemField } from '../review/asReviewer.ts';
import { useTempFolder } from '../storage/helpers.ts';
import { twoReviewers } from './twoReviewers.ts';

const temp = useTempFolder();

interface SpannedRecord {
  readonly items: { readonly spans?: Record<string, [number, number][]> }[];
}

describe('their spans', () => {
  test('a span inside our text comes with the value; one past its end is dropped, and the value still taken', async () => {
    const { ours, theirs } = twoReviewers(temp);
    updateItemField(theirs.library.db, theirs.itemIds[0] ?? 0, 'service', 'MRI');
    updateItemField(theirs.library.db, theirs.itemIds[1] ?? 0, 'service', 'Therapy');
    const outDir = path.join(temp.folder(), 'export');
    await exportDataset(theirs.library.file, { format: 'jsonl', outDir, scope: 'all', withSpans: true });
    const file = path.join(outDir, 'letters.jsonl');
    const record = JSON.parse(readFileSync(file, 'utf8')) as SpannedRecord;
    const text = getLetter(ours.library.db, ours.letterId)?.text ?? '';
    const inside = record.items[0]?.spans?.['service'];
    expect(inside?.length).toBe(1);
    writeFileSync(file, `${JSON.stringify({ ...record, items: record.items.map((item, i) => (i === 1 ? { ...item, spans: { ...item.spans, service: [[text.length + 5, text.length + 12]] } } : item)) })}\n`);

    await importDataset(ours.library, file);

    const [mri, therapy] = getLetter(ours.library.db, ours.letterId)?.items ?? [];
    expect([mri?.service, therapy?.service]).toEqual(['MRI', 'Therapy']);
    expect(mri?.spans['service']).toEqual(inside);
    expect(therapy?.spans['service']).toBeUndefined();
    expect(therapy?.humanEdited).toEqual(['service']);
  });
});
