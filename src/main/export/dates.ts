/** Letter dates are stored as printed (MM/DD/YYYY); tabular exports carry them as calendar dates. */

const PRINTED_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** `MM/DD/YYYY` as ISO `YYYY-MM-DD`; null when the value is not a real calendar date in that form. */
export function isoDate(printed: string | null): string | null {
  const match = printed === null ? null : PRINTED_DATE.exec(printed.trim());
  if (!match) return null;
  const [, month, day, year] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

const MS_PER_DAY = 86_400_000;

/** An ISO date as days since 1970-01-01, Parquet's DATE. */
export function epochDays(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / MS_PER_DAY;
}
