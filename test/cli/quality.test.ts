/**
 * `imr-review sample` and `imr-review quality` as a user runs them: a library of test letters,
 * a sample drawn and listed, its letters verified (one corrected), and the measured rates read.
 */
import { describe, expect, test } from 'vitest';
import { setDecision, verifyLetter } from '../../src/main/review/index.ts';
import { openLibrary } from '../../src/main/storage/index.ts';
import type { AuditSample, QualityReport } from '../../src/shared/quality.ts';
import { useTempFolder } from '../storage/helpers.ts';
import { addLetters, letterOf, REVIEWER, refOf, THREE_ITEMS } from '../review/helpers.ts';
import { cliInProcess } from './runCli.ts';

const temp = useTempFolder();

function libraryWith(letters: number, reviewer?: string): string {
  const library = temp.library(reviewer === undefined ? {} : { reviewer });
  addLetters(
    library,
    Array.from({ length: letters }, (_, index) => ({ ...THREE_ITEMS, caseNumber: `CM16-${String(index + 1).padStart(7, '0')}` })),
  );
  const { file } = library;
  library.close();
  return file;
}

describe('imr-review sample', () => {
  test('draws from a target, says what each error costs, and lists the sample', async () => {
    const db = libraryWith(400, 'Ana');
    const drawn = await cliInProcess('sample', '--db', db, '--target', 'decision:1%', '--seed', '42');
    expect(drawn.code).toBe(0);
    expect(drawn.stdout).toContain('Sample 1 "Sample of 299 (seed 42)": 299 of 400 letters (seed 42), 0 checked');
    expect(drawn.stdout).toContain('letters to check: 0 wrong: 299; 1 wrong: 473 (+174); 2 wrong: 628 (+155); 3 wrong: 773 (+145)');
    const listed = await cliInProcess('sample', '--db', db, '--list', '--json');
    const [sample, ...others] = JSON.parse(listed.stdout) as AuditSample[];
    expect(others).toEqual([]);
    expect(sample).toMatchObject({ id: 1, seed: 42, size: 299, frameLetters: 400, createdBy: 'Ana', target: { measure: 'decision', rate: 0.01, confidence: 0.95 } });
  });

  test('says in one line why it cannot draw: no reviewer named, an empty frame', async () => {
    const db = libraryWith(3);
    expect(await cliInProcess('sample', '--db', db, '--size', '2')).toEqual({ code: 1, stdout: '', stderr: `${db} has no reviewer yet: say who draws the sample with --reviewer NAME\n` });
    expect(await cliInProcess('sample', '--db', db, '--size', '2', '--reviewer', 'Ana', '--status', 'verified')).toEqual({
      code: 1,
      stdout: '',
      stderr: `${db}: The frame holds no letters: widen the filter, or import letters first\n`,
    });
  });
});

describe('imr-review quality', () => {
  test('says plainly when nothing is measured yet', async () => {
    const db = libraryWith(2, 'Ana');
    const result = await cliInProcess('quality', '--db', db);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("No audit sample yet: the parser's values are unmeasured.");
  });

  test("prints each checked field's rate and interval, and the rate among the unread letters", async () => {
    const db = libraryWith(20, 'Ana');
    const drawn = JSON.parse((await cliInProcess('sample', '--db', db, '--size', '5', '--seed', '9', '--json')).stdout) as AuditSample;
    const library = openLibrary(db);
    const sampled = (library.db.prepare('SELECT letter_id FROM audit_sample_letters WHERE sample_id = ? ORDER BY draw').pluck().all(drawn.id) as number[]).slice(0, 4);
    const [corrected] = sampled as [number];
    setDecision(library.db, REVIEWER, refOf(library, corrected), letterOf(library, corrected).items[0]!.id, 'Overturned');
    for (const letterId of sampled) verifyLetter(library.db, REVIEWER, refOf(library, letterId));
    library.close();

    const text = await cliInProcess('quality', '--db', db);
    expect(text.stdout).toContain('Sample 1 "Sample of 5 (seed 9)" (seed 9): 4 of 5 letters checked; frame: every letter of the library, 20 letters');
    const table = text.stdout.split('\n').filter((line) => /^ {4}\S/.test(line)).slice(0, 5);
    expect(table).toEqual([
      '    value                                checked  wrong  rate (95% interval)',
      '    Every field of the letter                  4      1  25.0% (0.6–80.6%)',
      '    Item count                                 4      0  0.0% (0.0–60.2%)',
      '    Decision                                   4      1  25.0% (0.6–80.6%)',
      '    Service                                    4      0  0.0% (0.0–60.2%)',
    ]);
    expect(text.stdout).toContain('of 16 unread letters, about 25.0% (0.6–80.6%) have a wrong Decision');
    const report = JSON.parse((await cliInProcess('quality', '--db', db, '--json')).stdout) as QualityReport;
    expect(report.samples[0]?.estimates.find((estimate) => estimate.measure === 'service')).toMatchObject({ checked: 4, errors: 0, rate: 0 });
  });
});
