/**
 * The page view: the library keeps its own copy of every PDF it imports, with where each run of
 * the letter's text sits on its pages (letterPages.ts), so the page shows after the source file
 * was moved or deleted. One row per letter read from a PDF; letters imported before have none.
 */
import type { Migration } from '../migrate.ts';

export const letterPagesMigration: Migration = {
  version: 8,
  name: 'letter-pages',
  up(db) {
    db.exec(`
      CREATE TABLE letter_pages (
        letter_id INTEGER PRIMARY KEY REFERENCES letters(id) ON DELETE CASCADE,
        -- The text runs and their fonts: deflated JSON (letterPages.ts).
        layout BLOB NOT NULL,
        -- The file's bytes as imported: their SHA-256 is the letter's sha256.
        pdf BLOB NOT NULL
      );
    `);
  },
};
