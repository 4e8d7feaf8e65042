/**
 * How much of a visit- or session-based service is asked for: a count ("12 visits",
 * "Eight (8) physical therapy sessions", "x4", "#6"), a frequency and duration ("2x6",
 * "3 times a week for 2 weeks", "1 to 2 times per week for 4 weeks"), a duration ("30 day
 * rental", "7-10 days") and whether equipment is rented or bought.
 */
import type { Span } from '../../../shared/letter.ts';
import type { NormalisedValue, NumberRange, ServiceDuration, SessionFrequency } from '../../../shared/vocabulary.ts';
import { groupSpan, hitsOf, NUMBER_WORD, overlaps, readNumber, type Hit } from './text.ts';

const N = NUMBER_WORD;
const RANGE = String.raw`${N}(?:\s*(?:-|–|to)\s*${N})?`;
const PER_WEEK = String.raw`(?:(?:\s*(?:x|times?|visits?|sessions?))?\s*(?:\/|\ba\b|\bper\b|\beach\b)\s*(?:week|wk)\b|\s*(?:x|times?)?\s*weekly\b)`;

const FREQUENCIES: readonly RegExp[] = [
  // "3 times a week for 2 weeks", "1 to 2 times per week for 4 weeks", "2x/week x 6 weeks", "twice a week for 3 weeks"
  new RegExp(String.raw`\b(?<per>${RANGE}|once|twice|thrice)${PER_WEEK}\s*(?:for|x|×|times)?\s*(?<weeks>${RANGE})\s*(?:weeks?|wks?)\b`, 'i'),
  // "2x6", "2 x 6", "2 times 8" (times a week, for weeks)
  new RegExp(String.raw`\b(?<per>\d{1,2})\s*(?:x|×|times)\s*(?<weeks>\d{1,2})\b(?!\s*(?:mg|mcg|ml|%|cm|mm|days?|months?|hours?|minutes?|inch))`, 'i'),
  // "daily for 4 weeks"
  new RegExp(String.raw`\b(?<daily>daily|once\s+a\s+day|every\s+day)\b[^.;,]{0,40}?\bfor\s+(?<weeks>${RANGE})\s*(?:weeks?|wks?)\b`, 'i'),
];

const COUNTS: readonly RegExp[] = [
  // "12 visits", "Eight (8) physical therapy sessions", "12-18 sessions", "for eight sessions"
  new RegExp(String.raw`\b(?<count>${RANGE})(?:\s*\(\d+\))?(?:\s+(?!\d)[\p{L}\/'-]+){0,4}?\s+(?:sessions?|visits?|treatments?)\b`, 'iu'),
  // "x4", "x 6" after a word
  /(?<=[\p{L})]\s*)\bx\s*(?<count>\d{1,2})\b(?!\s*(?:\d|mg|ml|day|week|month))/iu,
  // "Physical therapy sessions, 12"
  new RegExp(String.raw`\b(?:sessions?|visits?|treatments?)\s*[,:]?\s*(?<count>${RANGE})\b(?!\s*(?:x|times|per|a\s+week|days?|weeks?|months?))`, 'i'),
  // "#6" for sessions
  /#\s*(?<count>\d{1,3})\b/,
];

const DURATION = new RegExp(String.raw`\b(?<value>${RANGE})[\s-]*(?<unit>days?|weeks?|wks?|months?)\b`, 'i');
const ACQUISITION = /\b(?<kind>rentals?|rent|purchases?|purchased|buy)\b/i;

export interface Amounts {
  readonly count: NumberRange | null;
  readonly frequency: SessionFrequency | null;
  readonly duration: ServiceDuration | null;
  readonly acquisition: NormalisedValue<'rental' | 'purchase'> | null;
}

/** `exclude` holds spans other readers own (drug strengths and quantities), never read as amounts. */
export function readAmounts(text: string, exclude: readonly Span[], countFromHash: boolean): Amounts {
  const frequency = firstFrequency(text, exclude);
  const taken = frequency ? [...exclude, frequency.span] : exclude;
  const counts = countFromHash ? COUNTS : COUNTS.slice(0, -1);
  const count = firstHit(text, counts, taken, (hit) => range(hit, 'count'));
  const duration = firstHit(text, [DURATION], count ? [...taken, count.span] : taken, (hit) => {
    const value = range(hit, 'value');
    const unit = (hit.match.groups?.unit ?? '').toLowerCase();
    if (!value) return null;
    return { value, unit: unit.startsWith('d') ? 'day' : unit.startsWith('m') ? 'month' : 'week', span: [hit.start, hit.end] } satisfies ServiceDuration;
  });
  const acquisition = firstHit(text, [ACQUISITION], [], (hit) => {
    const kind = (hit.match.groups?.kind ?? '').toLowerCase();
    return { value: kind.startsWith('rent') ? 'rental' : 'purchase', span: [hit.start, hit.end] } satisfies NormalisedValue<'rental' | 'purchase'>;
  });
  return { count, frequency, duration, acquisition };
}

function firstFrequency(text: string, exclude: readonly Span[]): SessionFrequency | null {
  return firstHit(text, FREQUENCIES, exclude, (hit): SessionFrequency | null => {
    const weeks = range(hit, 'weeks');
    const daily = groupSpan(hit, 'daily');
    const perWeek = daily ? { min: 7, max: 7, span: daily } : perWeekRange(hit);
    if (!weeks || !perWeek) return null;
    return { perWeek, weeks, total: { min: perWeek.min * weeks.min, max: perWeek.max * weeks.max }, span: [hit.start, hit.end] };
  });
}

function perWeekRange(hit: Hit): NumberRange | null {
  const word = (hit.match.groups?.per ?? '').toLowerCase();
  const span = groupSpan(hit, 'per');
  const fixed = readNumber(word);
  if (span && fixed !== null) return { min: fixed, max: fixed, span };
  return range(hit, 'per');
}

/** A number or range capture ("12", "eight", "12-18", "1 to 2") as a NumberRange. */
function range(hit: Hit, group: string): NumberRange | null {
  const printed = hit.match.groups?.[group];
  const span = groupSpan(hit, group);
  if (printed === undefined || !span) return null;
  const [low, high] = printed.split(/\s*(?:-|–|\bto\b)\s*/i).map(readNumber);
  if (low === null || low === undefined) return null;
  const max = high ?? low;
  return max < low ? null : { min: low, max, span };
}

function firstHit<T>(text: string, patterns: readonly RegExp[], exclude: readonly Span[], read: (hit: Hit) => T | null): T | null {
  for (const pattern of patterns) {
    for (const hit of hitsOf(text, pattern)) {
      if (exclude.some((span) => overlaps(span, [hit.start, hit.end]))) continue;
      const value = read(hit);
      if (value !== null) return value;
    }
  }
  return null;
}
