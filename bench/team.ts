/**
 * A team's package merged back at 100,000 letters: a package of 5,000 letters made from a copy
 * of the bench library, every one of them changed there (an item's decision, then verified; a
 * few flagged instead), and the whole `imr-review package merge` command timed with its peak
 * RSS, as the coordinator runs it. Targets: under 30 s and 300 MB. Making the package is timed
 * too, for information. The copy keeps bench/.data as built.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { flagLetter, verifyLetter, editItemField } from '../src/main/review/index.ts';
import { getLetter, openLibrary } from '../src/main/storage/index.ts';
import { imrReview, missingTools } from './commands.ts';
import { libraryFile } from './data.ts';
import type { BenchResult } from './result.ts';

const PACKAGE_LETTERS = 5000;
const TARGET_SECONDS = 30;
const TARGET_RSS_MB = 300;

/** Every letter of the package changed by its reviewer, in one transaction (not timed). */
function reviewPackage(file: string): number {
  const library = openLibrary(file, { reviewer: 'Ana' });
  const actor = { reviewer: 'Ana', origin: 'review' } as const;
  const { db } = library;
  let changed = 0;
  db.transaction(() => {
    for (const letterId of db.prepare('SELECT id FROM letters ORDER BY id').pluck().all() as number[]) {
      const letter = getLetter(db, letterId);
      const item = letter?.items[0];
      if (!letter || !item) continue;
      if (changed % 50 === 49) {
        flagLetter(db, actor, { letterId, revision: letter.revision }, 'Page 2 is missing');
      } else {
        const edited = editItemField(db, actor, { letterId, revision: letter.revision }, item.id, 'decision', { value: item.decision === 'Upheld' ? 'Overturned' : 'Upheld' });
        verifyLetter(db, actor, { letterId, revision: edited.revision });
      }
      changed++;
    }
  })();
  library.close();
  return changed;
}

export async function benchTeam(): Promise<BenchResult[]> {
  const missing = await missingTools();
  if (missing) return [{ name: 'package merge (skipped)', value: 0, unit: 's', detail: missing }];
  const source = libraryFile();
  const folder = mkdtempSync(path.join(tmpdir(), 'imr-bench-team-'));
  try {
    const checkpoint = new Database(source);
    checkpoint.pragma('wal_checkpoint(TRUNCATE)');
    checkpoint.close();
    const file = path.join(folder, 'coordinator.sqlite');
    copyFileSync(source, file);
    const made = await imrReview(['package', 'make', '--db', file, '--reviewers', 'Ana', '--count', String(PACKAGE_LETTERS), '--seed', '7', '--status', 'unreviewed', '--out', folder, '--name', 'bench', '--quiet']);
    const packageFile = path.join(folder, 'bench-Ana.imrlib');
    const changed = reviewPackage(packageFile);
    const merged = await imrReview(['package', 'merge', packageFile, '--db', file, '--json']);
    return [
      {
        name: `package merge of ${changed.toLocaleString('en-US')} changed letters into 100,000 (whole command)`,
        value: merged.seconds,
        unit: 's',
        target: { atMost: TARGET_SECONDS },
        detail: `making the package of ${PACKAGE_LETTERS.toLocaleString('en-US')} letters: ${made.seconds.toFixed(1)} s, peak RSS ${made.peakRssMb.toFixed(0)} MB`,
      },
      { name: 'package merge, peak RSS', value: merged.peakRssMb, unit: 'MB', target: { atMost: TARGET_RSS_MB } },
    ];
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
