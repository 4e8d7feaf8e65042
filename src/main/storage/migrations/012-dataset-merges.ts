/**
 * The journal of a dataset merge under way (see datasetMerges.ts): the merge commits in short
 * transactions so the reviewer's edits go through between them, and notes here each letter it
 * created or merged, so a merge that fails or is killed can be taken back whole.
 */
import type { Migration } from '../migrate.ts';

export const datasetMergesMigration: Migration = {
  version: 12,
  name: 'dataset-merges',
  up(db) {
    db.exec(`
      CREATE TABLE dataset_merges (
        id INTEGER PRIMARY KEY,
        source TEXT NOT NULL,
        pid INTEGER,
        started_at TEXT NOT NULL
      );
      -- No key to letters: reverting a merge deletes the letters it created, then its journal.
      CREATE TABLE dataset_merge_letters (
        merge_id INTEGER NOT NULL REFERENCES dataset_merges(id) ON DELETE CASCADE,
        letter_id INTEGER NOT NULL,
        -- The merge's change group for a letter it merged; null for a letter it created.
        change_group_id INTEGER,
        -- The letter's revision as the merge left it: a letter changed since is left as it is.
        revision INTEGER NOT NULL,
        PRIMARY KEY (merge_id, letter_id)
      );
    `);
  },
};
