/** Letter dates are stored as printed (MM/DD/YYYY); tabular exports carry them as calendar dates. */

const PRINTED_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

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

const MS_PER_DAY = 86_400_000;

/** An ISO date as days since 1970-01-01, Parquet's DATE. */
export function epochDays(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / MS_PER_DAY;
}
