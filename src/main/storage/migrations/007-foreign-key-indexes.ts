/**
 * Every foreign key gets an index led by its column. Without one, reading a letter's facets,
 * deleting a letter (the cascade looks up its children) or rewriting its derived values scans
 * the whole child table: storing the 6,000th letter took twice as long as the first, and a
 * 100,000-letter library went quadratic.
 */
import type { Migration } from '../migrate.ts';

export const foreignKeyIndexesMigration: Migration = {
  version: 7,
  name: 'foreign-key-indexes',
  up(db) {
    db.exec(`
      CREATE INDEX item_facets_by_letter ON item_facets(letter_id);
      CREATE INDEX change_groups_by_letter ON change_groups(letter_id);
    `);
  },
};
