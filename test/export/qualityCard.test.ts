/**
 * An export made after an audit: its card states the sample (seed, frame and its size, letters
 * checked), the measured rates and intervals the quality report gives, the blind re-review's
 * agreement and the adjudication; every letter of every format carries its review state.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, test } from 'vitest';
import { exportDataset } from '../../src/main/export/index.ts';
import { qualityReport } from '../../src/main/quality/index.ts';
import type { Interval } from '../../src/shared/quality.ts';
import { QUALITY_MEASURE_LABELS, REVIEW_STATES } from '../../src/shared/quality.ts';
import { addLetters, REVIEWER, THREE_ITEMS } from '../review/helpers.ts';
import { useTempFolder } from '../storage/helpers.ts';
import { buildAuditedLibrary, LETTERS, SAMPLE_SIZE, SEED } from './auditedLibrary.ts';
import { duckRows, readJsonl } from './readBack.ts';

const temp = useTempFolder();

/** The card's way of writing a share: a percentage with one decimal (every share here is 0 or above 0.05%). */
const pct = (share: number) => (share * 100).toFixed(1);
const withInterval = (rate: number, interval: Interval | null) => `${pct(rate)}% (${pct(interval?.low ?? 0)}–${pct(interval?.high ?? 0)}%)`;

/** The audited library, and the card of its JSONL export. */
async function exportAudited() {
  const library = temp.library({ reviewer: REVIEWER.reviewer });
  buildAuditedLibrary(library);
  const outDir = path.join(temp.folder(), 'jsonl');
  await exportDataset(library.file, { format: 'jsonl', outDir, scope: 'all' });
  return { library, card: readFileSync(path.join(outDir, 'README.md'), 'utf8') };
}

describe('the Data quality section of the card', () => {
  test('states the sample, and each measure with the rate, interval and unread letters the quality report gives', async () => {
    const { library, card } = await exportAudited();
    const report = qualityReport(library.db);
    const [sample] = report.samples;
    expect(report.samples).toHaveLength(1);

    expect(card).toContain('## Data quality');
    expect(card).toContain(`- seed ${SEED}, drawn `);
    expect(card).toContain(`- frame: every letter of the library, ${LETTERS} letters when drawn`);
    expect(card).toContain(`- letters checked: 5 of ${SAMPLE_SIZE} drawn`);
    expect(card).toContain('Intervals are exact (Clopper-Pearson) at 95%');

    const wrong = sample!.estimates.filter((estimate) => estimate.errors > 0);
    expect(wrong.map((estimate) => [estimate.measure, estimate.checked, estimate.errors])).toEqual([
      ['service', 5, 1],
      ['decision', 5, 2],
      ['allExact', 5, 3],
    ]);
    for (const estimate of wrong) {
      const { unread } = estimate;
      expect(card).toContain(
        `| ${QUALITY_MEASURE_LABELS[estimate.measure]} | 5 | ${estimate.errors} | ${withInterval(estimate.rate ?? 0, estimate.interval)} | of ${unread.letters} unread letters, about ${withInterval(unread.rate ?? 0, unread.interval)} |`,
      );
    }
    // Checked by hand: 2 of 5 wrong, exact 95% interval 5.3-85.3%; 5 of the 12 letters are verified by nobody.
    expect(card).toContain('| Decision | 5 | 2 | 40.0% (5.3–85.3%) | of 5 unread letters, about 40.0% (5.3–85.3%) |');

    const clean = sample!.estimates.filter((estimate) => estimate.errors === 0);
    const [first] = clean;
    expect(clean.map((estimate) => estimate.interval)).toEqual(clean.map(() => first!.interval));
    expect(card).toContain(
      `No errors in ${clean.map((estimate) => QUALITY_MEASURE_LABELS[estimate.measure]).join(', ')} (each 5 checked: ${withInterval(0, first!.interval)}; of 5 unread letters, about ${withInterval(0, first!.unread.interval)}).`,
    );
    expect(withInterval(0, first!.interval)).toBe('0.0% (0.0–52.2%)');
  });

  test("states the blind re-review's agreement and kappa, and the adjudication", async () => {
    const { library, card } = await exportAudited();
    const [inter, ...others] = qualityReport(library.db).agreement;
    expect(others).toEqual([]);
    expect(inter?.kind).toBe('inter');
    const [decision] = inter!.fields;
    expect([decision?.field, decision?.compared, decision?.agreed]).toEqual(['decision', 6, 5]);
    expect(card).toContain("Inter-rater (reviewers re-reading someone else's letters), 2 letters:");
    expect(card).toContain(`| Decision | 6 | 5 | ${withInterval(decision!.share ?? 0, decision!.interval)} |`);
    const kappa = inter!.kappas.find((estimate) => estimate.field === 'decision');
    expect(card).toContain(`Cohen's kappa: Decision ${kappa!.kappa!.toFixed(2)} (${kappa!.interval!.low.toFixed(2)} to ${kappa!.interval!.high.toFixed(2)}) over 6 items.`);
    expect(card).toContain('1 blind pass, 2 of 2 letters entered.');
    expect(card).toContain('1 decided, 0 open.');
  });

  test('without a sample says plainly that no audit was made', async () => {
    const library = temp.library({ reviewer: REVIEWER.reviewer });
    addLetters(library, [THREE_ITEMS]);
    const outDir = path.join(temp.folder(), 'out');
    await exportDataset(library.file, { format: 'csv', outDir, scope: 'all' });
    const card = readFileSync(path.join(outDir, 'README.md'), 'utf8');
    expect(card).toContain("No audit was made: no sample of letters was drawn and checked, so the error rates of the parser's values are unmeasured.");
    expect(card).toContain('No blind re-review was made');
    expect(card).toContain("This export's letters by `reviewState`: machine 1, verified 0, audited 0, re-reviewed 0, adjudicated 0.");
  });
});

describe('the review state of every letter', () => {
  test('is the strongest that holds, one letter of each state, in JSONL, CSV, Parquet and the workbook alike', async () => {
    const library = temp.library({ reviewer: REVIEWER.reviewer });
    const { caseOf } = buildAuditedLibrary(library);
    const folder = temp.folder();
    for (const format of ['jsonl', 'csv', 'parquet', 'xlsx'] as const) await exportDataset(library.file, { format, outDir: path.join(folder, format), scope: 'all' });
    const file = (format: string, name: string) => path.join(folder, format, name);

    const byCase = new Map(readJsonl(file('jsonl', 'letters.jsonl')).map((letter) => [letter.caseNumber, letter.reviewState]));
    for (const state of REVIEW_STATES) expect([state, byCase.get(caseOf[state])]).toEqual([state, state]);
    const counts = [...byCase.values()].reduce((tally, state) => tally.set(state, (tally.get(state) ?? 0) + 1), new Map<unknown, number>());
    // The sample's other checked letters are audited; the letter drawn but not verified, and the rest, as the parser read them.
    expect(Object.fromEntries(counts)).toEqual({ machine: 5, verified: 1, audited: 4, 're-reviewed': 1, adjudicated: 1 });

    const asJsonl = [...byCase].sort(([a], [b]) => String(a).localeCompare(String(b)));
    const fromDuck = async (source: string) =>
      (await duckRows(`SELECT DISTINCT caseNumber, reviewState FROM ${source} ORDER BY caseNumber`)).map((row) => [row.caseNumber, row.reviewState]);
    expect(await fromDuck(`read_csv('${file('csv', 'items.csv')}')`)).toEqual(asJsonl);
    expect(await fromDuck(`read_parquet('${file('parquet', 'letters.parquet')}')`)).toEqual(asJsonl);
    const sheets = await readXlsxFile(readFileSync(file('xlsx', 'dataset.xlsx')));
    const [header = [], ...rows] = sheets.find((sheet) => sheet.sheet === 'letters')?.data ?? [];
    const at = (name: string) => header.indexOf(name);
    expect(rows.map((row) => [row[at('caseNumber')], row[at('reviewState')]]).sort(([a], [b]) => String(a).localeCompare(String(b)))).toEqual(asJsonl);
  });
});
