/** What import-dataset prints about the conflicts it leaves: long values shortened on the terminal, whole in --json. */
import { expect, test } from 'vitest';
import type { DatasetConflict } from '../../src/shared/export.ts';
import { cliInProcess } from '../cli/runCli.ts';
import { flagLetter, updateItemField, verifyLetter } from '../review/asReviewer.ts';
import { useTempFolder } from '../storage/helpers.ts';
import { exportJsonl, twoReviewers } from './twoReviewers.ts';

const temp = useTempFolder();

/** A rationale of about 40,000 characters over many lines, as a pasted report would be. */
const longRationale = (who: string) => Array.from({ length: 500 }, (_, line) => `${who} line ${line}: the criteria of the guideline are not met.`).join('\n');

test('a long conflicting value is shortened in the text output and whole in --json; a status conflict reads as the two decisions', async () => {
  const { ours, theirs } = twoReviewers(temp);
  const oursLong = longRationale('Ours');
  const theirsLong = longRationale('Theirs');
  updateItemField(ours.library.db, ours.itemIds[0] ?? 0, 'rationale', oursLong);
  updateItemField(theirs.library.db, theirs.itemIds[0] ?? 0, 'rationale', theirsLong);
  flagLetter(ours.library.db, ours.letterId, 'Check item 2');
  verifyLetter(theirs.library.db, theirs.letterId);
  const file = await exportJsonl(temp, theirs.library);
  ours.library.close();

  const text = await cliInProcess('import-dataset', file, '--db', ours.library.file);
  expect(text.code).toBe(0);
  const lines = text.stdout.split('\n');
  expect(lines).toContain('  new conflicts:   2');
  const rationale = lines.find((line) => line.includes(' item 1 rationale: '));
  expect(rationale).toBe(
    `  CM16-0000900 item 1 rationale: ours ${JSON.stringify(oursLong.slice(0, 80))}… (${oursLong.length.toLocaleString('en-US')} characters), ` +
      `theirs ${JSON.stringify(theirsLong.slice(0, 80))}… (${theirsLong.length.toLocaleString('en-US')} characters)`,
  );
  expect(Math.max(...lines.map((line) => line.length))).toBeLessThan(300);
  expect(lines).toContain('  CM16-0000900 status: ours "flagged: Check item 2", theirs "verified"');

  const json = await cliInProcess('import-dataset', file, '--db', ours.library.file, '--json');
  expect(json.code).toBe(0);
  const waiting = (JSON.parse(json.stdout) as { conflictsWaiting: DatasetConflict[] }).conflictsWaiting;
  expect(waiting.map((conflict) => [conflict.field, conflict.ours, conflict.theirs])).toEqual([
    ['rationale', oursLong, theirsLong],
    ['status', 'flagged: Check item 2', 'verified'],
  ]);
});
