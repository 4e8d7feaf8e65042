/** Letter dates are stored as printed (MM/DD/YYYY); tabular exports carry them as calendar dates. */
export { isoDate } from '../../shared/dates.ts';

const MS_PER_DAY = 86_400_000;

/** An ISO date as days since 1970-01-01, Parquet's DATE. */
export function epochDays(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / MS_PER_DAY;
}
