/** The MTUS timeline: a citation flagged when its part was not in force on the decision date. */
import { describe, expect, test } from 'vitest';
import { analyzeGuideline, checkInForce, citationsNotInForce, isoDate } from '../../../src/main/letters/vocabulary/index.ts';
import type { GuidelineCitation } from '../../../src/shared/vocabulary.ts';

const cite = (text: string): GuidelineCitation => analyzeGuideline(text).citations[0] as GuidelineCitation;
const status = (text: string, date: string) => checkInForce(cite(text), date).status;

describe('checkInForce', () => {
  test.each([
    ['Decision based on MTUS Low Back Complaints 2004.', '12/15/2016', 'in-force'],
    ['Decision based on MTUS Low Back Complaints 2004.', '11/30/2017', 'in-force'],
    ['Decision based on MTUS Low Back Complaints 2004.', '12/01/2017', 'not-in-force'],
    ['Decision based on MTUS Low Back Complaints 2004.', '06/14/2007', 'not-in-force'],
    ['Decision based on MTUS Chronic Pain Medical Treatment 2009.', '07/27/2016', 'in-force'],
    ['Decision based on MTUS Chronic Pain Medical Treatment 2009.', '07/28/2016', 'not-in-force'],
    ['Decision based on MTUS Chronic Pain Medical Treatment 2016.', '07/28/2016', 'in-force'],
    ['Decision based on MTUS Chronic Pain Medical Treatment 2016.', '03/01/2016', 'not-in-force'],
    ['Decision based on MTUS Opioid Treatment 2016.', '01/10/2018', 'not-in-force'],
    ['Decision based on MTUS Acupuncture Treatment 2007.', '05/05/2021', 'in-force'],
    ['Decision based on MTUS Postsurgical Treatment 2009.', '05/05/2021', 'in-force'],
    ['Decision based on MTUS Postsurgical Treatment 2009.', '01/02/2009', 'not-in-force'],
    ['Decision based on MTUS Low Back Disorders 2019.', '02/03/2020', 'in-force'],
    ['Decision based on MTUS Low Back Disorders 2016.', '10/10/2017', 'not-in-force'],
    ['Decision based on MTUS Drug Formulary.', '12/20/2017', 'not-in-force'],
    ['Decision based on MTUS Drug Formulary.', '01/01/2018', 'in-force'],
  ])('%s on %s: %s', (text, date, expected) => {
    expect(status(text, date)).toBe(expected);
  });

  test('the Elbow chapter was replaced on its own: 2004 until the 2009 order, the 2007 revision after it', () => {
    expect(status('Decision based on MTUS Elbow Complaints 2004.', '07/17/2009')).toBe('in-force');
    expect(status('Decision based on MTUS Elbow Complaints 2004.', '07/18/2009')).toBe('not-in-force');
    expect(status('Decision based on MTUS Elbow Complaints 2007.', '01/05/2017')).toBe('in-force');
    expect(status('Decision based on MTUS Shoulder Complaints 2004.', '07/18/2009')).toBe('in-force');
  });

  test('with no edition printed, any edition of the part in force counts', () => {
    const check = checkInForce(cite('Decision based on MTUS Chronic Pain Treatment Guidelines.'), '03/03/2015');
    expect(check.status).toBe('in-force');
    expect(check.periods).toEqual([
      { from: '2009-07-18', to: '2016-07-27' },
      { from: '2016-07-28', to: '2017-11-30' },
    ]);
  });

  test('the reason names the part and the periods it was tested against', () => {
    const check = checkInForce(cite('Decision based on MTUS Chronic Pain Medical Treatment 2009.'), '02/06/2017');
    expect(check.reason).toBe('chronic-pain (2009) was not in force on 2017-02-06 (2009-07-18 to 2016-07-27).');
  });

  test('unknown: an edition with no period, a citation with no part, a date not printed as MM/DD/YYYY', () => {
    expect(status('Decision based on MTUS Chronic Pain Medical Treatment 2012.', '01/01/2013')).toBe('unknown');
    expect(status('Decision based on MTUS Hip Complaints 2004.', '01/01/2013')).toBe('unknown');
    expect(status('Decision based on MTUS Knee Complaints 2004.', '2016-12-01')).toBe('unknown');
    expect(status('Decision based on MTUS Knee Complaints 2004.', '02/30/2016')).toBe('unknown');
  });

  test('only MTUS citations have periods', () => {
    expect(status('Decision based on Non-MTUS Citation ODG Knee & Leg.', '01/01/2016')).toBe('not-mtus');
    expect(status('The Expert Reviewer did not cite any medical evidence for its decision.', '01/01/2016')).toBe('not-mtus');
  });

  test('citationsNotInForce keeps only the flagged citations of a field', () => {
    const { citations } = analyzeGuideline(
      'Decision based on MTUS Knee Complaints 2004, and Chronic Pain Medical Treatment 2009, Section(s): Aquatic therapy. Decision based on Non-MTUS Citation ODG Knee.',
    );
    expect(citationsNotInForce(citations, '01/09/2017').map((found) => found.topic?.id)).toEqual(['chronic-pain']);
  });
});

describe('isoDate', () => {
  test('reads MM/DD/YYYY as printed, with or without leading zeros, and refuses impossible dates', () => {
    expect(isoDate('12/09/2016')).toBe('2016-12-09');
    expect(isoDate('1/2/2017')).toBe('2017-01-02');
    expect(isoDate('02/29/2016')).toBe('2016-02-29');
    expect(isoDate('02/29/2017')).toBeNull();
    expect(isoDate('13/01/2017')).toBeNull();
    expect(isoDate('12-09-2016')).toBeNull();
  });
});
