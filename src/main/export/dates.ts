/** Letter dates are stored as printed (MM/DD/YYYY); tabular exports carry them as calendar dates. */

const PRINTED_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** `MM/DD/YYYY` as ISO `YYYY-MM-DD`; null when the value is not a real calendar date in that form. */
export function isoDate(printed: string | null): string | null {
  const match = printed === null ? null : PRINTED_DATE.exec(printed.trim());
  if (!match) return null;
  const [, month, day, year] = match.map(Number) as [number, number, number, number];
  // A day past its month's end (02/30) rolls over into the next; a real date comes back as it went in.
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  // Written out directly: toISOString is most of the cost, and every export calls this for every date.
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const MS_PER_DAY = 86_400_000;

/** An ISO date as days since 1970-01-01, Parquet's DATE. */
export function epochDays(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / MS_PER_DAY;
}
