/**
 * Measured quality (src/main/quality):
 * - letters keep how many items the parser read, so an audit can tell the items it invented
 *   (deleted or merged away by a reviewer) from the ones it missed (added, or split off);
 *   backfilled from the items still there and the parser items deleted by changes in force;
 *   NULL where unknown (a letter known only from a dataset); and how many warnings it gave
 *   (answered or not), which an audit's strata read: verifying a letter answers them all;
 * - audit samples: the seed, the frame (the filter and, packed, the letter ids it held when
 *   drawn, grouped by stratum), the strata's sizes and the letters drawn; never changed after;
 * - blind passes: letters re-read without their values, what the reviewer entered and the
 *   verified values it was compared with; a disagreement goes to the adjudication list
 *   (dataset_conflicts, with the pass it came from).
 */
import type { Migration } from '../migrate.ts';

export const auditMigration: Migration = {
  version: 10,
  name: 'audit',
  up(db) {
    db.exec(`
      ALTER TABLE letters ADD COLUMN parsed_item_count INTEGER;
      ALTER TABLE letters ADD COLUMN parser_warning_count INTEGER NOT NULL DEFAULT 0;
      UPDATE letters SET parser_warning_count = json_array_length(warnings)
        + (SELECT COALESCE(SUM(json_array_length(i.warnings)), 0) FROM items i WHERE i.letter_id = letters.id);
      -- The letters the parser warned on, few and read as a list: a stratified frame of 100,000
      -- letters then reads no letters row (the queue's index covers the other stratifiers).
      CREATE INDEX letters_parser_warned ON letters(id) WHERE parser_warning_count > 0;
      UPDATE letters SET parsed_item_count =
          (SELECT COUNT(*) FROM items i WHERE i.letter_id = letters.id AND i.added_by_reviewer = 0)
        + (SELECT COUNT(*) FROM change_rows r JOIN change_groups g ON g.id = r.group_id
           WHERE g.letter_id = letters.id AND g.state = 'done' AND r.table_name = 'items'
             AND r.after IS NULL AND r.before IS NOT NULL AND json_extract(r.before, '$.added_by_reviewer') = 0)
      -- A letter created from a dataset has no text here, and its parse is unknown.
      WHERE NOT EXISTS (SELECT 1 FROM letter_texts t WHERE t.letter_id = letters.id AND t.text = '');

      CREATE TABLE audit_samples (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT NOT NULL,
        seed INTEGER NOT NULL,
        -- The queue filter (JSON) the frame was drawn with, and the stratifiers (JSON list).
        frame_filter TEXT NOT NULL,
        strata TEXT NOT NULL,
        target TEXT,
        -- The frame's letter ids when drawn, as little-endian 32-bit integers grouped by stratum.
        frame BLOB NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL
      );
      CREATE TABLE audit_sample_strata (
        sample_id INTEGER NOT NULL REFERENCES audit_samples(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        key TEXT NOT NULL,
        frame_letters INTEGER NOT NULL,
        sampled INTEGER NOT NULL,
        PRIMARY KEY (sample_id, position)
      ) WITHOUT ROWID;
      CREATE TABLE audit_sample_letters (
        sample_id INTEGER NOT NULL REFERENCES audit_samples(id) ON DELETE CASCADE,
        letter_id INTEGER NOT NULL REFERENCES letters(id) ON DELETE CASCADE,
        stratum INTEGER NOT NULL,
        -- The order the letters were drawn in.
        draw INTEGER NOT NULL,
        PRIMARY KEY (sample_id, letter_id)
      ) WITHOUT ROWID;
      CREATE INDEX audit_sample_letters_by_letter ON audit_sample_letters(letter_id);

      CREATE TABLE blind_passes (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        reviewer TEXT NOT NULL,
        mode TEXT NOT NULL CHECK (mode IN ('fields', 'decision')),
        created_at TEXT NOT NULL
      );
      CREATE TABLE blind_letters (
        pass_id INTEGER NOT NULL REFERENCES blind_passes(id) ON DELETE CASCADE,
        letter_id INTEGER NOT NULL REFERENCES letters(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        submitted_at TEXT,
        -- What the reviewer entered, and the letter's verified values and verifier it was compared with (JSON).
        blind TEXT,
        verified TEXT,
        verified_by TEXT,
        PRIMARY KEY (pass_id, letter_id)
      ) WITHOUT ROWID;
      CREATE INDEX blind_letters_by_letter ON blind_letters(letter_id);

      ALTER TABLE dataset_conflicts ADD COLUMN blind_pass_id INTEGER REFERENCES blind_passes(id);
      CREATE INDEX dataset_conflicts_by_blind_pass ON dataset_conflicts(blind_pass_id);
    `);
  },
};
