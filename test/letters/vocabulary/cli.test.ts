/** `imr-review vocabulary <folder>`, run through the real bin script on gold files written here. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { VocabularyReport } from '../../../src/main/letters/vocabulary/index.ts';
import { cli } from '../../cli/runCli.ts';

let dir: string;

const item = (service: string, claimsAdministratorGuideline: string, maximusGuideline: string) => ({
  service,
  decision: 'Upheld',
  claimsAdministratorGuideline,
  maximusGuideline,
  rationale: 'Not needed here.',
});

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'imr-vocabulary-'));
  const first = {
    items: [
      item('Meloxicam 15mg #30', 'Decision based on MTUS Chronic Pain Medical Treatment 2009, Section(s): NSAIDs (non-steroidal anti-inflammatory drugs).', 'The Expert Reviewer did not cite any medical evidence for its decision.'),
      item('EA ADD\'L LEVEL', 'Decision based on Non-MTUS Citation Official Disability Guidelines, Criteria for beds.', 'Decision based on MTUS Knee Complaints 2004.'),
    ],
    extra: { header: { decisionDate: '01/10/2017' } },
  };
  const second = { items: [item('Left knee MRI', 'Decision based on Non-MTUS Citation ODG Knee & Leg, MRI.', 'Decision based on MTUS Knee Complaints 2004, Section(s): Special Studies.')], extra: { header: null } };
  await writeFile(path.join(dir, 'A.json'), JSON.stringify(first));
  await writeFile(path.join(dir, 'B.json'), JSON.stringify(second));
  await writeFile(path.join(dir, 'C.json'), '{ not json');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('vocabulary', () => {
  test('prints both shares, the unmapped and unplaced ones, and citations not in force', async () => {
    const { stdout, stderr, code } = await cli('vocabulary', dir);
    expect(code).toBe(0);
    expect(stderr).toBe(`${path.join(dir, 'C.json')}: not a readable gold extraction, skipped\n`);
    expect(stdout).toContain('Guideline fields with every citation mapped: 5/6 83.3% (BELOW the 95.0% target)');
    expect(stdout).toContain('Services with a category other than "other": 2/3 66.7% (BELOW the 95.0% target)');
    expect(stdout).toContain('  A item 2 claimsAdministratorGuideline: Decision based on Non-MTUS Citation Official Disability Guidelines, Criteria for beds.');
    expect(stdout).toContain("  A item 2 service: EA ADD'L LEVEL");
    expect(stdout).toContain('chronic-pain (2009) was not in force on 2017-01-10 (2009-07-18 to 2016-07-27).');
  });

  test('--json prints the report as one JSON object', async () => {
    const { stdout, code } = await cli('vocabulary', dir, '--json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as VocabularyReport;
    expect([report.letters, report.items, report.guidelines.fields, report.guidelines.mapped]).toEqual([2, 3, 6, 5]);
    expect(report.services.byCategory).toEqual({ 'prescription-drug': 1, other: 1, imaging: 1 });
    expect(report.guidelines.bySource).toEqual({ mtus: 3, 'no-evidence': 1, odg: 2 });
    expect(report.notInForce.map((entry) => [entry.letter, entry.item, entry.field])).toEqual([['A', 1, 'claimsAdministratorGuideline']]);
  });

  test('usage errors exit with 2', async () => {
    expect((await cli('vocabulary')).code).toBe(2);
    expect((await cli('vocabulary', path.join(dir, 'A.json'))).stderr).toContain('not a folder');
    expect((await cli('vocabulary', dir, '--bogus')).code).toBe(2);
  });
});
