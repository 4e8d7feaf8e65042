import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isoDate } from '../../src/main/export/dates.ts';

describe('isoDate', () => {
  test('gives every real calendar date printed MM/DD/YYYY as the ISO date the calendar has', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('0100-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }), (date) => {
        const iso = date.toISOString().slice(0, 10);
        const [year, month, day] = iso.split('-') as [string, string, string];
        expect(isoDate(`${month}/${day}/${year}`)).toBe(iso);
        expect(isoDate(` ${Number(month)}/${Number(day)}/${year} `)).toBe(iso);
      }),
    );
  });

  test('refuses what is not a date in that form', () => {
    for (const printed of ['02/30/2016', '02/29/2015', '13/01/2016', '00/10/2016', '04/31/2016', '0099-01-01', '1/1/16', '01/01/0099', '', null]) {
      expect(isoDate(printed), String(printed)).toBeNull();
    }
    expect(isoDate('02/29/2016')).toBe('2016-02-29');
  });
});
