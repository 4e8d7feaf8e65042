/**
 * Drugs named in a service: "Norco 10/325mg #90", "Flexeril 10 mg #30 with 2 refills",
 * "Flurbiprofen 10%/Dextromethorphan 5%/Lidocaine 5%, 120grams #1". Names are found in the
 * drug table (brand or generic); a capitalised word followed by a strength that the table
 * does not know is kept as a drug with a warning, never silently dropped.
 */
import type { Field, Span } from '../../../shared/letter.ts';
import type { DwcDrugClass } from '../../../shared/dwcTaxonomy.ts';
import type { CountedValue, DrugClass, DrugMention, Ingredient, NormalisedValue, Strength, VocabularyWarning } from '../../../shared/vocabulary.ts';
import { DRUGS, type DrugEntry } from './data/drugs.ts';
import { aliasesIn, aliasIndex, fieldOf, hitsOf, NUMBER_WORD, overlaps, readNumber, type Hit } from './text.ts';

const DRUG_INDEX = aliasIndex(DRUGS.flatMap((entry) => [entry.generic, ...entry.names].map((name) => [name, entry] as const)));

const NUMS = String.raw`\d+(?:\.\d+)?(?:\s*[\/-]\s*\d+(?:\.\d+)?)*`;
const UNIT = String.raw`(?:mg\s*\/\s*\d*(?:\.\d+)?\s*ml|mcg\s*\/\s*(?:hr|hour|h)|mcg|mg|meq|units?|iu|%)`;
const PERCENT_LIST = String.raw`\d+(?:\.\d+)?\s*%(?:\s*[-\/]\s*\d+(?:\.\d+)?\s*%)+`;
const STRENGTH = new RegExp(String.raw`(?<![\w.])(?:${PERCENT_LIST}|${NUMS}\s*${UNIT})(?![\w])`, 'gi');
const UNIT_AT_END = new RegExp(String.raw`${UNIT}\s*$`, 'i');
/** "Norco 10/325 #90": a dose pair right after the name, its unit not printed. */
const UNITLESS_PAIR = /^\s*(\d+(?:\.\d+)?\s*\/\s*\d+(?:\.\d+)?)(?![\d./%]|\s*(?:mg|mcg|ml))/;
const AMOUNT = /(?<![\w./])(\d+(?:\.\d+)?)\s*(g|gm|gms|grams?|ml|oz)\b/gi;
const QUANTITY = /#\s*(\d+)|\b(?:qty|quantity)\s*:?\s*#?\s*(\d+)/gi;
const REFILLS = new RegExp(String.raw`\b(?<n>${NUMBER_WORD})\s+refills?\b|\brefills?\s*(?:x|:|#)?\s*(?<m>\d+)|\bx\s*(?<x>\d+)\s+refills?|\b(?<none>no)\s+refills?`, 'gi');
/** "30 day supply", "day supply: 30"; in "#60 day supply: 30" the 60 is the quantity. */
const DAYS_SUPPLY = /\bday\s+supply\s*:?\s*(\d+)|(?<!#\s*)\b(\d+)[\s-]*days?\s+supply\b/gi;
const FORM = /\b(tab(?:let)?s?|cap(?:sule)?s?|cream|gel|ointment|lotion|(?:transdermal\s+)?patch(?:es)?|transdermal|solution|(?:oral\s+)?suspension|spray|liquid|powder|film|lozenges?|suppositor(?:y|ies)|drops|inhaler|elixir|syrup)\b/gi;
/** Salt and release words printed after a name, kept in the printed name: "Oxycodone HCL ER". */
const NAME_TAIL = /^(?:\s+(?:HCl|hydrochloride|sodium|sod|potassium|citrate|bitartrate|tartrate|succinate|besylate|maleate|ER|XR|SR|CR|DR|IR|EC|DS|XL|LA|ODT|extended[- ]release|delayed[- ]release|immediate[- ]release))+\b/i;
const UNKNOWN_NAME = /\b([A-Z][a-z][A-Za-z-]{2,})(?=\s*\(?\s*\d+(?:\.\d+)?\s*(?:mg|mcg|%)(?![\w]))/g;
const NOT_NAMES = new Set([
  'retrospective', 'compound', 'compounded', 'topical', 'transdermal', 'cream', 'gel', 'patch', 'oral', 'tab', 'tabs', 'tablet',
  'tablets', 'capsule', 'capsules', 'take', 'apply', 'continue', 'refill', 'prescription', 'medication', 'request', 'solution',
  'suspension', 'ointment', 'lotion', 'injection', 'dose', 'daily', 'retro', 'supply', 'strength', 'each', 'total',
  'sodium', 'potassium', 'citrate', 'bitartrate', 'tartrate', 'succinate', 'besylate', 'maleate', 'hydrochloride', 'extended', 'release', 'delayed',
]);
const PERCENT_THEN_LIST = /^\s*\d+(?:\.\d+)?\s*%\s*(?:,|\+|&|\band\b|\bwith\b)\s*$/i;
const COMPOUND_WORD = /\bcompound(?:ed|ing)?\b/i;
const TOPICAL_FORMS = new Set(['cream', 'gel', 'ointment', 'lotion', 'patch']);
const TOPICAL_WORD = /\b(?:topical|transdermal)\b/i;
/** When one product has ingredients of several classes, the class it is counted under. */
const CLASS_PRIORITY: readonly DrugClass[] = [
  'opioid', 'nsaid', 'muscle-relaxant', 'anticonvulsant', 'antidepressant', 'proton-pump-inhibitor', 'sleep-aid', 'topical', 'other',
];

interface NameHit {
  readonly entry: DrugEntry | null;
  readonly span: Span;
}

export interface DrugReading {
  readonly drugs: DrugMention[];
  /** Spans of strengths, quantities and amounts, which the session reader must not take. */
  readonly taken: Span[];
  readonly warnings: VocabularyWarning[];
}

export function readDrugs(text: string): DrugReading {
  const names = findNames(text);
  const groups = groupNames(text, names);
  const strengths = findStrengths(text);
  const warnings: VocabularyWarning[] = [];
  const merged = mergePercentList(text, groups);
  const drugs = merged.map((group, index) => {
    const windowStart = index === 0 ? 0 : (group[0] as NameHit).span[0];
    const windowEnd = (merged[index + 1]?.[0] as NameHit | undefined)?.span[0] ?? text.length;
    return mention(text, group, strengths, [windowStart, windowEnd]);
  });
  for (const name of names.filter((hit) => hit.entry === null)) {
    warnings.push({ code: 'drug-not-in-table', message: `"${text.slice(name.span[0], name.span[1])}" is not in the drug table.`, span: name.span });
  }
  const distinct = new Set(drugs.map((found) => found.generic ?? found.name.value.toLowerCase()));
  if (distinct.size > 1) {
    warnings.push({ code: 'multiple-drugs', message: `The service names ${distinct.size} different drugs: ${[...distinct].join(', ')}.` });
  }
  const taken = drugs.flatMap((found) => [found.strength?.span, found.quantity?.span, found.amount?.span, found.daysSupply?.span, found.refills?.span])
    .concat(strengths.map((strength) => strength.span))
    .filter((span): span is Span => span !== undefined);
  return { drugs, taken, warnings };
}

function findNames(text: string): NameHit[] {
  const known: NameHit[] = aliasesIn(text, DRUG_INDEX).map((hit) => ({ entry: hit.value, span: hit.span }));
  const unknown: NameHit[] = hitsOf(text, UNKNOWN_NAME)
    .filter((hit) => !NOT_NAMES.has(hit.match[0].toLowerCase()) && !known.some((name) => overlaps(name.span, [hit.start, hit.end])))
    .map((hit) => ({ entry: null, span: [hit.start, hit.end] }));
  return [...known, ...unknown].sort((a, b) => a.span[0] - b.span[0]);
}

/** Names joined by "/" or "-" (with or without a strength between) are one product; "X (Brand)" is one drug. */
function groupNames(text: string, names: readonly NameHit[]): NameHit[][] {
  const groups: NameHit[][] = [];
  const strengthThenJoin = new RegExp(String.raw`^\s*(?:(?:${PERCENT_LIST}|${NUMS}\s*${UNIT})\s*)?[\/+-]\s*$`, 'i');
  for (const name of names) {
    const group = groups.at(-1);
    const previous = group?.at(-1);
    const between = previous ? text.slice(previous.span[1], name.span[0]) : '';
    const bracketed = /^\s*\(\s*$/.test(between) && /^\s*\)/.test(text.slice(name.span[1]));
    if (group && (strengthThenJoin.test(between) || bracketed)) {
      if (!bracketed) group.push(name);
    } else {
      groups.push([name]);
    }
  }
  return groups;
}

/**
 * Drugs listed one after another, each with a percent strength, are one compound ("Ketoprofen 10%,
 * Lidocaine 5% cream"); two products each joined by "/" are two preparations ("A 20%/B 5% and C 10%/D 5%").
 */
function mergePercentList(text: string, groups: NameHit[][]): NameHit[][] {
  const merged: NameHit[][] = [];
  for (const group of groups) {
    const previous = merged.at(-1);
    const between = previous ? text.slice((previous.at(-1) as NameHit).span[1], (group[0] as NameHit).span[0]) : '';
    const twoPreparations = previous !== undefined && previous.length > 1 && group.length > 1;
    if (previous && !twoPreparations && PERCENT_THEN_LIST.test(between)) previous.push(...group);
    else merged.push([...group]);
  }
  return merged;
}

function findStrengths(text: string): Strength[] {
  return hitsOf(text, STRENGTH).map((hit) => strengthOf(text, [hit.start, hit.end]));
}

function strengthOf(text: string, span: Span, unitPrinted = true): Strength {
  const value = text.slice(span[0], span[1]);
  const unit = unitPrinted ? UNIT_AT_END.exec(value) : null;
  // "10mg/1ml": the "1" of the volume is not an amount; percent lists keep every number.
  const numbers = unit && !value.includes('%') ? value.slice(0, unit.index) : value;
  return { value, amounts: (numbers.match(/\d+(?:\.\d+)?/g) ?? []).map(Number), unit: normaliseUnit(unit?.[0] ?? ''), span };
}

function normaliseUnit(unit: string): string {
  const clean = unit.toLowerCase().replace(/\s+/g, '');
  if (clean.startsWith('mg/')) return 'mg/ml';
  if (clean.startsWith('mcg/')) return 'mcg/hr';
  if (clean === 'unit' || clean === 'units' || clean === 'iu') return 'units';
  return clean.includes('%') ? '%' : clean;
}

function mention(text: string, group: readonly NameHit[], strengths: readonly Strength[], window: Span): DrugMention {
  const first = group[0] as NameHit;
  const last = group.at(-1) as NameHit;
  const tail = NAME_TAIL.exec(text.slice(last.span[1], window[1]));
  const nameEnd = last.span[1] + (tail?.[0].length ?? 0);
  const name: Field = fieldOf(text, [first.span[0], nameEnd]);
  const after = (at: number, before: number) => strengths.find((strength) => strength.span[0] >= at && strength.span[0] < before) ?? null;
  const inner = group.slice(0, -1).map((hit, index) => after(hit.span[1], (group[index + 1] as NameHit).span[0]));
  const following = after(nameEnd, window[1]) ?? unitlessPair(text, nameEnd, window[1]);
  const perIngredient = inner.some((strength) => strength !== null);
  const ingredients: Ingredient[] = group.map((hit, index) => ({
    name: fieldOf(text, hit.span),
    generic: hit.entry?.generic ?? null,
    strength: index < inner.length ? (inner[index] ?? null) : perIngredient || group.length === 1 ? following : null,
  }));
  const strength = perIngredient ? null : following;
  // After the name ("Tylenol #3 #60": the quantity is 60); refills may come first ("Three refills of ...").
  const rest: Span = [nameEnd, window[1]];
  const form = formIn(text, rest);
  const quantity = countIn(text, QUANTITY, rest);
  const amount = amountIn(text, rest, strengths);
  const entries = group.map((hit) => hit.entry);
  // A percent strength is a concentration in a cream, gel or patch: drugs taken by mouth are dosed by weight.
  const percent = [strength, ...ingredients.map((ingredient) => ingredient.strength)].some((found) => found?.unit === '%');
  const topical = percent || entries.some((entry) => entry?.topical) || (form !== null && TOPICAL_FORMS.has(form.value)) || TOPICAL_WORD.test(text.slice(...window));
  const compounded = entries.some((entry) => entry?.compounded) || COMPOUND_WORD.test(text) || (group.length > 1 && perIngredient && topical);
  const spans = [name.span, strength?.span, form?.span, quantity?.span, amount?.span].filter((span): span is Span => span !== undefined);
  return {
    span: [first.span[0], Math.max(...spans.map((span) => span[1]))],
    name,
    generic: genericOf(entries),
    drugClass: classOf(entries, topical, compounded),
    dwcDrugClass: dwcClassOf(entries, topical, compounded),
    compounded,
    strength,
    ingredients,
    form,
    quantity,
    refills: refillsIn(text, window),
    amount,
    daysSupply: countIn(text, DAYS_SUPPLY, rest),
  };
}

function unitlessPair(text: string, at: number, end: number): Strength | null {
  const match = UNITLESS_PAIR.exec(text.slice(at, end));
  if (!match?.[1]) return null;
  const start = at + match[0].indexOf(match[1]);
  return strengthOf(text, [start, start + match[1].length], false);
}

/** One generic per product: the table's generic for a brand, or the ingredients' joined by "/"; null if any is unknown. */
function genericOf(entries: readonly (DrugEntry | null)[]): string | null {
  if (entries.some((entry) => entry === null)) return null;
  return [...new Set(entries.map((entry) => (entry as DrugEntry).generic))].join('/');
}

/** A compound applied to the skin is a topical compound whatever it holds; a manufactured opioid patch stays an opioid. */
function classOf(entries: readonly (DrugEntry | null)[], topical: boolean, compounded: boolean): DrugClass {
  const classes = entries.map((entry) => entry?.drugClass ?? 'other');
  if (topical && (compounded || !classes.includes('opioid'))) return 'topical';
  return CLASS_PRIORITY.find((candidate) => classes.includes(candidate)) ?? 'other';
}

/**
 * DWC counts by how a drug is given: a compound applied to the skin is a Topical Compound and a
 * manufactured non-opioid applied to the skin a Topical Analgesic, whatever the ingredients' classes;
 * any other product by its ingredients', an opioid first.
 */
function dwcClassOf(entries: readonly (DrugEntry | null)[], topical: boolean, compounded: boolean): DwcDrugClass {
  const known = entries.filter((entry): entry is DrugEntry => entry !== null);
  if (topical && compounded) return 'topical-compounds';
  const classes = known.map((entry) => entry.dwcClass);
  if (classes.includes('opioids')) return 'opioids';
  if (topical) return 'topical-analgesics';
  return classes[0] ?? 'unclassified';
}

function formIn(text: string, window: Span): NormalisedValue | null {
  const hit = hitsOf(text, FORM, window[0], window[1])[0];
  if (!hit) return null;
  const printed = hit.match[0].toLowerCase();
  const value = printed.startsWith('tab') ? 'tablet'
    : printed.startsWith('cap') ? 'capsule'
      : printed.includes('patch') || printed === 'transdermal' ? 'patch'
        : printed.includes('suspension') ? 'suspension'
          : printed.startsWith('lozenge') ? 'lozenge'
            : printed.startsWith('suppositor') ? 'suppository'
              : printed;
  return { value, span: [hit.start, hit.end] };
}

function countIn(text: string, pattern: RegExp, window: Span): CountedValue | null {
  const hit = hitsOf(text, pattern, window[0], window[1])[0];
  const printed = hit?.match.slice(1).find((group) => group !== undefined);
  return hit && printed ? { value: Number(printed), span: [hit.start, hit.end] } : null;
}

function refillsIn(text: string, window: Span): CountedValue | null {
  const hit: Hit | undefined = hitsOf(text, REFILLS, window[0], window[1])[0];
  if (!hit) return null;
  const groups = hit.match.groups ?? {};
  const value = groups.none ? 0 : readNumber(groups.n ?? groups.m ?? groups.x ?? '');
  return value === null ? null : { value, span: [hit.start, hit.end] };
}

function amountIn(text: string, window: Span, strengths: readonly Strength[]): DrugMention['amount'] {
  const hit = hitsOf(text, AMOUNT, window[0], window[1]).find((candidate) => !strengths.some((strength) => overlaps(strength.span, [candidate.start, candidate.end])));
  if (!hit?.match[1] || !hit.match[2]) return null;
  const unit = hit.match[2].toLowerCase();
  return { value: Number(hit.match[1]), unit: unit === 'ml' ? 'ml' : unit === 'oz' ? 'oz' : 'g', span: [hit.start, hit.end] };
}
