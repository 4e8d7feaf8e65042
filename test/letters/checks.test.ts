/**
 * The rule checks on generated letters: each letter passes every check as generated,
 * then fails exactly the check whose value is changed.
 */
import { describe, expect, test } from 'vitest';
import type { CheckableLetter } from '../../src/main/letters/checks/index.ts';
import { CHECK_CODES, DEFAULT_CHECK_SETTINGS, runChecks, toCheckableLetter } from '../../src/main/letters/checks/index.ts';
import { toExtractionRecord } from '../../src/main/letters/extraction.ts';
import { parseLetter } from '../../src/main/letters/parsing/index.ts';
import type { StoredLetter } from '../../src/shared/library.ts';
import { generateLetter, renderLetterText, type LetterVariant } from '../fixtures/index.ts';
import { deriveValues } from '../../src/main/letters/derive.ts';
import type { DerivableLetter } from '../../src/main/letters/derive.ts';

const CLEAN: Partial<LetterVariant> = { headerTable: true, priority: 'Standard', credentials: 'block', contradictingRationale: false };

function checkable(seed: number, variant: Partial<LetterVariant> = {}): CheckableLetter {
  return toCheckableLetter(parseLetter(renderLetterText(generateLetter(seed, { ...CLEAN, ...variant }), 'layout')));
}

const BASE = checkable(11, { itemCount: 3 });
const HEADER = BASE.header ?? (() => { throw new Error('generated letter without a header'); })();

function withHeader(changes: Partial<NonNullable<CheckableLetter['header']>>): CheckableLetter {
  return { ...BASE, header: { ...HEADER, ...changes } };
}

function withRationale(index: number, rationale: string | null, decision?: string): CheckableLetter {
  const items = BASE.items.map((item, i) => (i === index ? { ...item, rationale, decision: decision ?? item.decision } : item));
  return { ...BASE, items };
}

const inOrder = { dateOfInjury: '01/10/2016', urDenialDate: '03/01/2016', applicationReceived: '03/10/2016', dateAssigned: '03/15/2016', decisionDate: '04/10/2016' };

const codes = (results: readonly { code: string; field: string; itemIndex?: number }[]) => results.map(({ code, field, itemIndex }) => ({ code, field, itemIndex }));

describe('generated letters pass every check', () => {
  test('40 letters, with and without partial certifications and prose credentials', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const letter = checkable(seed, { credentials: seed % 2 ? 'block' : 'prose' });
      expect({ seed, codes: runChecks(letter).map((r) => r.code) }).toEqual({ seed, codes: [] });
    }
  });
});

describe('case number', () => {
  test('must be CM, two digits, "-" and seven digits', () => {
    for (const caseNumber of ['CM16-021303', 'CX16-0213037', 'CM2016-0213037', 'cm16-0213037', 'CM16 0213037']) {
      expect(codes(runChecks({ ...BASE, caseNumber }))).toEqual([{ code: 'case-number-format', field: 'caseNumber' }]);
    }
    expect(runChecks({ ...BASE, caseNumber: null })).toEqual([]);
  });

  test('its year is the year the application was received or assigned', () => {
    const december = withHeader({ applicationReceived: '12/29/2016', dateAssigned: '01/04/2017', decisionDate: '02/01/2017' });
    expect(runChecks({ ...december, caseNumber: 'CM16-0249724' })).toEqual([]);
    expect(runChecks({ ...december, caseNumber: 'CM17-0249724' })).toEqual([]);
    const [result] = runChecks({ ...december, caseNumber: 'CM15-0249724' });
    expect(result).toMatchObject({ code: 'case-number-year', field: 'caseNumber' });
    expect(result?.message).toContain('12/29/2016');
  });
});

describe('dates', () => {
  test('a date that is not a real MM/DD/YYYY date is flagged on that date', () => {
    for (const printed of ['02/30/2016', '13/01/2016', '02/29/2017', '11/3/16', 'pending']) {
      expect(codes(runChecks(withHeader({ urDenialDate: printed })))).toEqual([{ code: 'date-invalid', field: 'urDenialDate' }]);
    }
    expect(runChecks({ ...withHeader({ ...inOrder, dateOfInjury: '2/29/2016' }), caseNumber: 'CM16-0000011' })).toEqual([]);
  });

  test('dates in process order pass; the one date out of order is flagged, naming the date it conflicts with', () => {
    expect(runChecks({ ...withHeader(inOrder), caseNumber: 'CM16-0000011' })).toEqual([]);
    const late = runChecks({ ...withHeader({ ...inOrder, dateOfInjury: '03/20/2016' }), caseNumber: 'CM16-0000011' });
    expect(codes(late)).toEqual([{ code: 'dates-out-of-order', field: 'dateOfInjury' }]);
    expect(late[0]?.message).toMatch(/date of injury 03\/20\/2016 is after the .* 03\/\d\d\/2016/);
    const early = runChecks({ ...withHeader({ ...inOrder, applicationReceived: '02/01/2016' }), caseNumber: 'CM16-0000011' });
    expect(codes(early)).toEqual([{ code: 'dates-out-of-order', field: 'applicationReceived' }]);
  });

  test('a decision later than the window after assignment is flagged; the window is a setting', () => {
    const slow = { ...withHeader({ ...inOrder, decisionDate: '05/20/2016' }), caseNumber: 'CM16-0000011' };
    const [result] = runChecks(slow);
    expect(result).toMatchObject({ code: 'decision-outside-window', field: 'decisionDate' });
    expect(result?.message).toContain('66 days');
    expect(runChecks(slow, { ...DEFAULT_CHECK_SETTINGS, decisionWindowDays: { standard: 90, expedited: 4 } })).toEqual([]);
  });

  test('an expedited review has its own, shorter window', () => {
    const expedited = { ...inOrder, priority: 'Expedited', decisionDate: '03/25/2016' };
    expect(codes(runChecks({ ...withHeader(expedited), caseNumber: 'CM16-0000011' }))).toEqual([
      { code: 'decision-outside-window', field: 'decisionDate' },
    ]);
    expect(runChecks({ ...withHeader({ ...expedited, decisionDate: '03/18/2016' }), caseNumber: 'CM16-0000011' })).toEqual([]);
  });

  test('missing dates are left to the parser', () => {
    expect(runChecks({ ...BASE, header: null })).toEqual([]);
    expect(runChecks(withHeader({ dateAssigned: null, urDenialDate: null }))).toEqual([]);
  });
});

describe('priority', () => {
  test('is Standard or Expedited', () => {
    for (const priority of ['Urgent', 'Regular', 'STANDARD', 'standard']) {
      expect(codes(runChecks(withHeader({ priority })))).toEqual([{ code: 'priority-unknown', field: 'priority' }]);
    }
    expect(runChecks(withHeader({ priority: 'Standard' }))).toEqual([]);
  });
});

describe('reviewer licensure', () => {
  const requireCalifornia = { ...DEFAULT_CHECK_SETTINGS, licensureFinding: { state: 'California', why: 'Our contract asks for California reviewers.' } };

  test('is no finding by default, wherever the reviewer is licensed', () => {
    for (const reviewerLicensure of ['Texas,New York', 'Florida', 'California', 'Pain Management']) {
      expect(runChecks({ ...BASE, reviewerLicensure })).toEqual([]);
    }
  });

  test('turned on, the states of licensure must include the state, however the list is written, and the finding says why', () => {
    for (const reviewerLicensure of ['Texas,New York,California', 'California', 'california, Oregon', 'Oregon and California', 'TX/CA']) {
      expect(runChecks({ ...BASE, reviewerLicensure }, requireCalifornia)).toEqual([]);
    }
    for (const reviewerLicensure of ['Texas,New York', 'Pain Management', 'Californian']) {
      expect(codes(runChecks({ ...BASE, reviewerLicensure }, requireCalifornia))).toEqual([{ code: 'reviewer-licensure-state', field: 'reviewerLicensure' }]);
    }
    expect(runChecks({ ...BASE, reviewerLicensure: 'Florida' }, requireCalifornia)[0]?.message).toBe(
      "The reviewer's states of licensure (Florida) do not include California. This library asks for it: Our contract asks for California reviewers.",
    );
    expect(runChecks({ ...BASE, reviewerLicensure: null }, requireCalifornia)).toEqual([]);
  });

  test('the state is part of the setting', () => {
    const settings = { ...DEFAULT_CHECK_SETTINGS, licensureFinding: { state: 'Texas', why: '' } };
    expect(runChecks({ ...BASE, reviewerLicensure: 'Texas,New York' }, settings)).toEqual([]);
    expect(runChecks({ ...BASE, reviewerLicensure: 'California' }, settings).map((r) => r.code)).toEqual(['reviewer-licensure-state']);
  });
});

describe('decision polarity', () => {
  test('an Upheld item whose rationale concludes "medically necessary" is flagged on its decision, and the other way round', () => {
    expect(codes(runChecks(withRationale(1, 'The notes show progress. The request is medically necessary.', 'Upheld')))).toEqual([
      { code: 'decision-contradicts-rationale', field: 'decision', itemIndex: 1 },
    ]);
    expect(codes(runChecks(withRationale(2, 'Therefore, the request for knee MRI is not medically necessary.', 'Overturned')))).toEqual([
      { code: 'decision-contradicts-rationale', field: 'decision', itemIndex: 2 },
    ]);
  });

  test('the conclusion is the last verdict, whatever follows it and however it is negated', () => {
    const upheld = [
      'The primary procedure is not medically necessary, so none of the associated services are medically necessary.',
      'As such, the request is not medically necessary. This decision addresses the medical necessity of opioids only.',
      'The request cannot be considered medically necessary at this time.',
      'Additional therapy is not a medical necessity for this worker.',
    ];
    for (const rationale of upheld) expect(runChecks(withRationale(0, rationale, 'Upheld'))).toEqual([]);
    expect(runChecks(withRationale(0, 'Given the gains, the request was medically necessary.', 'Overturned'))).toEqual([]);
  });

  test('a rationale that never gives a verdict is flagged on the decision', () => {
    expect(codes(runChecks(withRationale(0, 'The request is consistent with the guidelines.')))).toEqual([
      { code: 'rationale-without-conclusion', field: 'decision', itemIndex: 0 },
    ]);
  });

  test('"the request is not necessary" is a verdict without "medically", and is read like one', () => {
    expect(runChecks(withRationale(0, 'There was no trial of therapy. Therefore, the request is not necessary.', 'Upheld'))).toEqual([]);
    expect(codes(runChecks(withRationale(0, 'The trial helped. As such, the request is necessary.', 'Upheld')))).toEqual([
      { code: 'decision-contradicts-rationale', field: 'decision', itemIndex: 0 },
    ]);
    expect(codes(runChecks(withRationale(0, 'An exam is necessary before any request.', 'Upheld')))).toEqual([
      { code: 'rationale-without-conclusion', field: 'decision', itemIndex: 0 },
    ]);
  });

  test('a generated rationale made to contradict its decision is the one flagged', () => {
    const generated = generateLetter(41, { ...CLEAN, itemCount: 4, contradictingRationale: true });
    const results = runChecks(toCheckableLetter(parseLetter(renderLetterText(generated, 'plain'))));
    expect(codes(results)).toEqual([{ code: 'decision-contradicts-rationale', field: 'decision', itemIndex: generated.facts.contradictedItem ?? -1 }]);
  });

  test('missing decisions and rationales are left to the parser', () => {
    expect(runChecks(withRationale(0, null))).toEqual([]);
    expect(runChecks({ ...BASE, items: BASE.items.map((item) => ({ ...item, decision: null })) })).toEqual([]);
  });
});

describe('guidelines', () => {
  test('a guideline saying no medical evidence was cited, or none at all, is never reported by the checks', () => {
    const items = BASE.items.map((item, i) => ({
      ...item,
      claimsAdministratorGuideline: i === 0 ? 'No medical evidence was cited by the Claims Administrator in support of its decision.' : null,
      maximusGuideline: i === 1 ? 'The Expert Reviewer did not cite any medical evidence for its decision.' : '',
    }));
    expect(runChecks({ ...BASE, items })).toEqual([]);
  });
});

describe('citations in force when applied', () => {
  const citing = (guideline: string, decisionDate: string | null, urDenialDate: string | null = null): DerivableLetter => ({
    ...BASE,
    header: { ...HEADER, decisionDate, urDenialDate },
    items: BASE.items.map((item, i) => ({
      ...item,
      claimsAdministratorGuideline: i === 1 ? guideline : item.claimsAdministratorGuideline,
      originalRequest: null,
      authorizedByClaimsAdministrator: null,
      imrEligiblePortion: null,
    })),
  });
  const inForceFindings = (letter: DerivableLetter) => codes(deriveValues(letter).checks.filter((check) => check.code === 'citation-not-in-force'));

  test('an MTUS edition replaced before the decision is flagged on its guideline field, with both periods named', () => {
    const letter = citing('MTUS Chronic Pain Medical Treatment Guidelines 2009, page 46', '02/06/2017');
    expect(inForceFindings(letter)).toEqual([{ code: 'citation-not-in-force', field: 'claimsAdministratorGuideline', itemIndex: 1 }]);
    const [finding] = deriveValues(letter).checks.filter((check) => check.code === 'citation-not-in-force');
    expect(finding?.message).toContain('2009-07-18 to 2016-07-27');
  });

  test('the edition in force, a decision date that is not a date, and a non-MTUS citation pass', () => {
    expect(inForceFindings(citing('MTUS Chronic Pain Medical Treatment Guidelines 2016, page 46', '02/06/2017'))).toEqual([]);
    expect(inForceFindings(citing('MTUS Chronic Pain Medical Treatment Guidelines 2009, page 46', '02/06/2015'))).toEqual([]);
    expect(inForceFindings(citing('MTUS Chronic Pain Medical Treatment Guidelines 2009, page 46', null))).toEqual([]);
    expect(inForceFindings(citing('Official Disability Guidelines (ODG), Pain Chapter', '02/06/2017'))).toEqual([]);
  });

  test("the Claims Administrator's citation is read on its UR denial date, when that is a date", () => {
    expect(inForceFindings(citing('MTUS Chronic Pain Medical Treatment Guidelines 2009, page 46', '02/06/2017', '06/30/2016'))).toEqual([]);
    expect(inForceFindings(citing('MTUS Chronic Pain Medical Treatment Guidelines 2009, page 46', '02/06/2017', '12/29/2016'))).toEqual([
      { code: 'citation-not-in-force', field: 'claimsAdministratorGuideline', itemIndex: 1 },
    ]);
    expect(inForceFindings(citing('MTUS Chronic Pain Medical Treatment Guidelines 2009, page 46', '02/06/2017', '13/45/2016'))).toHaveLength(1);
  });
});

describe('the module', () => {
  test('every result names a described code and one value, with a reason', () => {
    const broken: CheckableLetter = {
      caseNumber: 'CM15-12',
      header: { dateAssigned: '03/15/2016', decisionDate: '02/30/2016', priority: 'Urgent', dateOfInjury: '04/01/2016', urDenialDate: '03/01/2016', applicationReceived: '03/10/2016' },
      reviewerLicensure: 'Ohio',
      items: [{ service: 'Knee MRI', decision: 'Upheld', claimsAdministratorGuideline: null, maximusGuideline: null, rationale: 'It is medically necessary.' }],
    };
    const results = runChecks(broken, { ...DEFAULT_CHECK_SETTINGS, licensureFinding: { state: 'California', why: '' } });
    expect(new Set(results.map((r) => r.code))).toEqual(
      new Set(['case-number-format', 'date-invalid', 'dates-out-of-order', 'priority-unknown', 'reviewer-licensure-state', 'decision-contradicts-rationale']),
    );
    for (const result of results) {
      expect(Object.keys(CHECK_CODES)).toContain(result.code);
      expect(result.message.length).toBeGreaterThan(20);
      expect(result.itemIndex === undefined).toBe(result.field !== 'decision');
    }
  });

  test('each code has a one-line description', () => {
    expect(Object.keys(CHECK_CODES)).toHaveLength(10);
    for (const description of Object.values(CHECK_CODES)) expect(description).toMatch(/^[A-Z][^\n]{20,}\.$/);
    expect(DEFAULT_CHECK_SETTINGS).toEqual({ decisionWindowDays: { standard: 40, expedited: 4 }, licensureFinding: null });
  });

  test('a parsed letter maps to the same values its extraction record holds', () => {
    const parsed = parseLetter(renderLetterText(generateLetter(12, { headerTable: true, itemCount: 2 }), 'plain'));
    const record = toExtractionRecord('letter.txt', '', parsed);
    expect(toCheckableLetter(parsed)).toEqual({
      caseNumber: record.caseNumber,
      header: record.header,
      reviewerLicensure: record.reviewerLicensure,
      items: record.items.map(({ service, decision, claimsAdministratorGuideline, maximusGuideline, rationale }) => ({
        service,
        decision,
        claimsAdministratorGuideline,
        maximusGuideline,
        rationale,
      })),
    });
  });

  test('the stored letter already has the checkable shape', () => {
    // Compiles only while StoredLetter keeps the fields the checks read, with the same types.
    const asCheckable = (letter: StoredLetter): CheckableLetter => letter;
    expect(asCheckable({ ...BASE } as unknown as StoredLetter)).toEqual(BASE);
  });
});
