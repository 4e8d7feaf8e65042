/**
 * Small libraries built straight through the store before the bridge opens them (as queue.spec
 * does): generated letters under known case numbers, so a spec knows what each letter holds.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseLetter } from '../../src/main/letters/parsing/index.ts';
import type { NewConflict } from '../../src/main/storage/index.ts';
import { insertParsedLetter, openLibrary, recordConflict, startImportRun } from '../../src/main/storage/index.ts';
import { generateLetter, renderLetterText } from '../fixtures/index.ts';

export interface BuiltLetter {
  readonly caseNumber: string;
  readonly text: string;
}

export interface LibraryPlan {
  readonly letters: number;
  /** Letters whose case number is left out of the text, so the parser warns about it. */
  readonly withoutCaseNumber?: readonly number[];
  /** Letters whose case number is printed short (CM17-9000 rather than CM17-0009000), so the format check finds it. */
  readonly shortCaseNumber?: readonly number[];
  /** Conflicts to record on the letter at `letter` (an index into the letters). */
  readonly conflicts?: ReadonlyArray<Omit<NewConflict, 'letterId'> & { readonly letter: number }>;
  /** The number in the case number of the letter imported at `index` (default 9000 + index: case order is import order). */
  readonly caseNumberAt?: (index: number) => number;
}

export function buildLibrary(plan: LibraryPlan): { file: string; letters: BuiltLetter[] } {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'imr-e2e-lib-')), 'library.sqlite');
  const library = openLibrary(file, { reviewer: 'Builder' });
  const runId = startImportRun(library.db, 'e2e');
  const letters: BuiltLetter[] = [];
  const ids: number[] = [];
  for (let seed = 7000; letters.length < plan.letters; seed++) {
    const generated = renderLetterText(generateLetter(seed), 'layout');
    if (!/CM\d{2}-\d{7}/.test(generated)) continue;
    const index = letters.length;
    // The year the generator gave the letter, so the case number agrees with its dates (the year check).
    const year = /CM(\d{2})-\d{7}/.exec(generated)?.[1] ?? '17';
    const number = plan.caseNumberAt?.(index) ?? 9000 + index;
    const caseNumber = plan.shortCaseNumber?.includes(index) ? `CM${year}-${number}` : `CM${year}-${String(number).padStart(7, '0')}`;
    const text = plan.withoutCaseNumber?.includes(index) ? generated.replace(/CM\d{2}-\d{7}/g, '') : generated.replace(/CM\d{2}-\d{7}/g, caseNumber);
    const source = { path: `/e2e/${caseNumber}.txt`, fileName: `${caseNumber}.txt`, size: text.length, sha256: caseNumber.padEnd(64, '0'), kind: 'text' as const, text, pageOffsets: [0], encoding: 'utf-8' };
    ids.push(insertParsedLetter(library.db, source, parseLetter(text), runId).letterId);
    letters.push({ caseNumber, text });
  }
  for (const { letter, ...conflict } of plan.conflicts ?? []) recordConflict(library.db, { ...conflict, letterId: ids[letter]! });
  library.close();
  return { file, letters };
}
