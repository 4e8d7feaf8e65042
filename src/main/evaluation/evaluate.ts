/**
 * Runs the real extraction path (file reader + parser) over a folder of letters with
 * gold files (<name>.pdf|.txt beside <name>.json; the PDF wins) and scores it.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { runChecks, toCheckableLetter } from '../letters/checks/index.ts';
import { toExtractionRecord } from '../letters/extraction.ts';
import { parseLetter } from '../letters/parsing/index.ts';
import { readLetterFile } from '../letters/reading/index.ts';
import type { GoldLetter, LetterScore } from './compare.ts';
import { scoreLetter } from './compare.ts';
import type { WarningTally } from './warnings.ts';
import { addTallies, EMPTY_TALLY, formatTally, parserFlags, tallyWarnings } from './warnings.ts';

export interface LetterEvaluation {
  readonly name: string;
  readonly file: string;
  readonly score: LetterScore | null;
  /** Which values the parser's warnings (and, second, also the rule checks) point at. */
  readonly warnings: { readonly parser: WarningTally; readonly withChecks: WarningTally } | null;
  readonly error: string | null;
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
}

export async function evaluateFolder(folder: string): Promise<EvaluationReport> {
  const names = await readdir(folder);
  const letters: LetterEvaluation[] = [];
  for (const goldName of names.filter((name) => name.endsWith('.json')).sort()) {
    const stem = goldName.slice(0, -'.json'.length);
    const letterName = [`${stem}.pdf`, `${stem}.txt`].find((candidate) => names.includes(candidate));
    if (!letterName) continue;
    letters.push(await evaluateLetter(path.join(folder, letterName), path.join(folder, goldName), stem));
  }
  return { folder, letters, fields: totalsByField(letters) };
}

async function evaluateLetter(file: string, goldFile: string, name: string): Promise<LetterEvaluation> {
  const gold = JSON.parse(await readFile(goldFile, 'utf8')) as GoldLetter;
  try {
    const source = await readLetterFile(file);
    const parsed = parseLetter(source.text);
    const record = toExtractionRecord(source.fileName, source.sha256, parsed);
    const flags = parserFlags(record);
    const warnings = {
      parser: tallyWarnings(record, gold, flags),
      withChecks: tallyWarnings(record, gold, [...flags, ...runChecks(toCheckableLetter(parsed))]),
    };
    return { name, file, score: scoreLetter(record, gold), warnings, error: null };
  } catch (error) {
    return { name, file, score: null, warnings: null, error: error instanceof Error ? error.message : String(error) };
  }
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

export function formatReport(report: EvaluationReport): string {
  const lines: string[] = [];
  const percent = (n: number, of: number) => (of === 0 ? '-' : `${((100 * n) / of).toFixed(1)}%`);
  const count = (n: number, of: number) => `${n}/${of} ${percent(n, of)}`.padEnd(16);
  const pdfs = report.letters.filter((l) => l.file.toLowerCase().endsWith('.pdf')).length;
  lines.push(`Evaluated ${report.letters.length} letters in ${report.folder} (${pdfs} PDF, ${report.letters.length - pdfs} text)`);
  lines.push(`${'field'.padEnd(48)}${'exact'.padEnd(16)}loose`);
  for (const [field, total] of report.fields) {
    lines.push(`${field.padEnd(48)}${count(total.exact, total.total)}${count(total.loose, total.total)}`);
  }
  const differing = report.letters.filter((l) => !l.score?.allExact);
  lines.push('', differing.length === 0 ? 'Letters that differ: none' : 'Letters that differ:');
  for (const letter of differing) {
    const detail = letter.error
      ? `error: ${letter.error}`
      : [
          ...(letter.score?.itemCountMatches ? [] : ['item count']),
          ...new Set(letter.score?.fields.filter((f) => !f.exact).map((f) => f.field)),
        ].join(', ');
    lines.push(`  ${letter.name}: ${detail}`);
  }
  const scored = report.letters.filter((l) => l.score !== null);
  const fieldResults = scored.flatMap((l) => l.score?.fields ?? []);
  const exactLetters = scored.filter((l) => l.score?.allExact).length;
  // The summary ends with the letters line, which scripts read.
  lines.push(
    '',
    ...formatTally('parser warnings:', totalTally(report.letters, 'parser')),
    ...formatTally('parser warnings and rule checks:', totalTally(report.letters, 'withChecks')),
    '',
    `item count agreement: ${scored.filter((l) => l.score?.itemCountMatches).length}/${report.letters.length}`,
    `fields exact: ${count(fieldResults.filter((f) => f.exact).length, fieldResults.length).trim()}`,
    `fields loose: ${count(fieldResults.filter((f) => f.loose).length, fieldResults.length).trim()}`,
    `letters all fields exact: ${exactLetters}/${report.letters.length}`,
  );
  return lines.join('\n');
}

export function totalTally(letters: readonly LetterEvaluation[], which: 'parser' | 'withChecks'): WarningTally {
  return letters.reduce((sum, letter) => (letter.warnings ? addTallies(sum, letter.warnings[which]) : sum), EMPTY_TALLY);
}
