import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../src/main/storage/library.ts';
import { getLetter } from '../../src/main/storage/letters.ts';
import { contentSha256 } from '../../src/main/storage/contentHash.ts';
import { hasLetterWithSha256, listImportErrors, listImportRuns, listLetterHistory, readLetterPages } from '../../src/main/storage/index.ts';
import { bringDerivedUpToDate } from '../../src/main/review/index.ts';
import { migrate, schemaVersion } from '../../src/main/storage/migrate.ts';
import type { Migration } from '../../src/main/storage/migrate.ts';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../src/main/storage/migrations/index.ts';
import { queryQueue } from '../../src/main/storage/queue.ts';
import { getDerivedStats } from '../../src/main/storage/stats.ts';
import { searchLetters } from '../../src/main/storage/search.ts';
import type { Db } from '../../src/main/storage/sql.ts';
import { useTempFolder } from './helpers.ts';

const temp = useTempFolder();

/**
 * Data written with each old schema's own SQL (the services only speak the latest schema).
 * Returns the id of a letter that must come through every later migration intact.
 */
const SEEDS: Record<number, (db: Db) => number> = {
  1: (db) => {
    const text = 'Case Number: CM15-0001234\nLumbar fusion: Upheld\nDecision rationale: No instability shown.\n';
    db.prepare(
      `INSERT INTO letters (id, sha256, file_name, file_path, file_size, source_kind, page_count, format,
         case_number, has_header, spans, warnings, parser_version, imported_at, updated_at)
       VALUES (7, 'abc123', 'CM15-0001234.pdf', '/old/CM15-0001234.pdf', 2048, 'pdf', 1, 'F1-prose-credentials',
         'CM15-0001234', 0, '{"caseNumber":[13,25]}', '[{"code":"header-missing","message":"no header"}]',
         '0.9.0', '2025-01-02T03:04:05.000Z', '2025-01-02T03:04:05.000Z')`,
    ).run();
    db.prepare("INSERT INTO letter_texts (letter_id, text, page_offsets) VALUES (7, ?, '[0]')").run(text);
    db.exec(`
      INSERT INTO items (letter_id, position, service, decision, rationale, warnings, human_edited)
      VALUES (7, 0, 'Lumbar fusion', 'Upheld', 'No instability shown.', '[{"code":"guideline-missing","message":"x"}]', '["rationale"]'),
             (7, 1, 'Post-op brace', 'Overturned', 'Brace indicated after surgery.', '[]', '[]'),
             (7, 2, 'Cold therapy', NULL, NULL, '[]', '[]');
      INSERT INTO tags (id, name, colour, scope, created_at) VALUES (1, 'Old tag', '#123456', 'both', '2025-01-02');
      INSERT INTO letter_tags (letter_id, tag_id, tagged_at) VALUES (7, 1, '2025-01-02');
      INSERT INTO notes (letter_id, body, author, created_at) VALUES (7, 'Checked in 2025.', 'Lee', '2025-01-02');
      INSERT INTO edit_history (letter_id, entity_type, entity_id, action, field, old_value, new_value, at, reviewer)
      VALUES (7, 'item', 1, 'edit-field', 'rationale', 'No instability', 'No instability shown.', '2025-01-02', 'Lee');
      INSERT INTO settings (key, value) VALUES ('reviewer', 'Lee');
    `);
    return 7;
  },
  // Version 2 only added per-letter counts (defaulting to 0) and indexes: the version 1 rows, counted.
  2: (db) => {
    const letterId = (SEEDS[1] as (db: Db) => number)(db);
    db.prepare('UPDATE letters SET item_count = 3, upheld_count = 1, overturned_count = 1, warning_count = 2 WHERE id = ?').run(letterId);
    return letterId;
  },
  // Version 3 only added the dataset conflicts table: the version 2 rows, with one conflict.
  3: (db) => {
    const letterId = (SEEDS[2] as (db: Db) => number)(db);
    db.prepare(
      `INSERT INTO dataset_conflicts (letter_id, item_position, field, ours, theirs, their_reviewer, source, detected_at)
       VALUES (?, 0, 'decision', 'Upheld', 'Overturned', 'Ben', 'ben.jsonl', '2025-02-01')`,
    ).run(letterId);
    return letterId;
  },
  // Version 4: revisions, change groups, spans as lists, parser originals.
  4: (db) => {
    const text = 'Case Number: CM15-0001234\nLumbar fusion: Upheld\nDecision rationale: No instability shown.\n';
    db.prepare(
      `INSERT INTO letters (id, sha256, file_name, file_path, file_size, source_kind, page_count, format, case_number, has_header,
         spans, warnings, parser_version, imported_at, updated_at, item_count, upheld_count, overturned_count, warning_count, revision)
       VALUES (7, 'abc123', 'CM15-0001234.pdf', '/old/CM15-0001234.pdf', 2048, 'pdf', 1, 'F1-prose-credentials', 'CM15-0001234', 0,
         '{"caseNumber":[[13,25]]}', '[{"code":"header-missing","message":"no header"}]', '1.1.0', '2025-01-02', '2025-01-02', 3, 1, 1, 2, 4)`,
    ).run();
    db.prepare("INSERT INTO letter_texts (letter_id, text, page_offsets) VALUES (7, ?, '[0]')").run(text);
    db.exec(`
      INSERT INTO items (letter_id, position, service, decision, rationale, warnings, human_edited, original)
      VALUES (7, 0, 'Lumbar fusion', 'Upheld', 'No instability shown.', '[{"code":"guideline-missing","message":"x"}]', '["rationale"]',
                '{"rationale":{"value":"No instability"}}'),
             (7, 1, 'Post-op brace', 'Overturned', 'Brace indicated after surgery.', '[]', '[]', '{}'),
             (7, 2, 'Cold therapy', NULL, NULL, '[]', '[]', '{}');
      INSERT INTO tags (id, name, colour, scope, created_at) VALUES (1, 'Old tag', '#123456', 'both', '2025-01-02');
      INSERT INTO letter_tags (letter_id, tag_id, tagged_at) VALUES (7, 1, '2025-01-02');
      INSERT INTO notes (letter_id, body, author, created_at) VALUES (7, 'Checked in 2025.', 'Lee', '2025-01-02');
      INSERT INTO change_groups (letter_id, action, details, origin, reviewer, at) VALUES (7, 'edit-field', '{"itemId":1,"field":"rationale"}', 'legacy', 'Lee', '2025-01-02');
      INSERT INTO change_group_letters (letter_id, group_id) VALUES (7, 1);
      INSERT INTO settings (key, value) VALUES ('reviewer', 'Lee');
    `);
    return 7;
  },
  // Version 5 added derived values (filled in after opening): the version 4 rows, imported by two runs (one
  // finished, one killed midway), and a letter made from another reviewer's export, without text.
  5: (db) => {
    const letterId = (SEEDS[4] as (db: Db) => number)(db);
    db.exec(`
      INSERT INTO import_runs (id, source, started_at, finished_at, status, files_seen, imported_count, duplicate_count, failed_count)
      VALUES (1, '/old/first', '2025-01-01', '2025-01-01', 'completed', 1, 1, 0, 0),
             (2, '/old/killed', '2025-03-01', NULL, 'running', 0, 0, 0, 0);
      INSERT INTO import_errors (run_id, file_path, code, message, at) VALUES (2, '/old/bad.pdf', 'corrupt-pdf', 'bad.pdf: damaged', '2025-03-01');
      UPDATE letters SET import_run_id = 2 WHERE id = ${letterId};
      INSERT INTO letters (id, sha256, file_name, file_path, file_size, source_kind, page_count, format,
         has_header, spans, warnings, parser_version, imported_at, updated_at)
      VALUES (8, 'def456', 'theirs.pdf', 'theirs.pdf', 10, 'pdf', 1, 'F1-prose-credentials', 0, '{}', '[]', '1.0.0',
         '2025-04-01T00:00:00.000Z', '2025-04-01T00:00:00.000Z');
      INSERT INTO letter_texts (letter_id, text, page_offsets) VALUES (8, '', '[0]');
    `);
    return letterId;
  },
  // Version 6 keyed letters by their normalised text and added interrupted runs: the version 5 rows so keyed,
  // with facets on the items, and a letter read from a text file.
  6: (db) => {
    const letterId = (SEEDS[5] as (db: Db) => number)(db);
    const text = db.prepare('SELECT text FROM letter_texts WHERE letter_id = ?').pluck().get(letterId) as string;
    db.prepare('UPDATE letters SET content_sha256 = ? WHERE id = ?').run(contentSha256(text), letterId);
    db.prepare(
      `INSERT INTO item_facets (item_id, letter_id, facet, value)
       SELECT id, letter_id, 'category', 'surgery' FROM items WHERE letter_id = ?`,
    ).run(letterId);
    db.exec(`
      INSERT INTO letters (id, sha256, file_name, file_path, file_size, source_kind, encoding, page_count, format,
         has_header, spans, warnings, parser_version, imported_at, updated_at)
      VALUES (9, 'fed789', 'typed.txt', '/old/typed.txt', 40, 'text', 'utf-8', 1, 'unknown', 0, '{}', '[]', '1.2.0',
         '2025-05-01T00:00:00.000Z', '2025-05-01T00:00:00.000Z');
      INSERT INTO letter_texts (letter_id, text, page_offsets) VALUES (9, 'A letter typed out by hand, not a PDF.', '[0]');
    `);
    return letterId;
  },
  // Version 7 only indexed the foreign keys: the version 6 rows, and a PDF imported then (kept without its pages).
  7: (db) => {
    const letterId = (SEEDS[6] as (db: Db) => number)(db);
    const text = 'Case Number: CM15-0007777\nKnee arthroscopy: Overturned\n';
    db.prepare(
      `INSERT INTO letters (id, sha256, content_sha256, file_name, file_path, file_size, source_kind, page_count, format,
         case_number, has_header, spans, warnings, parser_version, imported_at, updated_at)
       VALUES (10, 'aa7777', ?, 'CM15-0007777.pdf', '/old/CM15-0007777.pdf', 3072, 'pdf', 1, 'F1-prose-credentials',
         'CM15-0007777', 0, '{}', '[]', '1.3.0', '2025-06-01T00:00:00.000Z', '2025-06-01T00:00:00.000Z')`,
    ).run(contentSha256(text));
    db.prepare("INSERT INTO letter_texts (letter_id, text, page_offsets) VALUES (10, ?, '[0]')").run(text);
    return letterId;
  },
  // Version 8 kept PDFs' pages: the version 7 rows, and a verified letter with a drug item each way, one a partial certification.
  8: (db) => {
    const letterId = (SEEDS[7] as (db: Db) => number)(db);
    db.exec(`
      INSERT INTO letters (id, sha256, file_name, file_path, file_size, source_kind, page_count, format, has_header, spans, warnings,
         parser_version, imported_at, updated_at, status, decision_date, reviewer_specialty, item_count, upheld_count, overturned_count)
      VALUES (11, 'ghi789', 'CM16-0000009.pdf', '/old/CM16-0000009.pdf', 10, 'pdf', 1, 'F1-prose-credentials', 0, '{}', '[]', '1.1.0',
         '2025-05-01', '2025-05-01', 'verified', '03/14/2016', 'Pain Medicine', 2, 1, 1);
      INSERT INTO letter_texts (letter_id, text, page_offsets) VALUES (11, 'Norco: Upheld. Gabapentin: Overturned.', '[0]');
      INSERT INTO items (id, letter_id, position, service, decision, original_request, authorized_by_claims_administrator, imr_eligible_portion)
      VALUES (20, 11, 0, 'Norco 10/325mg #120', 'Upheld', NULL, NULL, NULL),
             (21, 11, 1, 'Gabapentin 600mg #90', 'Overturned', 'Gabapentin 600mg #90', '#60', '#30');
      INSERT INTO item_facets (item_id, letter_id, facet, value)
      VALUES (20, 11, 'category', 'prescription-drug'), (20, 11, 'drug-class', 'opioid'),
             (21, 11, 'category', 'prescription-drug'), (21, 11, 'drug-class', 'anticonvulsant');
    `);
    return letterId;
  },
  // Version 9 kept the insights' counts: the version 8 rows, and on the verified letter a parser item deleted and a reviewer's added.
  9: (db) => {
    const letterId = (SEEDS[8] as (db: Db) => number)(db);
    db.exec(`
      INSERT INTO items (id, letter_id, position, service, decision, added_by_reviewer) VALUES (22, 11, 2, 'Added by hand', 'Upheld', 1);
      INSERT INTO change_groups (id, letter_id, action, origin, reviewer, at) VALUES (50, 11, 'delete-item', 'review', 'Lee', '2025-06-02');
      INSERT INTO change_rows (group_id, seq, table_name, row_key, before, after)
      VALUES (50, 0, 'items', '[23]', '{"id":23,"letter_id":11,"position":2,"service":"Invented","added_by_reviewer":0}', NULL);
      INSERT INTO change_groups (id, letter_id, action, origin, reviewer, at, state) VALUES (51, 11, 'delete-item', 'review', 'Lee', '2025-06-03', 'undone');
      INSERT INTO change_rows (group_id, seq, table_name, row_key, before, after)
      VALUES (51, 0, 'items', '[24]', '{"id":24,"letter_id":11,"position":2,"service":"Put back","added_by_reviewer":0}', NULL);
    `);
    return letterId;
  },
  // Version 10 kept audit samples and blind passes: the version 9 rows, and a sample of one letter.
  10: (db) => {
    const letterId = (SEEDS[9] as (db: Db) => number)(db);
    db.exec(`
      INSERT INTO audit_samples (id, name, seed, frame_filter, strata, frame, created_at, created_by)
      VALUES (1, 'first audit', 7, '{}', '[]', x'0b000000', '2025-07-01', 'Lee');
      INSERT INTO audit_sample_strata (sample_id, position, key, frame_letters, sampled) VALUES (1, 0, 'all letters', 1, 1);
      INSERT INTO audit_sample_letters (sample_id, letter_id, stratum, draw) VALUES (1, 11, 0, 0);
    `);
    return letterId;
  },
  // Version 11 added work packages (none made here): the version 10 rows.
  11: (db) => (SEEDS[10] as (db: Db) => number)(db),
  // Version 12 added the dataset merge journal (no merge under way here): the version 11 rows, one of them with a finding.
  12: (db) => {
    const letterId = (SEEDS[11] as (db: Db) => number)(db);
    db.prepare(`UPDATE letters SET checks = '[{"code":"case-number-year","message":"x"}]', check_count = 1 WHERE id = ?`).run(letterId);
    return letterId;
  },
};

/** The foreign keys of every table: (child table, child column). */
function foreignKeys(db: Db): { table: string; column: string }[] {
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
  return tables.flatMap((table) =>
    (db.pragma(`foreign_key_list("${table}")`) as { from: string }[]).map((key) => ({ table, column: key.from })),
  );
}

/** A closed library file at `version`, holding that version's seed data. */
function libraryAtVersion(version: number): { file: string; letterId: number } {
  const file = join(temp.folder(), 'library.imrlib');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  migrate(db, MIGRATIONS, version);
  const seed = SEEDS[version];
  if (!seed) throw new Error(`No seed data for schema version ${version}`);
  const letterId = seed(db);
  db.close();
  return { file, letterId };
}

describe('schema migrations', () => {
  it('have seed data for every version a user may still have', () => {
    for (let version = 1; version < LATEST_SCHEMA_VERSION; version++) expect(SEEDS[version], `version ${version}`).toBeDefined();
  });

  for (let version = 1; version < LATEST_SCHEMA_VERSION; version++) {
    it(`bring a version ${version} library to version ${LATEST_SCHEMA_VERSION}, keeping its data and a byte-identical backup`, () => {
      const { file, letterId } = libraryAtVersion(version);
      const before = readFileSync(file);

      const library = openLibrary(file);
      const { db } = library;
      expect(library.previousSchemaVersion).toBe(version);
      expect(library.backupFile).toBe(`${file}.v${version}.bak`);
      expect(readFileSync(`${file}.v${version}.bak`).equals(before)).toBe(true);
      expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);

      const letter = getLetter(db, letterId);
      expect(letter?.caseNumber).toBe('CM15-0001234');
      expect(letter?.items.map((item) => [item.service, item.decision])).toEqual([
        ['Lumbar fusion', 'Upheld'],
        ['Post-op brace', 'Overturned'],
        ['Cold therapy', null],
      ]);
      expect(letter?.items[0]?.humanEdited).toEqual(['rationale']);
      expect(letter?.tags.map((tag) => tag.name)).toEqual(['Old tag']);
      expect(letter?.notes.map((note) => note.body)).toEqual(['Checked in 2025.']);
      expect(searchLetters(db, 'instability').map((hit) => hit.letterId)).toEqual([letterId]);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      library.close();
    });
  }

  it('002 backfills the per-letter counts the queue filters on', () => {
    const { file, letterId } = libraryAtVersion(1);
    const library = openLibrary(file);
    const [row] = queryQueue(library.db, { sort: 'attention', offset: 0, limit: 10, decision: 'Overturned' });
    expect(row).toMatchObject({ id: letterId, itemCount: 3, upheldCount: 1, overturnedCount: 1, warningCount: 2 });
    library.close();
  });

  it('003 adds the dataset conflicts table, tied to its letter', () => {
    const { file, letterId } = libraryAtVersion(2);
    const library = openLibrary(file);
    const insert = library.db.prepare(
      `INSERT INTO dataset_conflicts (letter_id, item_position, field, ours, theirs, their_reviewer, source, detected_at)
       VALUES (?, 0, 'decision', 'Upheld', 'Overturned', 'Other Reviewer', 'their.jsonl', '2026-01-01')`,
    );
    insert.run(letterId);
    expect(() => insert.run(9999)).toThrow(/FOREIGN KEY/);
    expect(() => library.db.prepare("UPDATE dataset_conflicts SET resolution = 'maybe'").run()).toThrow(/CHECK/);
    library.db.prepare('DELETE FROM letters WHERE id = ?').run(letterId);
    expect(library.db.prepare('SELECT COUNT(*) AS n FROM dataset_conflicts').get()).toEqual({ n: 0 });
    library.close();
  });

  it('004 gives items, notes and tags ids never used again, turns spans into lists, and keeps the old history as change groups', () => {
    const { file, letterId } = libraryAtVersion(3);
    const library = openLibrary(file);
    const { db } = library;
    const letter = getLetter(db, letterId)!;
    expect(letter.revision).toBe(0);
    expect(letter.spans['caseNumber']).toEqual([[13, 25]]);
    expect(letter.items.map((item) => item.id)).toEqual([1, 2, 3]);
    // The highest item deleted, a new one does not take its id.
    db.prepare('DELETE FROM items WHERE id = 3').run();
    db.prepare("INSERT INTO items (letter_id, position, service) VALUES (?, 2, 'New')").run(letterId);
    expect(db.prepare('SELECT MAX(id) AS id FROM items').get()).toEqual({ id: 4 });
    for (const table of ['notes', 'tags']) {
      expect(db.prepare('SELECT sql FROM sqlite_schema WHERE name = ?').pluck().get(table)).toMatch(/AUTOINCREMENT/);
    }
    const [entry, ...others] = listLetterHistory(db, letterId);
    expect(others).toEqual([]);
    expect(entry).toMatchObject({ action: 'edit-field', origin: 'legacy', reviewer: 'Lee', state: 'done', details: { itemId: 1, field: 'rationale', from: 'No instability', to: 'No instability shown.' } });
    // The first edit's old value is the parser's: putting it back clears the edited mark.
    expect(JSON.parse(db.prepare('SELECT original FROM items WHERE id = 1').pluck().get() as string)).toEqual({ rationale: { value: 'No instability' } });
    expect(db.prepare("SELECT value FROM settings WHERE key = 'library_id'").pluck().get()).toMatch(/^[0-9a-f-]{36}$/);
    expect(db.prepare('SELECT COUNT(*) AS n FROM dataset_conflicts').get()).toEqual({ n: 1 });
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE name = 'edit_history'").get()).toBeUndefined();
    library.close();
  });

  it('005 adds the derived values the queue filters on, and the app works them out after opening', async () => {
    const { file, letterId } = libraryAtVersion(4);
    const library = openLibrary(file);
    expect(library.db.prepare('SELECT checks, check_count, attention_count FROM letters WHERE id = ?').get(letterId)).toEqual({ checks: '[]', check_count: 0, attention_count: 2 });
    expect(bringDerivedUpToDate(library.db)).toBe(1);
    const letter = getLetter(library.db, letterId)!;
    // Two items' rationales conclude nothing about medical necessity: the polarity check finds them.
    expect(letter.checks.map((check) => [check.code, check.itemIndex])).toEqual([
      ['rationale-without-conclusion', 0],
      ['rationale-without-conclusion', 1],
    ]);
    expect(library.db.prepare('SELECT check_count, attention_count FROM letters WHERE id = ?').get(letterId)).toEqual({ check_count: 2, attention_count: 4 });
    const facets = library.db.prepare("SELECT value FROM item_facets WHERE facet = 'category' ORDER BY item_id").pluck().all();
    expect(facets).toHaveLength(3);
    expect(bringDerivedUpToDate(library.db)).toBe(0);
    library.close();
  });

  it('006 keys letters by their normalised text and marks the import run a killed process left running as interrupted', () => {
    const { file, letterId } = libraryAtVersion(5);
    const library = openLibrary(file);
    const { db } = library;
    const text = db.prepare('SELECT text FROM letter_texts WHERE letter_id = ?').pluck().get(letterId) as string;
    const hashes = db.prepare('SELECT id, content_sha256 AS hash FROM letters ORDER BY id').all();
    expect(hashes).toEqual([
      { id: letterId, hash: contentSha256(text) },
      { id: 8, hash: null },
    ]);
    expect(contentSha256(text.replace(/\n/g, '\r\n  '))).toBe(contentSha256(text));
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'letters' AND name = 'letters_by_content'").pluck().get()).toBe('letters_by_content');
    expect(listImportRuns(db).map(({ id, status, imported, failed, finishedAt }) => ({ id, status, imported, failed, finished: finishedAt !== null }))).toEqual([
      { id: 2, status: 'interrupted', imported: 1, failed: 1, finished: true },
      { id: 1, status: 'completed', imported: 1, failed: 0, finished: true },
    ]);
    expect(listImportErrors(db, 2).map((error) => error.code)).toEqual(['corrupt-pdf']);
    expect(() => db.prepare("UPDATE import_runs SET status = 'lost' WHERE id = 1").run()).toThrow(/CHECK/);
    db.prepare('DELETE FROM import_runs WHERE id = 2').run();
    expect(db.prepare('SELECT COUNT(*) AS n FROM import_errors').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT import_run_id FROM letters WHERE id = ?').pluck().get(letterId)).toBeNull();
    library.close();
  });

  it('007 indexes every foreign key, so the rows of a letter are found without reading the whole table', () => {
    const { file, letterId } = libraryAtVersion(6);
    const library = openLibrary(file);
    const { db } = library;
    const keys = foreignKeys(db);
    expect(keys.length).toBeGreaterThan(10);
    for (const { table, column } of keys) {
      const plan = (db.prepare(`EXPLAIN QUERY PLAN SELECT 1 FROM "${table}" WHERE "${column}" = 1`).all() as { detail: string }[]).map((step) => step.detail).join('; ');
      expect(plan, `${table}.${column}`).toMatch(/^SEARCH .* USING (COVERING INDEX|INDEX|INTEGER PRIMARY KEY|PRIMARY KEY)/);
    }
    expect(db.prepare('SELECT COUNT(*) FROM item_facets WHERE letter_id = ?').pluck().get(letterId)).toBe(3);
    library.close();
  });

  it('008 keeps a copy of each PDF with its layout from now on: letters imported before have none, and reading a PDF again gives it its pages', () => {
    const { file, letterId } = libraryAtVersion(7);
    const library = openLibrary(file);
    const { db } = library;
    expect(readLetterPages(db, letterId)).toEqual({ kind: 'none', reason: 'no-copy' });
    expect(readLetterPages(db, 9)).toEqual({ kind: 'none', reason: 'text-file' });
    expect(readLetterPages(db, 10)).toEqual({ kind: 'none', reason: 'no-copy' });
    expect(hasLetterWithSha256(db, 'abc123')).toBe(false);
    expect(hasLetterWithSha256(db, 'fed789')).toBe(true);
    expect(hasLetterWithSha256(db, 'aa7777')).toBe(false);
    db.prepare("INSERT INTO letter_pages (letter_id, layout, pdf) VALUES (?, x'00', x'25504446')").run(letterId);
    expect(hasLetterWithSha256(db, 'abc123')).toBe(true);
    expect(() => db.prepare("INSERT INTO letter_pages (letter_id, layout, pdf) VALUES (4242, x'00', x'00')").run()).toThrow(/FOREIGN KEY/);
    db.prepare('DELETE FROM letters WHERE id = ?').run(letterId);
    expect(db.prepare('SELECT COUNT(*) AS n FROM letter_pages').get()).toEqual({ n: 0 });
    library.close();
  });

  it('009 keeps the insights\' counts per letter, per facet value and per status, and keeps them as letters change', () => {
    const { file, letterId } = libraryAtVersion(8);
    const library = openLibrary(file);
    const { db } = library;
    const columns = 'id, partial_count, partial_upheld_count, partial_overturned_count, drug_item_count, opioid_drug_item_count';
    expect(db.prepare(`SELECT ${columns} FROM letters ORDER BY id`).raw().all()).toEqual([
      [letterId, 0, 0, 0, 0, 0],
      [8, 0, 0, 0, 0, 0],
      [9, 0, 0, 0, 0, 0],
      [10, 0, 0, 0, 0, 0],
      [11, 1, 0, 1, 2, 1],
    ]);
    expect(db.prepare('SELECT letter_id, facet, value, items, upheld, overturned FROM letter_facets ORDER BY 1, 2, 3').raw().all()).toEqual([
      [letterId, 'category', 'surgery', 3, 1, 1],
      [11, 'category', 'prescription-drug', 2, 1, 1],
      [11, 'drug-class', 'anticonvulsant', 1, 0, 1],
      [11, 'drug-class', 'opioid', 1, 1, 0],
    ]);
    const totals = () => db.prepare('SELECT status, facet, value, letters, items, upheld, overturned FROM facet_totals ORDER BY 1, 2, 3').raw().all();
    expect(totals()).toEqual([
      ['unreviewed', 'category', 'surgery', 1, 3, 1, 1],
      ['verified', 'category', 'prescription-drug', 1, 2, 1, 1],
      ['verified', 'drug-class', 'anticonvulsant', 1, 1, 0, 1],
      ['verified', 'drug-class', 'opioid', 1, 1, 1, 0],
    ]);
    // The totals follow a letter's status and go with the letter.
    db.prepare("UPDATE letters SET status = 'in_progress' WHERE id = ?").run(letterId);
    db.prepare('DELETE FROM letters WHERE id = 11').run();
    expect(totals()).toEqual([['in_progress', 'category', 'surgery', 1, 3, 1, 1]]);
    expect(db.prepare('SELECT COUNT(*) FROM letter_facets WHERE letter_id = 11').pluck().get()).toBe(0);
    library.close();
  });

  it('010 counts the items the parser read: those still there and those a change in force deleted, not a reviewer\'s; unknown for a letter from a dataset', () => {
    const { file } = libraryAtVersion(9);
    const library = openLibrary(file);
    const count = library.db.prepare('SELECT parsed_item_count FROM letters WHERE id = ?').pluck();
    // Items 20 and 21 are the parser's, 22 a reviewer's; 23 was deleted (done), 24's deletion was undone.
    expect(count.get(11)).toBe(3);
    expect(count.get(7)).toBe(3);
    expect(count.get(8)).toBeNull();
    // Letter 7's own warning and its first item's, answered or not.
    expect(library.db.prepare('SELECT parser_warning_count FROM letters WHERE id = 7').pluck().get()).toBe(2);
    const tables = library.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name IN ('audit_samples', 'audit_sample_strata', 'audit_sample_letters', 'blind_passes', 'blind_letters') ORDER BY name").pluck().all();
    expect(tables).toEqual(['audit_sample_letters', 'audit_sample_strata', 'audit_samples', 'blind_letters', 'blind_passes']);
    library.close();
  });

  it('013 counts the findings by code from an index of the letters that have findings', () => {
    const { file } = libraryAtVersion(12);
    const library = openLibrary(file);
    const plan = library.db
      .prepare("EXPLAIN QUERY PLAN SELECT json_extract(c.value, '$.code') AS key, COUNT(*) FROM letters l, json_each(l.checks) c WHERE l.check_count > 0 GROUP BY key")
      .all()
      .map((row) => (row as { detail: string }).detail)
      .join(' | ');
    expect(plan).toContain('letters_with_checks');
    expect(getDerivedStats(library.db).checksByCode).toEqual({ 'case-number-year': 1 });
    library.close();
  });

  it('011 adds the work packages a library sends out and a package file\'s identity and base records, tied to their letters', () => {
    const { file } = libraryAtVersion(10);
    const library = openLibrary(file);
    const { db } = library;
    expect(db.prepare('SELECT COUNT(*) FROM audit_sample_letters').pluck().get()).toBe(1);
    db.exec(`
      INSERT INTO work_packages (id, name, reviewer, file_name, letter_count, created_at, created_by) VALUES ('p1', 'batch 1', 'Ana', 'batch-1-Ana.imrlib', 1, '2026-01-01', 'Lee');
      INSERT INTO work_package_letters (package_id, letter_id) VALUES ('p1', 11);
      INSERT INTO package_base (letter_id, revision, record) VALUES (11, 0, '{}');
    `);
    expect(() => db.prepare("INSERT INTO work_package_letters (package_id, letter_id) VALUES ('p1', 9999)").run()).toThrow(/FOREIGN KEY/);
    db.prepare('DELETE FROM letters WHERE id = 11').run();
    expect(db.prepare('SELECT (SELECT COUNT(*) FROM work_package_letters) + (SELECT COUNT(*) FROM package_base)').pluck().get()).toBe(0);
    library.close();
  });

  it('do not back up a library that needs no migration', () => {
    const file = join(temp.folder(), 'library.imrlib');
    openLibrary(file).close();
    const library = openLibrary(file);
    expect(library.backupFile).toBeNull();
    expect(existsSync(`${file}.v${LATEST_SCHEMA_VERSION}.bak`)).toBe(false);
    library.close();
  });
});

describe('migrate', () => {
  it('rolls back a failing migration alone and keeps the ones before it', () => {
    const db = new Database(join(temp.folder(), 'runner.db'));
    const migrations: Migration[] = [
      { version: 1, name: 'first', up: (d) => d.exec('CREATE TABLE first (x)') },
      {
        version: 2,
        name: 'broken',
        up: (d) => {
          d.exec('CREATE TABLE second (x)');
          d.exec('INSERT INTO no_such_table VALUES (1)');
        },
      },
    ];
    expect(() => migrate(db, migrations)).toThrow(/no such table/);
    expect(schemaVersion(db)).toBe(1);
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all();
    expect(tables).toEqual([{ name: 'first' }]);
    db.close();
  });

  it('refuses a migration list with gaps', () => {
    const db = new Database(join(temp.folder(), 'runner.db'));
    expect(() => migrate(db, [{ version: 2, name: 'gap', up: () => {} }])).toThrow(/expected 1/);
    expect(schemaVersion(db)).toBe(0);
    db.close();
  });
});
