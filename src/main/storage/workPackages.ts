/**
 * Work packages as the libraries keep them. The coordinating library lists the packages it
 * made and, per letter, the record each brought back; a package file (a library of its own)
 * holds its identity and, per letter, the record and revision it went out with. Writing a
 * package copies the letters' rows into a new library file attached beside this one.
 */
import type { ExportedLetter } from '../../shared/export.ts';
import type { WorkPackageSummary } from '../../shared/team.ts';
import { readRecordBySha256 } from './exportRecords.ts';
import type { Db } from './sql.ts';
import { inWriteTransaction, nowIso, parseJson, statement } from './sql.ts';

/** Tables copied whole into a package: the tags and their hotkeys. */
const WHOLE_TABLES = ['tags'] as const;
/** Tables copied for the package's letters, and how a row names its letter. */
const LETTER_TABLES: readonly (readonly [table: string, letterOf: string])[] = [
  ['letters', 'id'],
  ['letter_texts', 'letter_id'],
  ['letter_pages', 'letter_id'],
  ['items', 'letter_id'],
  ['item_facets', 'letter_id'],
  ['letter_facets', 'letter_id'],
  ['notes', 'letter_id'],
  ['letter_tags', 'letter_id'],
  ['item_tags', '(SELECT i.letter_id FROM main.items i WHERE i.id = item_id)'],
];
/** Settings a package has its own of: its id and its reviewer. */
const OWN_SETTINGS = ['library_id', 'reviewer'];
const PACKAGE_SCHEMA = 'package';

export interface PackageIdentity {
  readonly id: string;
  readonly name: string;
  readonly reviewer: string;
  readonly sourceLibraryId: string;
  readonly sourceFileName: string;
  readonly createdAt: string;
  readonly createdBy: string;
}

export interface NewWorkPackage extends PackageIdentity {
  readonly fileName: string;
  readonly letterIds: readonly number[];
}

function columnsOf(db: Db, table: string): string[] {
  return (db.pragma(`main.table_info(${table})`) as { name: string }[]).map((column) => column.name);
}

/**
 * Copies the package's letters (rows, text, pages, items, derived values, tags, notes), the tag
 * list and the settings into `packageFile`, a new empty library, with the package's identity and
 * each letter's record as it goes out. Reads this library as one snapshot.
 */
export function fillPackageFile(db: Db, packageFile: string, pkg: NewWorkPackage): void {
  db.prepare(`ATTACH DATABASE ? AS ${PACKAGE_SCHEMA}`).run(packageFile);
  try {
    db.transaction(() => {
      db.exec('CREATE TEMP TABLE IF NOT EXISTS package_letter_ids (id INTEGER PRIMARY KEY)');
      db.exec('DELETE FROM temp.package_letter_ids');
      const addId = db.prepare('INSERT INTO temp.package_letter_ids (id) VALUES (?)');
      for (const id of pkg.letterIds) addId.run(id);
      for (const table of WHOLE_TABLES) {
        const columns = columnsOf(db, table).join(', ');
        db.exec(`INSERT INTO ${PACKAGE_SCHEMA}.${table} (${columns}) SELECT ${columns} FROM main.${table}`);
      }
      for (const [table, letterOf] of LETTER_TABLES) {
        const columns = columnsOf(db, table);
        // The package has no import runs: its letters name none.
        const selected = columns.map((column) => (column === 'import_run_id' ? 'NULL' : column)).join(', ');
        db.exec(
          `INSERT INTO ${PACKAGE_SCHEMA}.${table} (${columns.join(', ')})
           SELECT ${selected} FROM main.${table} WHERE ${letterOf} IN (SELECT id FROM temp.package_letter_ids)`,
        );
      }
      db.prepare(
        `INSERT OR REPLACE INTO ${PACKAGE_SCHEMA}.settings (key, value)
         SELECT key, value FROM main.settings WHERE key NOT IN (${OWN_SETTINGS.map(() => '?').join(', ')})`,
      ).run(...OWN_SETTINGS);
      db.prepare(
        `INSERT INTO ${PACKAGE_SCHEMA}.package_identity (id, name, reviewer, source_library_id, source_file_name, created_at, created_by)
         VALUES (@id, @name, @reviewer, @sourceLibraryId, @sourceFileName, @createdAt, @createdBy)`,
      ).run(identityRow(pkg));
      const addBase = db.prepare(`INSERT INTO ${PACKAGE_SCHEMA}.package_base (letter_id, revision, record) VALUES (?, ?, ?)`);
      const letterRow = db.prepare('SELECT sha256, revision FROM main.letters WHERE id = ?');
      for (const id of pkg.letterIds) {
        const { sha256, revision } = letterRow.get(id) as { sha256: string; revision: number };
        addBase.run(id, revision, JSON.stringify(readRecordBySha256(db, sha256, false)));
      }
    }).immediate();
  } finally {
    db.exec(`DETACH DATABASE ${PACKAGE_SCHEMA}`);
  }
}

function identityRow(identity: PackageIdentity): Record<keyof PackageIdentity, string> {
  const { id, name, reviewer, sourceLibraryId, sourceFileName, createdAt, createdBy } = identity;
  return { id, name, reviewer, sourceLibraryId, sourceFileName, createdAt, createdBy };
}

/** Records in this library that a package went out, and with which letters. */
export function insertWorkPackage(db: Db, pkg: NewWorkPackage): void {
  inWriteTransaction(db, () => {
    statement(
      db,
      `INSERT INTO work_packages (id, name, reviewer, file_name, letter_count, created_at, created_by)
       VALUES (@id, @name, @reviewer, @fileName, @letterCount, @createdAt, @createdBy)`,
    ).run({ id: pkg.id, name: pkg.name, reviewer: pkg.reviewer, fileName: pkg.fileName, letterCount: pkg.letterIds.length, createdAt: pkg.createdAt, createdBy: pkg.createdBy });
    const add = statement(db, 'INSERT INTO work_package_letters (package_id, letter_id) VALUES (?, ?)');
    for (const letterId of pkg.letterIds) add.run(pkg.id, letterId);
  });
}

/** The package a library file is, or null for a library that is not a package. */
export function readPackageIdentity(db: Db): PackageIdentity | null {
  const row = statement(
    db,
    `SELECT id, name, reviewer, source_library_id AS sourceLibraryId, source_file_name AS sourceFileName,
       created_at AS createdAt, created_by AS createdBy FROM package_identity LIMIT 1`,
  ).get() as PackageIdentity | undefined;
  return row ?? null;
}

/** A letter of a package that changed there since it went out. */
export interface ChangedPackageLetter {
  readonly letterId: number;
  readonly sha256: string;
  /** The letter's record as the package took it. */
  readonly base: string;
}

/** The package's letters its reviewer changed (their revision moved on), in id order. */
export function* changedPackageLetters(packageDb: Db): Generator<ChangedPackageLetter> {
  yield* statement(
    packageDb,
    `SELECT l.id AS letterId, l.sha256, b.record AS base FROM package_base b JOIN letters l ON l.id = b.letter_id
     WHERE l.revision <> b.revision ORDER BY l.id`,
  ).iterate() as Iterable<ChangedPackageLetter>;
}

export function workPackageExists(db: Db, packageId: string): boolean {
  return statement(db, 'SELECT 1 FROM work_packages WHERE id = ?').get(packageId) !== undefined;
}

/** The letter's sha256 in this library, or null when it has no such letter. */
export function packageLetterSha256(db: Db, packageId: string, letterId: number): string | null {
  const row = statement(
    db,
    'SELECT l.sha256 FROM work_package_letters p JOIN letters l ON l.id = p.letter_id WHERE p.package_id = ? AND p.letter_id = ?',
  ).get(packageId, letterId) as { sha256: string } | undefined;
  return row?.sha256 ?? null;
}

/** The record the package brought back for the letter at its last merge; null before. */
export function returnedRecord(db: Db, packageId: string, letterId: number): string | null {
  const row = statement(db, 'SELECT returned FROM work_package_letters WHERE package_id = ? AND letter_id = ?').get(packageId, letterId) as
    | { returned: string | null }
    | undefined;
  return row?.returned ?? null;
}

export function writeReturnedRecord(db: Db, packageId: string, letterId: number, record: string): void {
  statement(db, 'UPDATE work_package_letters SET returned = ? WHERE package_id = ? AND letter_id = ? AND returned IS NOT ?').run(record, packageId, letterId, record);
}

export function markPackageMerged(db: Db, packageId: string, mergedBy: string): void {
  statement(db, 'UPDATE work_packages SET merged_at = ?, merged_by = ? WHERE id = ? AND merged_at IS NULL').run(nowIso(), mergedBy, packageId);
}

/** The packages made from this library, in the order made, with how far each has come back. */
export function listWorkPackages(db: Db): WorkPackageSummary[] {
  return statement(
    db,
    `SELECT w.id, w.name, w.reviewer, w.file_name AS fileName, w.letter_count AS letters, w.created_at AS createdAt,
       w.created_by AS createdBy, w.merged_at AS mergedAt, w.merged_by AS mergedBy,
       COUNT(p.returned) AS returned,
       COALESCE(SUM(json_extract(p.returned, '$.status') = 'verified'), 0) AS verified,
       COALESCE(SUM(json_extract(p.returned, '$.status') = 'flagged'), 0) AS flagged,
       (SELECT COUNT(*) FROM work_package_letters o
        WHERE o.letter_id IN (SELECT letter_id FROM work_package_letters WHERE package_id = w.id) AND o.package_id <> w.id) AS overlapping
     FROM work_packages w LEFT JOIN work_package_letters p ON p.package_id = w.id
     GROUP BY w.id ORDER BY w.created_at, w.name`,
  ).all() as WorkPackageSummary[];
}

/** Letter ids already in a package that has not come back. */
export function lettersOut(db: Db): Set<number> {
  const rows = statement(
    db,
    'SELECT DISTINCT p.letter_id FROM work_package_letters p JOIN work_packages w ON w.id = p.package_id WHERE w.merged_at IS NULL',
  ).raw().all() as [number][];
  return new Set(rows.map(([id]) => id));
}

/** Two packages' returned records of one letter: what agreement between their reviewers is measured on. */
export interface ReturnedPair {
  readonly letterId: number;
  readonly reviewers: readonly [string, string];
  readonly records: readonly [ExportedLetter, ExportedLetter];
}

/** Every letter two packages both brought back, each pair of packages once. */
export function* returnedPairs(db: Db): Generator<ReturnedPair> {
  const rows = statement(
    db,
    `SELECT a.letter_id AS letterId, wa.reviewer AS reviewerA, wb.reviewer AS reviewerB, a.returned AS recordA, b.returned AS recordB
     FROM work_package_letters a JOIN work_package_letters b ON b.letter_id = a.letter_id AND b.package_id > a.package_id
     JOIN work_packages wa ON wa.id = a.package_id JOIN work_packages wb ON wb.id = b.package_id
     WHERE a.returned IS NOT NULL AND b.returned IS NOT NULL
     ORDER BY a.letter_id, wa.created_at, wb.created_at`,
  ).iterate() as Iterable<{ letterId: number; reviewerA: string; reviewerB: string; recordA: string; recordB: string }>;
  for (const row of rows) {
    yield { letterId: row.letterId, reviewers: [row.reviewerA, row.reviewerB], records: [parseJson<ExportedLetter>(row.recordA), parseJson<ExportedLetter>(row.recordB)] };
  }
}
