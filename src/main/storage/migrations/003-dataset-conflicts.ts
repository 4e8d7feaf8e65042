/**
 * Conflicts found when a reviewer's exported dataset is merged into this library: values both
 * sides vouched for (edited, or verified) that disagree, kept until a person takes one side.
 */
import type { Migration } from '../migrate.ts';

export const datasetConflictsMigration: Migration = {
  version: 3,
  name: 'dataset-conflicts',
  up(db) {
    db.exec(`
      CREATE TABLE dataset_conflicts (
        id INTEGER PRIMARY KEY,
        letter_id INTEGER NOT NULL REFERENCES letters(id) ON DELETE CASCADE,
        -- 0-based item position; NULL for letter fields and for the item list ('items').
        item_position INTEGER,
        field TEXT NOT NULL,
        ours TEXT,
        theirs TEXT,
        their_reviewer TEXT,
        source TEXT NOT NULL,
        detected_at TEXT NOT NULL,
        resolution TEXT CHECK (resolution IN ('ours', 'theirs')),
        resolved_by TEXT,
        resolved_at TEXT
      );
      CREATE INDEX dataset_conflicts_by_letter ON dataset_conflicts(letter_id, id);
      CREATE INDEX dataset_conflicts_open ON dataset_conflicts(resolution, id);
    `);
  },
};
