/**
 * What the edges need:
 * - letters get the SHA-256 of their normalised text (contentHash.ts), indexed, so a second file
 *   holding a letter already in the library (re-saved in another encoding) is caught;
 * - import runs record the process that runs them and may be 'interrupted': a run whose process
 *   was killed is marked so at the next open, instead of staying 'running' for ever. The status
 *   CHECK constraint changes, so the table is rebuilt.
 */
import type { Migration } from '../migrate.ts';
import { contentSha256 } from '../contentHash.ts';

const RUN_COLUMNS = 'id, source, started_at, finished_at, status, files_seen, imported_count, duplicate_count, failed_count';

export const contentAndInterruptedRunsMigration: Migration = {
  version: 6,
  name: 'content-and-interrupted-runs',
  rebuildsTables: true,
  up(db) {
    db.exec(`
      CREATE TABLE import_runs_v6 (
        id INTEGER PRIMARY KEY,
        source TEXT,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        status TEXT NOT NULL DEFAULT 'running'
          CHECK (status IN ('running', 'completed', 'failed', 'cancelled', 'interrupted')),
        files_seen INTEGER NOT NULL DEFAULT 0,
        imported_count INTEGER NOT NULL DEFAULT 0,
        duplicate_count INTEGER NOT NULL DEFAULT 0,
        failed_count INTEGER NOT NULL DEFAULT 0,
        -- The process running the import: a 'running' run whose process is gone was killed.
        pid INTEGER
      );
      INSERT INTO import_runs_v6 (${RUN_COLUMNS}) SELECT ${RUN_COLUMNS} FROM import_runs;
      DROP TABLE import_runs;
      ALTER TABLE import_runs_v6 RENAME TO import_runs;

      ALTER TABLE letters ADD COLUMN content_sha256 TEXT;
    `);
    db.function('imr_content_sha256', { deterministic: true }, (text: unknown) => contentSha256(String(text)));
    db.exec(`
      UPDATE letters SET content_sha256 = imr_content_sha256((SELECT text FROM letter_texts t WHERE t.letter_id = letters.id))
      WHERE EXISTS (SELECT 1 FROM letter_texts t WHERE t.letter_id = letters.id);
      CREATE INDEX letters_by_content ON letters(content_sha256) WHERE content_sha256 IS NOT NULL;
    `);
  },
};
