/**
 * The library schema: letters (their text kept apart in letter_texts), items, tags, notes,
 * edit history, import runs, and FTS5 indexes kept in sync by triggers.
 */
import type { Migration } from '../migrate.ts';

/** PRAGMA application_id of a letter library ("IMRR"): tells our files from other SQLite files. */
export const LIBRARY_APPLICATION_ID = 0x494d5252;

export const initialMigration: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.pragma(`application_id = ${LIBRARY_APPLICATION_ID}`);
    db.exec(`
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );

      CREATE TABLE import_runs (
        id INTEGER PRIMARY KEY,
        source TEXT,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        status TEXT NOT NULL DEFAULT 'running'
          CHECK (status IN ('running', 'completed', 'failed', 'cancelled')),
        files_seen INTEGER NOT NULL DEFAULT 0,
        imported_count INTEGER NOT NULL DEFAULT 0,
        duplicate_count INTEGER NOT NULL DEFAULT 0,
        failed_count INTEGER NOT NULL DEFAULT 0
      );

      CREATE TABLE import_errors (
        id INTEGER PRIMARY KEY,
        run_id INTEGER NOT NULL REFERENCES import_runs(id) ON DELETE CASCADE,
        file_path TEXT NOT NULL,
        code TEXT NOT NULL,
        message TEXT NOT NULL,
        at TEXT NOT NULL
      );
      CREATE INDEX import_errors_by_run ON import_errors(run_id, id);

      CREATE TABLE letters (
        id INTEGER PRIMARY KEY,
        sha256 TEXT NOT NULL UNIQUE,
        file_name TEXT NOT NULL,
        file_path TEXT NOT NULL,
        file_size INTEGER NOT NULL,
        source_kind TEXT NOT NULL CHECK (source_kind IN ('pdf', 'text')),
        encoding TEXT,
        page_count INTEGER NOT NULL,
        format TEXT NOT NULL,
        case_number TEXT,
        has_header INTEGER NOT NULL,
        date_assigned TEXT,
        decision_date TEXT,
        date_of_injury TEXT,
        ur_denial_date TEXT,
        application_received TEXT,
        priority TEXT,
        reviewer_specialty TEXT,
        reviewer_licensure TEXT,
        reviewer_subspecialty TEXT,
        clinical_case_summary TEXT,
        spans TEXT NOT NULL DEFAULT '{}',
        warnings TEXT NOT NULL DEFAULT '[]',
        human_edited TEXT NOT NULL DEFAULT '[]',
        parser_version TEXT NOT NULL,
        import_run_id INTEGER REFERENCES import_runs(id) ON DELETE SET NULL,
        imported_at TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'unreviewed'
          CHECK (status IN ('unreviewed', 'in_progress', 'verified', 'flagged')),
        flag_reason TEXT,
        verified_at TEXT,
        verified_by TEXT,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX letters_by_import_run ON letters(import_run_id);
      CREATE INDEX letters_by_parser_version ON letters(parser_version);

      CREATE TABLE letter_texts (
        letter_id INTEGER PRIMARY KEY REFERENCES letters(id) ON DELETE CASCADE,
        text TEXT NOT NULL,
        page_offsets TEXT NOT NULL
      );

      CREATE TABLE items (
        id INTEGER PRIMARY KEY,
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
        status TEXT NOT NULL DEFAULT 'unreviewed'
          CHECK (status IN ('unreviewed', 'confirmed', 'flagged')),
        human_edited TEXT NOT NULL DEFAULT '[]',
        added_by_reviewer INTEGER NOT NULL DEFAULT 0
      );
      CREATE UNIQUE INDEX items_by_letter_position ON items(letter_id, position);

      CREATE TABLE tags (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        colour TEXT NOT NULL,
        hotkey TEXT UNIQUE,
        scope TEXT NOT NULL DEFAULT 'both' CHECK (scope IN ('letter', 'item', 'both')),
        created_at TEXT NOT NULL
      );

      CREATE TABLE letter_tags (
        letter_id INTEGER NOT NULL REFERENCES letters(id) ON DELETE CASCADE,
        tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
        tagged_at TEXT NOT NULL,
        PRIMARY KEY (letter_id, tag_id)
      ) WITHOUT ROWID;
      CREATE INDEX letter_tags_by_tag ON letter_tags(tag_id, letter_id);

      CREATE TABLE item_tags (
        item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
        tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
        tagged_at TEXT NOT NULL,
        PRIMARY KEY (item_id, tag_id)
      ) WITHOUT ROWID;
      CREATE INDEX item_tags_by_tag ON item_tags(tag_id, item_id);

      CREATE TABLE notes (
        id INTEGER PRIMARY KEY,
        letter_id INTEGER NOT NULL REFERENCES letters(id) ON DELETE CASCADE,
        body TEXT NOT NULL,
        author TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX notes_by_letter ON notes(letter_id, id);

      CREATE TABLE edit_history (
        id INTEGER PRIMARY KEY,
        letter_id INTEGER NOT NULL REFERENCES letters(id) ON DELETE CASCADE,
        entity_type TEXT NOT NULL CHECK (entity_type IN ('letter', 'item')),
        entity_id INTEGER NOT NULL,
        action TEXT NOT NULL,
        field TEXT,
        old_value TEXT,
        new_value TEXT,
        at TEXT NOT NULL,
        reviewer TEXT NOT NULL
      );
      CREATE INDEX edit_history_by_letter ON edit_history(letter_id, id);

      -- External-content FTS: the index points at letter_texts / items rows, so no text is stored twice.
      CREATE VIRTUAL TABLE letter_text_fts USING fts5(
        text,
        content = 'letter_texts', content_rowid = 'letter_id',
        tokenize = 'unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER letter_texts_fts_insert AFTER INSERT ON letter_texts BEGIN
        INSERT INTO letter_text_fts(rowid, text) VALUES (new.letter_id, new.text);
      END;
      CREATE TRIGGER letter_texts_fts_delete AFTER DELETE ON letter_texts BEGIN
        INSERT INTO letter_text_fts(letter_text_fts, rowid, text) VALUES ('delete', old.letter_id, old.text);
      END;
      CREATE TRIGGER letter_texts_fts_update AFTER UPDATE OF text ON letter_texts BEGIN
        INSERT INTO letter_text_fts(letter_text_fts, rowid, text) VALUES ('delete', old.letter_id, old.text);
        INSERT INTO letter_text_fts(rowid, text) VALUES (new.letter_id, new.text);
      END;

      CREATE VIRTUAL TABLE item_fts USING fts5(
        service, claims_administrator_guideline, maximus_guideline, rationale,
        content = 'items', content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2'
      );
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
    `);
  },
};
