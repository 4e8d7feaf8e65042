/**
 * Changes bound to what they were made on, and undone on the server:
 * - items, notes and tags get ids that are never reused (AUTOINCREMENT), so a change that
 *   names an item can never reach a later one with the same id;
 * - letters get a revision, bumped by every change, that a change must name;
 * - change groups replace the edit history: each holds the rows it changed, before and after,
 *   so undo and redo put back exactly what was there (the old history is kept, not undoable);
 * - a field's source is a list of spans (a merged value comes from two places);
 * - `original` keeps the parser's value and spans of each field a person changed, so putting
 *   the parser's value back clears the edited mark.
 */
import { randomUUID } from 'node:crypto';
import type { Migration } from '../migrate.ts';
import type { Db } from '../sql.ts';
import { convertLegacyHistory } from './legacyHistory.ts';

const ITEM_COLUMNS = `letter_id, position, service, decision, claims_administrator_guideline, maximus_guideline,
  rationale, original_request, authorized_by_claims_administrator, imr_eligible_portion, spans, warnings, status,
  human_edited, added_by_reviewer`;

export const boundChangesMigration: Migration = {
  version: 4,
  name: 'bound-changes',
  rebuildsTables: true,
  up(db) {
    rebuildWithStableIds(db);
    db.exec(`
      ALTER TABLE letters ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE letters ADD COLUMN original TEXT NOT NULL DEFAULT '{}';

      CREATE TABLE change_groups (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        -- The letter the change was made on; NULL for a change to the tag list itself.
        letter_id INTEGER REFERENCES letters(id) ON DELETE CASCADE,
        action TEXT NOT NULL,
        details TEXT NOT NULL DEFAULT '{}',
        -- review: made in the app or the API (the undo stack); dataset: taken from another
        -- reviewer's export; legacy: the history of a library made before change groups.
        origin TEXT NOT NULL CHECK (origin IN ('review', 'dataset', 'legacy')),
        reviewer TEXT NOT NULL,
        at TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'done' CHECK (state IN ('done', 'undone', 'discarded')),
        undone_at TEXT,
        -- 1 for a note, a letter tag or the tag list: not a change to the letter's data.
        commentary INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX change_groups_stack ON change_groups(origin, state, id);

      -- The rows a change group changed: before is NULL for a row it inserted, after for a row it
      -- deleted; an updated row keeps only the columns that changed.
      CREATE TABLE change_rows (
        group_id INTEGER NOT NULL REFERENCES change_groups(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        table_name TEXT NOT NULL,
        row_key TEXT NOT NULL,
        before TEXT,
        after TEXT,
        PRIMARY KEY (group_id, seq)
      ) WITHOUT ROWID;

      -- Every letter a group touched (a tag deleted from the tag list touches many).
      CREATE TABLE change_group_letters (
        letter_id INTEGER NOT NULL REFERENCES letters(id) ON DELETE CASCADE,
        group_id INTEGER NOT NULL REFERENCES change_groups(id) ON DELETE CASCADE,
        PRIMARY KEY (letter_id, group_id)
      ) WITHOUT ROWID;
      CREATE INDEX change_group_letters_by_group ON change_group_letters(group_id);
    `);
    spansAsLists(db);
    convertLegacyHistory(db);
    db.exec('DROP TABLE edit_history');
    db.prepare("INSERT INTO settings (key, value) VALUES ('library_id', ?)").run(randomUUID());
  },
};

/** SQLite's procedure for changing a table's definition: new table, copy, drop, rename (foreign keys off). */
function rebuildWithStableIds(db: Db): void {
  db.exec(`
    CREATE TABLE items_v4 (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      letter_id INTEGER NOT NULL REFERENCES letters(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      service TEXT,
      decision TEXT CHECK (decision IN ('Upheld', 'Overturned')),
      claims_administrator_guideline TEXT,
      maximus_guideline TEXT,
      rationale TEXT,
      original_request TEXT,
      authorized_by_claims_administrator TEXT,
      imr_eligible_portion TEXT,
      spans TEXT NOT NULL DEFAULT '{}',
      warnings TEXT NOT NULL DEFAULT '[]',
      status TEXT NOT NULL DEFAULT 'unreviewed' CHECK (status IN ('unreviewed', 'confirmed', 'flagged')),
      human_edited TEXT NOT NULL DEFAULT '[]',
      added_by_reviewer INTEGER NOT NULL DEFAULT 0,
      original TEXT NOT NULL DEFAULT '{}'
    );
    INSERT INTO items_v4 (id, ${ITEM_COLUMNS}) SELECT id, ${ITEM_COLUMNS} FROM items;
    DROP TABLE items;
    ALTER TABLE items_v4 RENAME TO items;
    CREATE UNIQUE INDEX items_by_letter_position ON items(letter_id, position);
    CREATE TRIGGER items_fts_insert AFTER INSERT ON items BEGIN
      INSERT INTO item_fts(rowid, service, claims_administrator_guideline, maximus_guideline, rationale)
      VALUES (new.id, new.service, new.claims_administrator_guideline, new.maximus_guideline, new.rationale);
    END;
    CREATE TRIGGER items_fts_delete AFTER DELETE ON items BEGIN
      INSERT INTO item_fts(item_fts, rowid, service, claims_administrator_guideline, maximus_guideline, rationale)
      VALUES ('delete', old.id, old.service, old.claims_administrator_guideline, old.maximus_guideline, old.rationale);
    END;
    CREATE TRIGGER items_fts_update
    AFTER UPDATE OF service, claims_administrator_guideline, maximus_guideline, rationale ON items BEGIN
      INSERT INTO item_fts(item_fts, rowid, service, claims_administrator_guideline, maximus_guideline, rationale)
      VALUES ('delete', old.id, old.service, old.claims_administrator_guideline, old.maximus_guideline, old.rationale);
      INSERT INTO item_fts(rowid, service, claims_administrator_guideline, maximus_guideline, rationale)
      VALUES (new.id, new.service, new.claims_administrator_guideline, new.maximus_guideline, new.rationale);
    END;

    CREATE TABLE notes_v4 (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      letter_id INTEGER NOT NULL REFERENCES letters(id) ON DELETE CASCADE,
      body TEXT NOT NULL,
      author TEXT NOT NULL,
      created_at TEXT NOT NULL
    );
    INSERT INTO notes_v4 (id, letter_id, body, author, created_at) SELECT id, letter_id, body, author, created_at FROM notes;
    DROP TABLE notes;
    ALTER TABLE notes_v4 RENAME TO notes;
    CREATE INDEX notes_by_letter ON notes(letter_id, id);

    CREATE TABLE tags_v4 (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      name TEXT NOT NULL UNIQUE COLLATE NOCASE,
      colour TEXT NOT NULL,
      hotkey TEXT UNIQUE,
      scope TEXT NOT NULL DEFAULT 'both' CHECK (scope IN ('letter', 'item', 'both')),
      created_at TEXT NOT NULL
    );
    INSERT INTO tags_v4 (id, name, colour, hotkey, scope, created_at) SELECT id, name, colour, hotkey, scope, created_at FROM tags;
    DROP TABLE tags;
    ALTER TABLE tags_v4 RENAME TO tags;
  `);
}

/** `{field: [start, end]}` becomes `{field: [[start, end]]}`: one list of spans per value. */
function spansAsLists(db: Db): void {
  const asLists = `(SELECT json_group_object(key, json_array(json(value))) FROM json_each(spans))`;
  db.exec(`
    UPDATE letters SET spans = ${asLists} WHERE spans <> '{}';
    UPDATE items SET spans = ${asLists} WHERE spans <> '{}';
  `);
}
