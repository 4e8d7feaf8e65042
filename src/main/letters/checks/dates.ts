/** The header dates: real dates, in the order the process runs, and a decision in time. */
import type { HeaderFieldName } from '../../../shared/letter.ts';
import type { CheckableLetter, CheckResult, CheckSettings } from './types.ts';

const PRINTED_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const DAY_MS = 86_400_000;

/** The dates in the order the process runs: injury, UR denial, application, assignment, decision. */
const DATE_SEQUENCE = [
  ['dateOfInjury', 'date of injury'],
  ['urDenialDate', 'UR denial date'],
  ['applicationReceived', 'application received date'],
  ['dateAssigned', 'date assigned'],
  ['decisionDate', 'decision date'],
] as const satisfies readonly (readonly [HeaderFieldName, string])[];

type DateField = (typeof DATE_SEQUENCE)[number][0];

/** Days since 1970-01-01 of a printed MM/DD/YYYY date, or null when it is no real date. */
function dayNumber(printed: string): number | null {
  const match = PRINTED_DATE.exec(printed.trim());
  if (!match) return null;
  const [month, day, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  const date = new Date(time);
  const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real ? time / DAY_MS : null;
}

interface Dated {
  readonly field: DateField;
  readonly label: string;
  readonly printed: string;
  readonly day: number;
  readonly year: number;
}

/** The header's real dates, in process order. */
export function realDates(letter: CheckableLetter): Dated[] {
  return DATE_SEQUENCE.flatMap(([field, label]) => {
    const printed = letter.header?.[field] ?? null;
    const day = printed === null ? null : dayNumber(printed);
    if (printed === null || day === null) return [];
    return [{ field, label, printed, day, year: new Date(day * DAY_MS).getUTCFullYear() }];
  });
}

export function checkDates(letter: CheckableLetter, settings: CheckSettings): CheckResult[] {
  const invalid: CheckResult[] = DATE_SEQUENCE.flatMap(([field, label]) => {
    const printed = letter.header?.[field] ?? null;
    if (printed === null || dayNumber(printed) !== null) return [];
    return [{ code: 'date-invalid', field, message: `The ${label} "${printed}" is not a real date in MM/DD/YYYY form.` }];
  });
  const dates = realDates(letter);
  const order = outOfOrder(dates);
  return [...invalid, ...order, ...(order.length === 0 ? window(letter, dates, settings) : [])];
}

/**
 * Flags the dates that break the order, one at a time: the date out of order with the
 * most others first (ties: the later step), until the rest are in order.
 */
function outOfOrder(dates: readonly Dated[]): CheckResult[] {
  const results: CheckResult[] = [];
  let remaining = [...dates];
  for (;;) {
    const conflicts = remaining.map((date, i) =>
      remaining.filter((other, j) => (j < i ? other.day > date.day : j > i && other.day < date.day)),
    );
    const worst = conflicts.reduce((best, list, i) => (list.length >= (conflicts[best]?.length ?? 0) ? i : best), 0);
    const against = conflicts[worst] ?? [];
    const date = remaining[worst];
    if (!date || against.length === 0) return results;
    const other = against[0] as Dated;
    const relation = remaining.indexOf(other) < worst ? 'before' : 'after';
    results.push({
      code: 'dates-out-of-order',
      field: date.field,
      message: `The ${date.label} ${date.printed} is ${relation} the ${other.label} ${other.printed}; it should come ${relation === 'before' ? 'after' : 'before'} it.`,
    });
    remaining = remaining.filter((_, i) => i !== worst);
  }
}

function window(letter: CheckableLetter, dates: readonly Dated[], settings: CheckSettings): CheckResult[] {
  const assigned = dates.find((date) => date.field === 'dateAssigned');
  const decided = dates.find((date) => date.field === 'decisionDate');
  if (!assigned || !decided) return [];
  const expedited = letter.header?.priority?.trim().toLowerCase() === 'expedited';
  const limit = expedited ? settings.decisionWindowDays.expedited : settings.decisionWindowDays.standard;
  const days = decided.day - assigned.day;
  if (days <= limit) return [];
  return [
    {
      code: 'decision-outside-window',
      field: 'decisionDate',
      message: `The decision came ${days} days after the date assigned (${assigned.printed}); ${expedited ? 'an expedited' : 'a standard'} review is expected within ${limit} days.`,
    },
  ];
}
