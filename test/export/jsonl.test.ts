/** The JSONL export, value by value, against a library built with the storage services. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { exportDataset } from '../../src/main/export/index.ts';
import { getLetter } from '../../src/main/storage/index.ts';
import { useTempFolder } from '../storage/helpers.ts';
import { buildReviewedDataset, PARTIAL, REVIEWER, TRICKY_RATIONALE } from './dataset.ts';

const temp = useTempFolder();

function readJsonl(file: string): Record<string, unknown>[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('JSONL export', () => {
  test('one line per verified letter in sha256 order, with items nested and every provenance field', async () => {
    const library = temp.library({ reviewer: REVIEWER });
    const dataset = buildReviewedDataset(library);
    const outDir = path.join(temp.folder(), 'out');

    const result = await exportDataset(library.file, { format: 'jsonl', outDir });

    const records = readJsonl(path.join(outDir, 'letters.jsonl'));
    const verified = [dataset.sha.edited, dataset.sha.partial, dataset.sha.empty].sort();
    expect(records.map((record) => record.sha256)).toEqual(verified);
    expect(result.letters).toBe(3);
    expect(result.items).toBe(3);
    expect(result.files.map((file) => path.basename(file.path))).toEqual(['letters.jsonl', 'README.md']);

    const stored = getLetter(library.db, dataset.letterIds.edited);
    const edited = records.find((record) => record.sha256 === dataset.sha.edited);
    expect(edited).toEqual({
      file: 'CM16-0000101.txt',
      sha256: dataset.sha.edited,
      format: 'F1-credentials-block',
      caseNumber: 'CM16-0000101',
      reviewerSpecialty: 'Physical Medicine & Rehabilitation',
      reviewerLicensure: 'California',
      reviewerSubspecialty: null,
      licensureStates: ['California'],
      licensedInCalifornia: true,
      header: {
        dateAssigned: '11/09/2016',
        decisionDate: '12/09/2016',
        priority: 'Standard',
        dateOfInjury: 'unknown',
        urDenialDate: '11/03/2016',
        applicationReceived: '11/03/2016',
      },
      items: [
        {
          service: 'MRI of the lumbar spine',
          decision: 'Upheld',
          claimsAdministratorGuideline: 'Decision based on MTUS Chronic Pain Medical Treatment 2016.',
          maximusGuideline: 'Decision based on MTUS Chronic Pain Medical Treatment 2016.',
          rationale: TRICKY_RATIONALE,
          partial: null,
          warnings: [],
          status: 'unreviewed',
          addedByReviewer: false,
          editedFields: ['rationale'],
          tags: ['imaging, MRI'],
          structureCorrections: {},
          structure: expect.objectContaining({ category: 'imaging', bodyParts: [{ name: 'lumbar spine', laterality: null }] }),
        },
        {
          service: 'Acupuncture, 6 visits — “extended”',
          decision: 'Upheld',
          claimsAdministratorGuideline: 'Decision based on MTUS Chronic Pain Medical Treatment 2016.',
          maximusGuideline: 'Decision based on MTUS Chronic Pain Medical Treatment 2016.',
          rationale: 'The request is not medically necessary.',
          partial: null,
          warnings: [],
          status: 'unreviewed',
          addedByReviewer: false,
          editedFields: ['decision'],
          tags: [],
          structureCorrections: {},
          structure: expect.objectContaining({ category: 'acupuncture', sessions: { perWeek: null, weeks: null, total: 6 } }),
        },
      ],
      warnings: [],
      parserVersion: 'test-1',
      fileSize: stored?.fileSize,
      sourceKind: 'text',
      pageCount: 2,
      status: 'verified',
      flagReason: null,
      verifiedBy: REVIEWER,
      verifiedAt: stored?.verifiedAt,
      reviewState: 'verified',
      editedFields: [],
      tags: ['urgent'],
      notes: [{ author: REVIEWER, createdAt: stored?.notes[0]?.createdAt, body: 'Checked against the PDF.' }],
      // The rule checks over the exported values: the letter printed a word for the date of injury.
      checks: [
        { code: 'date-invalid', field: 'dateOfInjury', message: expect.stringContaining('"unknown"') },
        { code: 'rationale-without-conclusion', field: 'decision', itemIndex: 0, message: expect.any(String) },
      ],
    });
    expect(stored?.verifiedAt).toMatch(/^\d{4}-\d\d-\d\dT/);

    const partial = records.find((record) => record.sha256 === dataset.sha.partial) as {
      header: unknown;
      items: { partial: unknown }[];
      reviewerLicensure: string;
      licensureStates: string[];
      licensedInCalifornia: boolean;
      checks: { code: string }[];
    };
    expect(partial.header).toBeNull();
    // Licensure is a fact listed with the letter, not a finding.
    expect([partial.reviewerLicensure, partial.licensureStates, partial.licensedInCalifornia]).toEqual(['Texas, FL', ['Texas', 'Florida'], false]);
    expect(partial.checks.map((check) => check.code)).not.toContain('reviewer-licensure-state');
    expect(partial.items[0]?.partial).toEqual(PARTIAL);
    const empty = records.find((record) => record.sha256 === dataset.sha.empty) as { items: unknown[]; warnings: { code: string }[] };
    expect(empty.items).toEqual([]);
    expect(empty.warnings.map((warning) => warning.code)).toEqual(['no-items']);
  });

  test('spans are left out by default and included on request, pointing at the values in the text', async () => {
    const library = temp.library({ reviewer: REVIEWER });
    const dataset = buildReviewedDataset(library);
    const plain = path.join(temp.folder(), 'plain');
    const withSpans = path.join(temp.folder(), 'spans');
    await exportDataset(library.file, { format: 'jsonl', outDir: plain });
    await exportDataset(library.file, { format: 'jsonl', outDir: withSpans, withSpans: true });

    const [withoutRecord] = readJsonl(path.join(plain, 'letters.jsonl')) as { spans?: unknown; items: { spans?: unknown }[] }[];
    expect(withoutRecord).not.toHaveProperty('spans');
    expect(withoutRecord?.items[0]).not.toHaveProperty('spans');

    const text = getLetter(library.db, dataset.letterIds.partial)?.text ?? '';
    const record = readJsonl(path.join(withSpans, 'letters.jsonl')).find((r) => r.sha256 === dataset.sha.partial) as {
      spans: Record<string, [number, number][]>;
      items: { spans: Record<string, [number, number][]> }[];
    };
    // Each value's source is a list of [start, end) spans (one unless a reviewer joined two values).
    const at = (spans: [number, number][] | undefined) => spans?.map(([start, end]) => text.slice(start, end)).join(' ');
    expect(at(record.spans.caseNumber)).toBe('CM17-0000202');
    expect(at(record.items[0]?.spans.imrEligiblePortion)).toBe(PARTIAL.imrEligiblePortion);
    expect(at(record.items[0]?.spans.decision)).toBe('Overturned');
  });
});
