/**
 * Letter dates. Letters print them as MM/DD/YYYY and the library keeps them as printed; the
 * tabular exports carry them as calendar dates, so a date a person enters must be one they can
 * read: MM/DD/YYYY, or ISO YYYY-MM-DD (what a date picker, a spreadsheet or another tool gives),
 * which is understood and kept as the letters print it.
 */
import type { LetterField } from './library.ts';

/** The letter fields that hold dates (the header table's, all but its priority). */
const DATE_FIELDS = ['dateAssigned', 'decisionDate', 'dateOfInjury', 'urDenialDate', 'applicationReceived'] as const satisfies readonly LetterField[];
export type DateField = (typeof DATE_FIELDS)[number];

export function isDateField(field: string): field is DateField {
  return (DATE_FIELDS as readonly string[]).includes(field);
}

const PRINTED_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The proleptic Gregorian calendar's, as JavaScript's Date has it. */
function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

/**
 * `MM/DD/YYYY` as ISO `YYYY-MM-DD`; null when the value is not a real calendar date in that form
 * (a day past its month's end, such as 02/30, or a year before 100). Checked by hand, not
 * through Date: every export calls this for every date of every letter.
 */
export function isoDate(printed: string | null): string | null {
  const match = printed === null ? null : PRINTED_DATE.exec(printed.trim());
  if (!match) return null;
  const [, monthText, dayText, yearText] = match as unknown as [string, string, string, string];
  const month = Number(monthText);
  const day = Number(dayText);
  const year = Number(yearText);
  if (year < 100 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${yearText}-${monthText.padStart(2, '0')}-${dayText.padStart(2, '0')}`;
}

/** ISO `YYYY-MM-DD` as the letters print it, `MM/DD/YYYY`; null when the value is not a real date in that form. */
export function printedOfIso(value: string): string | null {
  const match = ISO_DATE.exec(value.trim());
  if (!match) return null;
  const [, year, month, day] = match as unknown as [string, string, string, string];
  const printed = `${month}/${day}/${year}`;
  return isoDate(printed) === null ? null : printed;
}

/** A date a person entered, as the library keeps it: MM/DD/YYYY as entered, ISO rewritten so; null when it is neither. */
export function enteredDate(value: string): string | null {
  return isoDate(value) === null ? printedOfIso(value) : value;
}
