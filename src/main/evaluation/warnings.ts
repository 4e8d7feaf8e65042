/**
 * Do the warnings point at the wrong values? Against a gold file, every value is right
 * or wrong (exact rule) and warned or not (a warning names its field and item):
 * recall = wrong values warned / wrong values, false alarms = right values warned / right values.
 */
import type { ExtractedItem, ExtractionRecord } from '../../shared/extraction.ts';
import { HEADER_FIELDS } from '../../shared/letter.ts';
import type { GoldItem, GoldLetter } from './compare.ts';
import { foldExact } from '../../shared/fold.ts';

export interface WarningTally {
  wrong: number;
  wrongWarned: number;
  right: number;
  rightWarned: number;
}

/** A finding attached to one value: a parse warning or a rule check result. */
export interface ValueFlag {
  readonly field?: string;
  readonly itemIndex?: number;
  readonly code: string;
}

const ITEM_FIELDS = ['service', 'decision', 'claimsAdministratorGuideline', 'maximusGuideline', 'rationale'] as const;
const PARTIAL_FIELDS = ['originalRequest', 'authorizedByClaimsAdministrator', 'imrEligiblePortion'] as const;
type ItemValues = Record<(typeof ITEM_FIELDS)[number] | (typeof PARTIAL_FIELDS)[number], string | null>;

export const EMPTY_TALLY: WarningTally = { wrong: 0, wrongWarned: 0, right: 0, rightWarned: 0 };

export function addTallies(a: WarningTally, b: WarningTally): WarningTally {
  return {
    wrong: a.wrong + b.wrong,
    wrongWarned: a.wrongWarned + b.wrongWarned,
    right: a.right + b.right,
    rightWarned: a.rightWarned + b.rightWarned,
  };
}

/** The parser's own warnings on a record, as value flags (an item's warnings name that item). */
export function parserFlags(record: ExtractionRecord): ValueFlag[] {
  return [
    ...record.warnings,
    ...record.items.flatMap((item, index) => item.warnings.map((w) => ({ ...w, itemIndex: w.itemIndex ?? index }))),
  ];
}

/**
 * One value of a letter against the gold: `field` (and `itemIndex`, the parsed item's, for an
 * item's value) as a warning would name it; `missing` for a value of a gold item the parse lacks.
 */
export interface ValueVerdict {
  readonly field: string;
  readonly itemIndex?: number;
  readonly missing: boolean;
  readonly right: boolean;
}

/**
 * Every value of one letter, right or wrong by the exact rule. Items are paired with gold in
 * order, skipping the fewest where the counts differ.
 */
export function valueVerdicts(record: ExtractionRecord, gold: GoldLetter): ValueVerdict[] {
  const verdict = (field: string, expected: string | null | undefined, actual: string | null | undefined) => ({
    field,
    missing: false,
    right: foldExact(expected) === foldExact(actual),
  });
  const goldHeader = gold.extra?.header ?? null;
  const verdicts: ValueVerdict[] = [
    verdict('format', gold.format, record.format),
    verdict('caseNumber', gold.caseNumber, record.caseNumber),
    verdict('reviewerSpecialty', gold.reviewerSpecialty, record.reviewerSpecialty),
    verdict('reviewerLicensure', gold.reviewerLicensure, record.reviewerLicensure),
    verdict('reviewerSubspecialty', gold.extra?.reviewerSubspecialty ?? null, record.reviewerSubspecialty),
    ...HEADER_FIELDS.map((name) => verdict(name, goldHeader?.[name] ?? null, record.header?.[name] ?? null)),
  ];
  const parsed = record.items.map(extractedValues);
  const expected = gold.items.map(goldValues);
  for (const [p, g] of pairItems(parsed, expected)) {
    const fields = [...ITEM_FIELDS, ...(expected[g ?? -1]?.originalRequest || parsed[p ?? -1]?.originalRequest ? PARTIAL_FIELDS : [])];
    for (const field of fields) {
      const value = verdict(field, g === null ? null : expected[g]?.[field], p === null ? null : parsed[p]?.[field]);
      verdicts.push(p === null ? { ...value, missing: true } : { ...value, itemIndex: p });
    }
  }
  return verdicts;
}

/** Whether a flag names this value. */
export function flagsValue(flag: ValueFlag, value: ValueVerdict): boolean {
  return !value.missing && flag.field === value.field && flag.itemIndex === value.itemIndex;
}

/**
 * Tallies the values of one letter. A gold item the parse lacks cannot carry a warning of its
 * own, so its values count as warned when the letter says an item is missing.
 */
export function tallyWarnings(record: ExtractionRecord, gold: GoldLetter, flags: readonly ValueFlag[]): WarningTally {
  const missingAnnounced = flags.some((flag) => flag.code === 'item-count-mismatch');
  return valueVerdicts(record, gold).reduce((tally, value) => {
    const warned = value.missing ? missingAnnounced : flags.some((flag) => flagsValue(flag, value));
    return addTallies(tally, {
      wrong: value.right ? 0 : 1,
      wrongWarned: !value.right && warned ? 1 : 0,
      right: value.right ? 1 : 0,
      rightWarned: value.right && warned ? 1 : 0,
    });
  }, EMPTY_TALLY);
}

function extractedValues(item: ExtractedItem): ItemValues {
  return { ...pick(item), ...partialValues(item.partial) };
}

function goldValues(item: GoldItem): ItemValues {
  return { ...pick(item), ...partialValues(item.partial) };
}

function pick(item: Record<(typeof ITEM_FIELDS)[number], string | null>) {
  return Object.fromEntries(ITEM_FIELDS.map((field) => [field, item[field]])) as Record<(typeof ITEM_FIELDS)[number], string | null>;
}

function partialValues(partial: Record<(typeof PARTIAL_FIELDS)[number], string> | undefined) {
  return Object.fromEntries(PARTIAL_FIELDS.map((field) => [field, partial?.[field] ?? null])) as Record<
    (typeof PARTIAL_FIELDS)[number],
    string | null
  >;
}

/**
 * Pairs parsed items (first) with gold items (second), in order. With equal counts the
 * pairing is positional; otherwise it keeps the most exactly equal values (null: unpaired).
 */
function pairItems(parsed: readonly ItemValues[], gold: readonly ItemValues[]): [number | null, number | null][] {
  if (parsed.length === gold.length) return parsed.map((_, i) => [i, i]);
  const same = (p: number, g: number) =>
    [...ITEM_FIELDS, ...PARTIAL_FIELDS].filter((f) => foldExact(parsed[p]?.[f]) === foldExact(gold[g]?.[f])).length;
  // best[p][g]: most equal values pairing parsed[p..] with gold[g..].
  const best = Array.from({ length: parsed.length + 1 }, () => Array.from<number>({ length: gold.length + 1 }).fill(0));
  const at = (p: number, g: number) => best[p]?.[g] ?? 0;
  for (let p = parsed.length - 1; p >= 0; p--) {
    for (let g = gold.length - 1; g >= 0; g--) {
      (best[p] as number[])[g] = Math.max(at(p + 1, g + 1) + same(p, g), at(p + 1, g), at(p, g + 1));
    }
  }
  const pairs: [number | null, number | null][] = [];
  let [p, g] = [0, 0];
  while (p < parsed.length || g < gold.length) {
    if (p < parsed.length && g < gold.length && at(p, g) === at(p + 1, g + 1) + same(p, g)) pairs.push([p++, g++]);
    else if (p < parsed.length && (g >= gold.length || at(p, g) === at(p + 1, g))) pairs.push([p++, null]);
    else pairs.push([null, g++]);
  }
  return pairs;
}

export function formatTally(label: string, tally: WarningTally): string[] {
  const percent = (n: number, of: number) => (of === 0 ? '-' : `${((100 * n) / of).toFixed(1)}%`);
  const recall =
    tally.wrong === 0 ? 'no wrong values to find' : `${tally.wrongWarned}/${tally.wrong} ${percent(tally.wrongWarned, tally.wrong)}`;
  return [
    `${label} recall (wrong values warned / wrong values): ${recall}`,
    `${label} false alarms (right values warned / right values): ${tally.rightWarned}/${tally.right} ${percent(tally.rightWarned, tally.right)}`,
  ];
}
