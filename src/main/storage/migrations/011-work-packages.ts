/**
 * Work packages (src/main/team):
 * - in the coordinating library, the packages made from it (whom each is for, when it went out,
 *   when it came back) and their letters, each with the record the reviewer returned: the base of
 *   the next merge of the same package, and what overlapping packages' agreement is measured on;
 * - in a package file (itself a library), who it is and, per letter, the record and revision it
 *   went out with: the base of its three-way merge.
 */
import type { Migration } from '../migrate.ts';

export const workPackagesMigration: Migration = {
  version: 11,
  name: 'work-packages',
  up(db) {
    db.exec(`
      CREATE TABLE work_packages (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        reviewer TEXT NOT NULL,
        file_name TEXT NOT NULL,
        letter_count INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        merged_at TEXT,
        merged_by TEXT
      );
      CREATE TABLE work_package_letters (
        package_id TEXT NOT NULL REFERENCES work_packages(id) ON DELETE CASCADE,
        letter_id INTEGER NOT NULL REFERENCES letters(id) ON DELETE CASCADE,
        -- The letter as the package brought it back (JSON record, no spans); NULL until merged.
        returned TEXT,
        PRIMARY KEY (package_id, letter_id)
      ) WITHOUT ROWID;
      CREATE INDEX work_package_letters_by_letter ON work_package_letters(letter_id);

      CREATE TABLE package_identity (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        reviewer TEXT NOT NULL,
        source_library_id TEXT NOT NULL,
        source_file_name TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL
      );
      CREATE TABLE package_base (
        letter_id INTEGER PRIMARY KEY REFERENCES letters(id) ON DELETE CASCADE,
        revision INTEGER NOT NULL,
        record TEXT NOT NULL
      );
    `);
  },
};
