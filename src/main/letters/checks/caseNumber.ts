/** The case number: its shape, and its year against the dates the case was opened. */
import { realDates } from './dates.ts';
import type { CheckableLetter, CheckResult } from './types.ts';

const CASE_NUMBER = /^CM(\d{2})-\d{7}$/;

export function checkCaseNumber(letter: CheckableLetter): CheckResult[] {
  const caseNumber = letter.caseNumber?.trim() ?? null;
  if (caseNumber === null) return [];
  const match = CASE_NUMBER.exec(caseNumber);
  if (!match) {
    return [
      {
        code: 'case-number-format',
        field: 'caseNumber',
        message: `"${caseNumber}" is not shaped like a case number: "CM", two year digits, "-" and seven digits.`,
      },
    ];
  }
  // A case is numbered when its application arrives; the assignment can fall in the new year.
  const year = 2000 + Number(match[1]);
  const opened = realDates(letter).filter((date) => date.field === 'applicationReceived' || date.field === 'dateAssigned');
  if (opened.length === 0 || opened.some((date) => date.year === year)) return [];
  const when = opened.map((date) => `${date.label} ${date.printed}`).join(', ');
  return [{ code: 'case-number-year', field: 'caseNumber', message: `${caseNumber} is numbered for ${year}, but the ${when}.` }];
}
