/**
 * Fault injection: `imr-review package merge` killed with SIGKILL at moments spread over a whole
 * run leaves the library as it was or fully merged, never part of it; the next merge of the same
 * package then completes. Timestamps aside (each run stamps its own), the rows are compared exactly.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { getLetter, openLibrary } from '../../src/main/storage/index.ts';
import { setDecision, verifyLetter } from '../review/asReviewer.ts';
import { BIN, cli } from '../cli/runCli.ts';
import { writeFixtureFolder } from '../fixtures/index.ts';

const KILLS = Number(process.env['IMR_PACKAGE_KILLS'] ?? 8);
let dir = '';
let library = '';
let packageFile = '';

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'imr-package-kill-'));
  await writeFixtureFolder(path.join(dir, 'letters'), { count: 60, seed: 2424, pdfShare: 0 });
  library = path.join(dir, 'coordinator.imrlib');
  expect((await cli('import', path.join(dir, 'letters'), '--db', library, '--create', '--reviewer', 'Coordinator', '--quiet')).code).toBe(0);
  expect((await cli('package', 'make', '--db', library, '--reviewers', 'Ana', '--out', path.join(dir, 'out'), '--quiet')).code).toBe(0);
  packageFile = path.join(dir, 'out', 'package-Ana.imrlib');
  const pkg = openLibrary(packageFile, { reviewer: 'Ana' });
  const ids = pkg.db.prepare('SELECT id FROM letters ORDER BY id').pluck().all() as number[];
  for (const id of ids) {
    const item = getLetter(pkg.db, id)?.items[0];
    if (item && id % 2 === 0) setDecision(pkg.db, item.id, item.decision === 'Upheld' ? 'Overturned' : 'Upheld');
    verifyLetter(pkg.db, id);
  }
  pkg.close();
}, 300_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The library's rows that a merge writes, without the times each run stamps and the revisions that only go up. */
function state(file: string): unknown {
  const db = new Database(file, { readonly: true });
  try {
    const rows = (sql: string) => db.prepare(sql).all();
    return {
      letters: rows('SELECT * FROM letters ORDER BY id').map((row) => ({ ...(row as object), updated_at: undefined, revision: undefined, verified_at: undefined })),
      items: rows('SELECT * FROM items ORDER BY id'),
      notes: rows('SELECT * FROM notes ORDER BY id'),
      tags: rows('SELECT id, name FROM tags ORDER BY id'),
      conflicts: rows('SELECT letter_id, item_position, field, ours, theirs FROM dataset_conflicts ORDER BY id'),
      packages: rows('SELECT id, merged_at IS NOT NULL AS merged FROM work_packages ORDER BY id'),
      returned: rows('SELECT package_id, letter_id, returned FROM work_package_letters ORDER BY package_id, letter_id'),
      groups: rows('SELECT action, reviewer, state FROM change_groups ORDER BY id'),
    };
  } finally {
    db.close();
  }
}

function copyOf(name: string): string {
  const file = path.join(dir, name);
  copyFileSync(library, file);
  return file;
}

/** Runs the merge on `file`, killed after `afterMs` (never when negative); resolves with how long it ran. */
async function merge(file: string, afterMs: number): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, 'package', 'merge', packageFile, '--db', file, '--quiet'], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const timer = afterMs >= 0 ? setTimeout(() => child.kill('SIGKILL'), afterMs) : null;
  await exited;
  if (timer) clearTimeout(timer);
  return performance.now() - started;
}

test('a package merge killed at any moment leaves the library as before or fully merged, and the next merge completes', { timeout: 600_000 }, async () => {
  const before = state(library);
  const whole = copyOf('whole.imrlib');
  const duration = await merge(whole, -1);
  const merged = state(whole);
  expect(merged).not.toEqual(before);

  const outcomes: string[] = [];
  for (let kill = 0; kill < KILLS; kill++) {
    const file = copyOf(`killed-${kill}.imrlib`);
    // Moments spread over a whole run, start-up included, so some fall inside the merge's transaction.
    await merge(file, Math.round((duration * (kill + 0.5)) / KILLS));
    const after = state(file);
    const outcome = JSON.stringify(after) === JSON.stringify(before) ? 'before' : JSON.stringify(after) === JSON.stringify(merged) ? 'merged' : 'partial';
    outcomes.push(outcome);
    expect(outcome, `kill ${kill}`).not.toBe('partial');
    await merge(file, -1);
    expect(state(file), `merge after kill ${kill}`).toEqual(merged);
  }
  expect(outcomes).toContain('before');
});
