/**
 * Scores the vocabulary's reading of a letter's items against the vocabulary gold
 * (eval/gold/vocabulary/<letter>.json, its schema in that folder's README.md): per item, the
 * service category in both taxonomies, the drug class in both, the drugs' generic names and
 * each guideline field's citations, and the "not based on the MTUS" statement. Every miss is kept
 * with what the gold says and what was read.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { ItemVocabulary } from '../../shared/derived.ts';
import { dwcCategoryLabel, dwcDrugClassLabel, dwcSubCategoryLabel } from '../../shared/dwcTaxonomy.ts';
import type { GuidelineAnalysis } from '../../shared/vocabulary.ts';
import { isNotBasedOnMtus } from '../letters/structureRecord.ts';

/**
 * Where the gold is kept: `eval/gold/vocabulary` in the project's folder, the nearest one above
 * this module holding package.json (the sources run from src/main/evaluation, the compiled CLI from out/main).
 */
export function defaultVocabularyGold(): string {
  let folder = import.meta.dirname;
  while (!existsSync(path.join(folder, 'package.json')) && path.dirname(folder) !== folder) folder = path.dirname(folder);
  return path.join(folder, 'eval', 'gold', 'vocabulary');
}

const citation = z.object({ source: z.string(), mtusPart: z.string().nullable(), topic: z.string().nullable(), otherKind: z.string().nullable() });
const goldItem = z.object({
  item: z.number().int().min(0),
  category: z.string(),
  dwcCategory: z.string(),
  dwcSubCategory: z.string(),
  drugs: z.array(z.string()),
  drugClass: z.string().nullable(),
  dwcDrugClass: z.string().nullable(),
  citations: z.object({ claimsAdministrator: z.array(citation), maximus: z.array(citation) }),
  notBasedOnMtus: z.boolean(),
});
const goldLetter = z.object({ schema: z.literal(1), letter: z.string(), items: z.array(goldItem) });
type GoldCitation = z.infer<typeof citation>;

export const VOCABULARY_MEASURES = [
  'category',
  'dwcCategory',
  'drugClass',
  'dwcDrugClass',
  'drugNames',
  'claimsAdministratorCitations',
  'maximusCitations',
  'notBasedOnMtus',
] as const;
export type VocabularyMeasure = (typeof VOCABULARY_MEASURES)[number];

/** What each measure counts, for the report. */
export const MEASURE_NAMES: Record<VocabularyMeasure, string> = {
  category: "service category (project's)",
  dwcCategory: "DWC Request Category / Sub Category",
  drugClass: "drug class (project's), drug items",
  dwcDrugClass: "DWC drug class, drug items",
  drugNames: 'drug items with every generic name found',
  claimsAdministratorCitations: "Claims Administrator's citations (fields)",
  maximusCitations: "MAXIMUS's citations (fields)",
  notBasedOnMtus: "'not based on the MTUS' statement",
};

export interface VocabularyMiss {
  readonly letter: string;
  readonly item: number;
  readonly measure: VocabularyMeasure;
  readonly expected: string;
  readonly read: string;
  readonly service: string;
}

export interface VocabularyLetterScore {
  /** Per measure: items compared and items right. */
  readonly counts: Record<VocabularyMeasure, { right: number; total: number }>;
  readonly misses: readonly VocabularyMiss[];
  /** Citations across both fields: found in the gold, read, and matched (multisets). */
  readonly citations: { readonly gold: number; readonly read: number; readonly matched: number };
}

export type VocabularyGold = z.infer<typeof goldLetter>;

/** The letter's gold, null when there is none; a gold file that does not fit the schema is an error naming the file. */
export async function readVocabularyGold(folder: string, letter: string): Promise<VocabularyGold | null> {
  const file = path.join(folder, `${letter}.json`);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not JSON (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  }
  const parsed = goldLetter.safeParse(json);
  if (!parsed.success) throw new Error(`${file}: not a vocabulary gold file (${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message})`);
  return parsed.data;
}

export function scoreVocabulary(
  letter: string,
  gold: VocabularyGold,
  vocabularies: readonly ItemVocabulary[],
  services: readonly (string | null)[],
): VocabularyLetterScore {
  const counts = Object.fromEntries(VOCABULARY_MEASURES.map((measure) => [measure, { right: 0, total: 0 }])) as VocabularyLetterScore['counts'];
  const misses: VocabularyMiss[] = [];
  const citations = { gold: 0, read: 0, matched: 0 };
  for (const expected of gold.items) {
    const vocabulary = vocabularies[expected.item];
    const service = (services[expected.item] ?? '').slice(0, 100);
    const score = (measure: VocabularyMeasure, want: string, read: string) => {
      counts[measure].total++;
      if (want === read) counts[measure].right++;
      else misses.push({ letter, item: expected.item, measure, expected: want, read, service });
    };
    if (!vocabulary) {
      for (const measure of VOCABULARY_MEASURES) score(measure, 'an item', 'no item');
      continue;
    }
    score('category', expected.category, vocabulary.category);
    score('dwcCategory', `${expected.dwcCategory} / ${expected.dwcSubCategory}`, dwcReading(vocabulary));
    if (expected.drugs.length > 0) {
      score('drugClass', expected.drugClass ?? '-', vocabulary.drugClasses[0] ?? '-');
      score('dwcDrugClass', expected.dwcDrugClass ?? '-', dwcDrugClassLabel(vocabulary.dwcDrugClasses[0] ?? '') ?? '-');
      const read = genericNames(vocabulary);
      const missing = expected.drugs.filter((name) => !read.has(name));
      score('drugNames', expected.drugs.join(', '), missing.length === 0 ? expected.drugs.join(', ') : `${[...read].join(', ') || 'none'} (missing ${missing.join(', ')})`);
    }
    for (const [measure, field, analysis] of [
      ['claimsAdministratorCitations', expected.citations.claimsAdministrator, vocabulary.claimsAdministratorGuideline],
      ['maximusCitations', expected.citations.maximus, vocabulary.maximusGuideline],
    ] as const) {
      const read = analysis.citations.map(citationKey);
      const want = field.map(goldKey);
      const matched = multisetOverlap(want, read);
      citations.gold += want.length;
      citations.read += read.length;
      citations.matched += matched;
      score(measure, [...want].sort().join(' + ') || 'none', [...read].sort().join(' + ') || 'none');
    }
    score('notBasedOnMtus', String(expected.notBasedOnMtus), String(isNotBasedOnMtus(vocabulary.claimsAdministratorGuideline)));
  }
  return { counts, misses, citations };
}

/** Labels as DWC spells them; a drug item's Sub Category is its drug class, a compounded topical's "Topical Compounds". */
function dwcReading(vocabulary: ItemVocabulary): string {
  return `${dwcCategoryLabel(vocabulary.dwcCategory) ?? vocabulary.dwcCategory} / ${dwcSubCategoryLabel(vocabulary.dwcSubCategory) ?? vocabulary.dwcSubCategory}`;
}

/** Every active ingredient's generic name, each combination split into its ingredients. */
function genericNames(vocabulary: ItemVocabulary): Set<string> {
  return new Set(vocabulary.service.service.drugs.flatMap((drug) => (drug.generic ?? '').split('/')).filter((name) => name !== ''));
}

function citationKey(found: GuidelineAnalysis['citations'][number]): string {
  return [found.source, found.mtusPart ?? '-', found.topic?.id ?? '-', found.otherKind ?? '-'].join(':');
}

function goldKey(found: GoldCitation): string {
  return [found.source, found.mtusPart ?? '-', found.topic ?? '-', found.otherKind ?? '-'].join(':');
}

function multisetOverlap(a: readonly string[], b: readonly string[]): number {
  const left = new Map<string, number>();
  for (const key of a) left.set(key, (left.get(key) ?? 0) + 1);
  let matched = 0;
  for (const key of b) {
    const n = left.get(key) ?? 0;
    if (n > 0) {
      matched++;
      left.set(key, n - 1);
    }
  }
  return matched;
}

export interface VocabularyTotals {
  readonly letters: number;
  /** Gold files that could not be read, each with its file and reason. */
  readonly errors: readonly string[];
  readonly counts: Record<VocabularyMeasure, { right: number; total: number }>;
  readonly citations: { readonly gold: number; readonly read: number; readonly matched: number };
  readonly misses: readonly VocabularyMiss[];
}

export function totalVocabulary(results: readonly (VocabularyLetterScore | { readonly error: string })[]): VocabularyTotals {
  const scores = results.filter((result): result is VocabularyLetterScore => !('error' in result));
  const errors = results.flatMap((result) => ('error' in result ? [result.error] : []));
  const counts = Object.fromEntries(VOCABULARY_MEASURES.map((measure) => [measure, { right: 0, total: 0 }])) as VocabularyTotals['counts'];
  const citations = { gold: 0, read: 0, matched: 0 };
  for (const score of scores) {
    for (const measure of VOCABULARY_MEASURES) {
      counts[measure].right += score.counts[measure].right;
      counts[measure].total += score.counts[measure].total;
    }
    citations.gold += score.citations.gold;
    citations.read += score.citations.read;
    citations.matched += score.citations.matched;
  }
  return { letters: scores.length, errors, counts, citations, misses: scores.flatMap((score) => score.misses) };
}

export function formatVocabularyTotals(totals: VocabularyTotals, folder: string): string[] {
  const percent = (n: number, of: number) => (of === 0 ? '-' : `${((100 * n) / of).toFixed(1)}%`);
  const errors = totals.errors.map((error) => `  gold file not read: ${error}`);
  if (totals.letters === 0) return [`vocabulary gold: none for these letters in ${folder}`, ...errors];
  const lines = [`vocabulary against its gold (${totals.letters} letters with gold in ${folder})`, ...errors];
  for (const measure of VOCABULARY_MEASURES) {
    const { right, total } = totals.counts[measure];
    lines.push(`  ${MEASURE_NAMES[measure].padEnd(46)}${`${right}/${total}`.padEnd(10)}${percent(right, total)}`);
  }
  const { gold, read, matched } = totals.citations;
  lines.push(`  ${'citations: recall, precision'.padEnd(46)}${`${matched}/${gold}`.padEnd(10)}${percent(matched, gold)}, ${matched}/${read} ${percent(matched, read)}`);
  lines.push(totals.misses.length === 0 ? '  misses: none' : '  misses:');
  for (const miss of totals.misses) {
    lines.push(`    ${miss.letter} item ${miss.item + 1} ${miss.measure}: gold ${miss.expected}; read ${miss.read}  [${miss.service}]`);
  }
  return lines;
}
