/**
 * The rule checks' findings counted by code (`imr-review stats`, the app's counts) read only the
 * letters that have findings, from an index holding their findings: not every letter's wide row
 * (a 100,000-letter library's scan took most of stats' time).
 */
import type { Migration } from '../migrate.ts';

export const checksIndexMigration: Migration = {
  version: 13,
  name: 'checks-index',
  up(db) {
    db.exec('CREATE INDEX letters_with_checks ON letters(check_count, checks) WHERE check_count > 0');
  },
};
