/** The warning measure: which values are wrong, which are warned, and how items are paired with gold. */
import { describe, expect, test } from 'vitest';
import type { GoldLetter } from '../../src/main/evaluation/compare.ts';
import type { EvaluationReport } from '../../src/main/evaluation/evaluate.ts';
import { formatReport, summarizeReport } from '../../src/main/evaluation/evaluate.ts';
import { flagsValue, formatTally, parserFlags, tallyWarnings, valueVerdicts } from '../../src/main/evaluation/warnings.ts';
import { toExtractionRecord } from '../../src/main/letters/extraction.ts';
import { parseLetter } from '../../src/main/letters/parsing/index.ts';
import type { ExtractionRecord } from '../../src/shared/extraction.ts';
import { generateLetter, renderLetterText } from '../fixtures/index.ts';

const generated = generateLetter(51, { headerTable: true, itemCount: 3, partials: [] });
const gold = generated.truth as GoldLetter;
const record = toExtractionRecord('letter.txt', '', parseLetter(renderLetterText(generated, 'layout')));
/** Letter values (format, case number, 3 credentials, 6 header fields) and 5 per item. */
const VALUES = 11 + 3 * 5;

function withItem(index: number, changes: Partial<ExtractionRecord['items'][number]>): ExtractionRecord {
  return { ...record, items: record.items.map((item, i) => (i === index ? { ...item, ...changes } : item)) };
}

describe('tallyWarnings', () => {
  test('a right letter without warnings: every value right, none warned', () => {
    expect(tallyWarnings(record, gold, parserFlags(record))).toEqual({ wrong: 0, wrongWarned: 0, right: VALUES, rightWarned: 0 });
  });

  test('a wrong value counts as warned only when a warning names its field and item', () => {
    const wrong = withItem(1, { rationale: 'cut short' });
    expect(tallyWarnings(wrong, gold, [])).toMatchObject({ wrong: 1, wrongWarned: 0 });
    expect(tallyWarnings(wrong, gold, [{ code: 'x', field: 'rationale', itemIndex: 0 }])).toMatchObject({ wrongWarned: 0, rightWarned: 1 });
    expect(tallyWarnings(wrong, gold, [{ code: 'x', field: 'rationale', itemIndex: 1 }])).toMatchObject({ wrong: 1, wrongWarned: 1, rightWarned: 0 });
    expect(tallyWarnings(record, gold, [{ code: 'x', field: 'dateAssigned' }])).toMatchObject({ wrong: 0, rightWarned: 1 });
  });

  test("an item's own warnings name it even without an item index (as stored before 1.2.0)", () => {
    const wrong = withItem(2, { service: 'wrong', warnings: [{ code: 'header-boundary-uncertain', message: '', field: 'service' }] });
    expect(tallyWarnings(wrong, gold, parserFlags(wrong))).toMatchObject({ wrong: 1, wrongWarned: 1 });
  });

  test('a missed item is paired around, and its values count as warned only when the letter says an item is missing', () => {
    const merged = { ...record, items: [record.items[0]!, record.items[2]!] };
    expect(tallyWarnings(merged, gold, [])).toEqual({ wrong: 5, wrongWarned: 0, right: VALUES - 5, rightWarned: 0 });
    expect(tallyWarnings(merged, gold, [{ code: 'item-count-mismatch' }])).toMatchObject({ wrong: 5, wrongWarned: 5 });
  });

  test('an extra item is wrong in every value it has', () => {
    const extra = { ...record, items: [...record.items, record.items[0]!] };
    expect(tallyWarnings(extra, gold, [])).toMatchObject({ wrong: 5, right: VALUES });
  });

  test('formatTally reports recall, or that there was nothing to find', () => {
    expect(formatTally('parser warnings:', { wrong: 4, wrongWarned: 3, right: 200, rightWarned: 2 })).toEqual([
      'parser warnings: recall (wrong values warned / wrong values): 3/4 75.0%',
      'parser warnings: false alarms (right values warned / right values): 2/200 1.0%',
    ]);
    expect(formatTally('x', { wrong: 0, wrongWarned: 0, right: 10, rightWarned: 0 })[0]).toMatch(/no wrong values to find$/);
  });
});

describe('the eval report', () => {
  test('prints the warning figures for the parser, and with the rule checks', () => {
    const tally = { wrong: 2, wrongWarned: 2, right: 98, rightWarned: 1 };
    const report: EvaluationReport = {
      folder: 'letters',
      letters: [{ name: 'a', file: 'a.pdf', score: null, warnings: { parser: tally, withChecks: { ...tally, rightWarned: 3 } }, checks: [], vocabulary: null, error: null }],
      fields: new Map(),
      vocabularyGold: 'gold',
    };
    const text = formatReport(report);
    expect(text).toContain('parser warnings: recall (wrong values warned / wrong values): 2/2 100.0%');
    expect(text).toContain('parser warnings: false alarms (right values warned / right values): 1/98 1.0%');
    expect(text).toContain('parser warnings and rule checks: false alarms (right values warned / right values): 3/98 3.1%');
    expect(text.split('\n').at(-1)).toBe('letters all fields exact: 0/1');
  });

  test('prints, per rule check, the letters it fires on and those where it names a value the gold says is wrong', () => {
    const right = { name: 'right', file: 'right.txt', score: { fields: [], itemCountMatches: true, allExact: true }, warnings: null, vocabulary: null, error: null };
    const wrong = { name: 'wrong', file: 'wrong.txt', score: { fields: [], itemCountMatches: true, allExact: false }, warnings: null, vocabulary: null, error: null };
    const report: EvaluationReport = {
      folder: 'letters',
      letters: [
        { ...right, checks: [{ code: 'priority-unknown', onWrongValue: false }] },
        { ...wrong, checks: [{ code: 'priority-unknown', onWrongValue: true }, { code: 'date-invalid', onWrongValue: false }] },
        { ...right, name: 'quiet', checks: [] },
      ],
      fields: new Map(),
      vocabularyGold: 'gold',
    };
    const summary = summarizeReport(report);
    expect(summary.checks.find((check) => check.code === 'priority-unknown')).toEqual({ code: 'priority-unknown', letters: 2, onWrongValue: 1, allRight: ['right'] });
    expect(summary.checks.find((check) => check.code === 'date-invalid')).toEqual({ code: 'date-invalid', letters: 1, onWrongValue: 0, allRight: [] });
    expect(summary.checks.find((check) => check.code === 'case-number-format')).toEqual({ code: 'case-number-format', letters: 0, onWrongValue: 0, allRight: [] });
    const lines = formatReport(report).split('\n');
    expect(lines).toContain(`${'priority-unknown'.padEnd(34)}${'2/3'.padEnd(12)}1/2  (all values right: right)`);
    expect(lines).toContain(`${'date-invalid'.padEnd(34)}${'1/3'.padEnd(12)}0/1`);
  });

  test('a check names a wrong value only where one of its findings sits on it', () => {
    const wrong = withItem(1, { rationale: 'cut short' });
    const verdicts = valueVerdicts(wrong, gold).filter((value) => !value.right);
    expect(verdicts).toEqual([{ field: 'rationale', itemIndex: 1, missing: false, right: false }]);
    expect(verdicts.some((value) => flagsValue({ code: 'x', field: 'rationale', itemIndex: 1 }, value))).toBe(true);
    expect(verdicts.some((value) => flagsValue({ code: 'x', field: 'rationale', itemIndex: 0 }, value))).toBe(false);
  });
});
