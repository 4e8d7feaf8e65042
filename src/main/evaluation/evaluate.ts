/**
 * Runs the real extraction path (file reader + parser) over a folder of letters with
 * gold files (<name>.pdf|.txt beside <name>.json; the PDF wins) and scores it.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { CHECK_CODES } from '../letters/checks/index.ts';
import type { CheckCode } from '../letters/checks/index.ts';
import { derivableOfParsed, deriveValues, letterVocabularies } from '../letters/derive.ts';
import type { DerivableLetter } from '../letters/derive.ts';
import { toExtractionRecord } from '../letters/extraction.ts';
import { parseLetter } from '../letters/parsing/index.ts';
import { readLetterFile } from '../letters/reading/index.ts';
import type { ExtractionRecord } from '../../shared/extraction.ts';
import type { GoldLetter, LetterScore } from './compare.ts';
import { scoreLetter } from './compare.ts';
import type { ValueFlag, WarningTally } from './warnings.ts';
import { addTallies, EMPTY_TALLY, flagsValue, formatTally, parserFlags, tallyWarnings, valueVerdicts } from './warnings.ts';
import type { VocabularyLetterScore, VocabularyTotals } from './vocabularyGold.ts';
import { defaultVocabularyGold, formatVocabularyTotals, readVocabularyGold, scoreVocabulary, totalVocabulary } from './vocabularyGold.ts';

export interface LetterEvaluation {
  readonly name: string;
  readonly file: string;
  readonly score: LetterScore | null;
  /** Which values the parser's warnings (and, second, also the rule checks) point at. */
  readonly warnings: { readonly parser: WarningTally; readonly withChecks: WarningTally } | null;
  /** The rule checks that found something in the letter (default settings), each once. */
  readonly checks: readonly CheckHit[];
  /** The vocabulary against its gold, when the letter has one; why not, when its gold file cannot be read. */
  readonly vocabulary: VocabularyLetterScore | { readonly error: string } | null;
  readonly error: string | null;
}

/** A rule check that fired on a letter: whether one of its findings names a value the gold says is wrong. */
export interface CheckHit {
  readonly code: CheckCode;
  readonly onWrongValue: boolean;
}

export interface FieldTotal {
  exact: number;
  loose: number;
  total: number;
}

export interface EvaluationReport {
  readonly folder: string;
  readonly letters: LetterEvaluation[];
  readonly fields: Map<string, FieldTotal>;
  readonly vocabularyGold: string;
}

export async function evaluateFolder(folder: string, vocabularyGold = defaultVocabularyGold()): Promise<EvaluationReport> {
  const names = await readdir(folder);
  const letters: LetterEvaluation[] = [];
  for (const goldName of names.filter((name) => name.endsWith('.json')).sort()) {
    const stem = goldName.slice(0, -'.json'.length);
    const letterName = [`${stem}.pdf`, `${stem}.txt`].find((candidate) => names.includes(candidate));
    if (!letterName) continue;
    letters.push(await evaluateLetter(path.join(folder, letterName), path.join(folder, goldName), stem, vocabularyGold));
  }
  return { folder, letters, fields: totalsByField(letters), vocabularyGold };
}

async function evaluateLetter(file: string, goldFile: string, name: string, vocabularyGold: string): Promise<LetterEvaluation> {
  let gold: GoldLetter;
  try {
    gold = JSON.parse(await readFile(goldFile, 'utf8')) as GoldLetter;
  } catch (error) {
    // One bad gold file spoils its own letter's score, not the evaluation of the folder.
    return { name, file, score: null, warnings: null, checks: [], vocabulary: null, error: `${goldFile}: not a readable gold file (${error instanceof Error ? error.message : String(error)})` };
  }
  try {
    const source = await readLetterFile(file);
    const parsed = parseLetter(source.text);
    const record = toExtractionRecord(source.fileName, source.sha256, parsed);
    const flags = parserFlags(record);
    const derivable = derivableOfParsed(parsed);
    const findings = deriveValues(derivable).checks;
    const vocabulary = await vocabularyScore(vocabularyGold, name, derivable);
    const warnings = {
      parser: tallyWarnings(record, gold, flags),
      withChecks: tallyWarnings(record, gold, [...flags, ...findings]),
    };
    return { name, file, score: scoreLetter(record, gold), warnings, checks: checkHits(record, gold, findings), vocabulary, error: null };
  } catch (error) {
    return { name, file, score: null, warnings: null, checks: [], vocabulary: null, error: error instanceof Error ? error.message : String(error) };
  }
}

/** The vocabulary's score against the letter's gold; a gold file that cannot be read spoils that score alone, said in its error. */
async function vocabularyScore(folder: string, name: string, derivable: DerivableLetter): Promise<VocabularyLetterScore | { readonly error: string } | null> {
  try {
    const gold = await readVocabularyGold(folder, name);
    return gold ? scoreVocabulary(name, gold, letterVocabularies(derivable.items), derivable.items.map((item) => item.service)) : null;
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

function checkHits(record: ExtractionRecord, gold: GoldLetter, findings: readonly (ValueFlag & { readonly code: string })[]): CheckHit[] {
  const wrong = valueVerdicts(record, gold).filter((value) => !value.right);
  const codes = [...new Set(findings.map((finding) => finding.code))] as CheckCode[];
  return codes.map((code) => ({
    code,
    onWrongValue: findings.some((finding) => finding.code === code && wrong.some((value) => flagsValue(finding, value))),
  }));
}

function totalsByField(letters: readonly LetterEvaluation[]): Map<string, FieldTotal> {
  const totals = new Map<string, FieldTotal>();
  for (const { score } of letters) {
    for (const result of score?.fields ?? []) {
      const total = totals.get(result.field) ?? { exact: 0, loose: 0, total: 0 };
      total.total++;
      if (result.exact) total.exact++;
      if (result.loose) total.loose++;
      totals.set(result.field, total);
    }
  }
  return totals;
}

/** The report's figures as plain data (the `eval --json` output); formatReport prints the same. */
export interface EvaluationSummary {
  readonly folder: string;
  readonly letters: number;
  readonly pdfLetters: number;
  readonly textLetters: number;
  readonly fields: Record<string, FieldTotal>;
  /** Letters with any value not exact, or that could not be read: why, by field. */
  readonly differing: { readonly name: string; readonly error: string | null; readonly itemCountDiffers: boolean; readonly fields: string[] }[];
  readonly warnings: { readonly parser: WarningTally; readonly withChecks: WarningTally };
  /** Per rule check: the letters it fires on, those where it names a value the gold says is wrong, and the letters it fires on whose values all match the gold. */
  readonly checks: readonly CheckTotal[];
  readonly itemCountAgreed: number;
  readonly fieldsExact: number;
  readonly fieldsLoose: number;
  readonly fieldsCompared: number;
  readonly lettersAllExact: number;
  readonly vocabulary: VocabularyTotals;
}

export interface CheckTotal {
  readonly code: CheckCode;
  readonly letters: number;
  readonly onWrongValue: number;
  readonly allRight: readonly string[];
}

function checkTotals(letters: readonly LetterEvaluation[]): CheckTotal[] {
  return (Object.keys(CHECK_CODES) as CheckCode[]).map((code) => {
    const fired = letters.filter((letter) => letter.checks.some((hit) => hit.code === code));
    return {
      code,
      letters: fired.length,
      onWrongValue: fired.filter((letter) => letter.checks.some((hit) => hit.code === code && hit.onWrongValue)).length,
      allRight: fired.filter((letter) => letter.score?.allExact === true).map((letter) => letter.name),
    };
  });
}

export function summarizeReport(report: EvaluationReport): EvaluationSummary {
  const pdfLetters = report.letters.filter((l) => l.file.toLowerCase().endsWith('.pdf')).length;
  const scored = report.letters.filter((l) => l.score !== null);
  const fieldResults = scored.flatMap((l) => l.score?.fields ?? []);
  return {
    folder: report.folder,
    letters: report.letters.length,
    pdfLetters,
    textLetters: report.letters.length - pdfLetters,
    fields: Object.fromEntries(report.fields),
    differing: report.letters
      .filter((l) => !l.score?.allExact)
      .map((l) => ({
        name: l.name,
        error: l.error,
        itemCountDiffers: l.score !== null && !l.score.itemCountMatches,
        fields: [...new Set(l.score?.fields.filter((f) => !f.exact).map((f) => f.field))],
      })),
    warnings: { parser: totalTally(report.letters, 'parser'), withChecks: totalTally(report.letters, 'withChecks') },
    checks: checkTotals(report.letters),
    itemCountAgreed: scored.filter((l) => l.score?.itemCountMatches).length,
    fieldsExact: fieldResults.filter((f) => f.exact).length,
    fieldsLoose: fieldResults.filter((f) => f.loose).length,
    fieldsCompared: fieldResults.length,
    lettersAllExact: scored.filter((l) => l.score?.allExact).length,
    vocabulary: totalVocabulary(report.letters.flatMap((l) => (l.vocabulary ? [l.vocabulary] : []))),
  };
}

export function formatReport(report: EvaluationReport): string {
  const summary = summarizeReport(report);
  const lines: string[] = [];
  const percent = (n: number, of: number) => (of === 0 ? '-' : `${((100 * n) / of).toFixed(1)}%`);
  const count = (n: number, of: number) => `${n}/${of} ${percent(n, of)}`.padEnd(16);
  lines.push(`Evaluated ${summary.letters} letters in ${summary.folder} (${summary.pdfLetters} PDF, ${summary.textLetters} text)`);
  lines.push(`${'field'.padEnd(48)}${'exact'.padEnd(16)}loose`);
  for (const [field, total] of Object.entries(summary.fields)) {
    lines.push(`${field.padEnd(48)}${count(total.exact, total.total)}${count(total.loose, total.total)}`);
  }
  lines.push('', summary.differing.length === 0 ? 'Letters that differ: none' : 'Letters that differ:');
  for (const letter of summary.differing) {
    const detail = letter.error ? `error: ${letter.error}` : [...(letter.itemCountDiffers ? ['item count'] : []), ...letter.fields].join(', ');
    lines.push(`  ${letter.name}: ${detail}`);
  }
  // The summary ends with the letters line, which scripts read.
  lines.push(
    '',
    ...formatTally('parser warnings:', summary.warnings.parser),
    ...formatTally('parser warnings and rule checks:', summary.warnings.withChecks),
    '',
    ...formatChecks(summary.checks, summary.letters),
    '',
    ...formatVocabularyTotals(summary.vocabulary, report.vocabularyGold),
    '',
    `item count agreement: ${summary.itemCountAgreed}/${summary.letters}`,
    `fields exact: ${count(summary.fieldsExact, summary.fieldsCompared).trim()}`,
    `fields loose: ${count(summary.fieldsLoose, summary.fieldsCompared).trim()}`,
    `letters all fields exact: ${summary.lettersAllExact}/${summary.letters}`,
  );
  return lines.join('\n');
}

/** Per rule check: the letters it fires on and, of those, the ones where it names a value the gold says is wrong. */
function formatChecks(checks: readonly CheckTotal[], letters: number): string[] {
  return [
    `${'rule check (default settings)'.padEnd(34)}${'fires on'.padEnd(12)}on a wrong value`,
    ...checks.map((check) => {
      const right = check.allRight.length === 0 ? '' : `  (all values right: ${check.allRight.join(', ')})`;
      return `${check.code.padEnd(34)}${`${check.letters}/${letters}`.padEnd(12)}${check.onWrongValue}/${check.letters}${right}`;
    }),
  ];
}

export function totalTally(letters: readonly LetterEvaluation[], which: 'parser' | 'withChecks'): WarningTally {
  return letters.reduce((sum, letter) => (letter.warnings ? addTallies(sum, letter.warnings[which]) : sum), EMPTY_TALLY);
}
