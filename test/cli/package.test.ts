/**
 * `imr-review package` as a coordinator runs it: packages made for two reviewers with an
 * overlap, each worked on as a library of its own, merged back (one of them twice), the
 * conflict and the agreement read back in JSON and in the terminal.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { getLetter, openLibrary } from '../../src/main/storage/index.ts';
import { flagLetter, verifyLetter } from '../review/asReviewer.ts';
import { writeFixtureFolder } from '../fixtures/index.ts';
import { cli } from './runCli.ts';

let dir = '';
let library = '';

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'imr-cli-package-'));
  await writeFixtureFolder(path.join(dir, 'letters'), { count: 8, seed: 91, pdfShare: 0 });
  library = path.join(dir, 'coordinator.imrlib');
  expect((await cli('import', path.join(dir, 'letters'), '--db', library, '--create', '--reviewer', 'Coordinator', '--quiet')).code).toBe(0);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Each reviewer verifies every letter of their package; Ben flags the first one instead. */
function review(file: string, reviewer: string): void {
  const pkg = openLibrary(file, { reviewer });
  const ids = pkg.db.prepare('SELECT id FROM letters ORDER BY id').pluck().all() as number[];
  for (const id of ids) {
    if (reviewer === 'Ben' && id === ids[0]) flagLetter(pkg.db, id, 'Page 2 is missing');
    else verifyLetter(pkg.db, id);
  }
  expect(getLetter(pkg.db, ids[0]!)?.status).toBe(reviewer === 'Ben' ? 'flagged' : 'verified');
  pkg.close();
}

test('make, merge (twice), list and agreement', { timeout: 120_000 }, async () => {
  const out = path.join(dir, 'packages');
  const made = await cli('package', 'make', '--db', library, '--reviewers', 'Ana,Ben', '--overlap', '100%', '--out', out, '--name', 'r1', '--json');
  expect(made.code).toBe(0);
  const packages = (JSON.parse(made.stdout) as { packages: { file: string; reviewer: string; letters: number; overlapping: number }[] }).packages;
  expect(packages.map((pkg) => [pkg.reviewer, pkg.letters, pkg.overlapping])).toEqual([
    ['Ana', 8, 8],
    ['Ben', 8, 8],
  ]);
  review(packages[0]!.file, 'Ana');
  review(packages[1]!.file, 'Ben');

  const merged = await cli('package', 'merge', packages[0]!.file, packages[1]!.file, packages[0]!.file, '--db', library, '--json');
  expect(merged.code).toBe(0);
  const result = JSON.parse(merged.stdout) as { merged: { reviewer: string; lettersChanged: number; conflicts: number; changeId: number | null }[]; conflictsWaiting: { field: string; ours: string; theirs: string }[] };
  expect(result.merged.map((one) => [one.reviewer, one.lettersChanged, one.conflicts, one.changeId === null])).toEqual([
    ['Ana', 8, 0, false],
    ['Ben', 8, 1, false],
    ['Ana', 8, 0, true],
  ]);
  expect(result.conflictsWaiting.map((conflict) => [conflict.field, conflict.ours, conflict.theirs])).toEqual([['status', 'verified', 'flagged: Page 2 is missing']]);

  const strict = await cli('package', 'merge', packages[1]!.file, '--db', library, '--strict');
  expect(strict.code).toBe(1);
  expect(strict.stdout).toContain('nothing new from Ben (merged before)');
  expect(strict.stdout).toContain('status: ours "verified", theirs "flagged: Page 2 is missing"');

  const listed = await cli('package', 'list', '--db', library);
  expect(listed.stdout.split('\n').filter(Boolean)).toEqual([
    expect.stringMatching(/^r1-Ana {2}for Ana: 8 letters, merged \d{4}-\d{2}-\d{2}; back 8 changed \(8 verified, 0 flagged\)$/),
    expect.stringMatching(/^r1-Ben {2}for Ben: 8 letters, merged \d{4}-\d{2}-\d{2}; back 8 changed \(7 verified, 1 flagged\)$/),
  ]);

  const agreement = JSON.parse((await cli('package', 'agreement', '--db', library, '--json')).stdout) as { pairs: { reviewers: string[]; letters: number; statusCompared: number; statusAgreed: number }[] };
  expect(agreement.pairs).toMatchObject([{ reviewers: ['Ana', 'Ben'], letters: 7, statusCompared: 8, statusAgreed: 7 }]);
  expect((await cli('package', 'agreement', '--db', library)).stdout).toContain('Ana and Ben: 7 letters both verified; statuses alike on 7 of 8 both decided (95% ');
});

test('a folder that cannot be made, or a file that is no package, is one line naming it', async () => {
  const notPackage = await cli('package', 'merge', library, '--db', library);
  expect(notPackage.code).toBe(1);
  expect(notPackage.stderr).toBe(`${library} is a library, not a work package; merge a library's letters with import-dataset; ${library} was not merged\n`);
  const missing = await cli('package', 'merge', path.join(dir, 'nope.imrlib'), '--db', library);
  expect(missing.code).toBe(2);
  const unnamed = path.join(dir, 'unnamed.imrlib');
  expect((await cli('init', '--db', unnamed)).code).toBe(0);
  const nobody = await cli('package', 'make', '--db', unnamed, '--reviewers', 'Cy', '--out', path.join(dir, 'unnamed'));
  expect([nobody.code, nobody.stderr]).toEqual([1, `${unnamed} has no reviewer yet: say who you are with --reviewer NAME\n`]);
  const blocked = await cli('package', 'make', '--db', library, '--reviewers', 'Cy', '--out', path.join(library, 'sub'));
  expect(blocked.code).toBe(1);
  expect(blocked.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  expect(blocked.stderr).not.toMatch(/^\s+at /m);
});
