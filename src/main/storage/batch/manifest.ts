/**
 * A batch extraction's manifest (manifest.sqlite beside its shards): one row per input file
 * with its size, SHA-256, the parser version that read it, the shard that holds its letter and
 * the outcome, and one row per committed shard with its counts and the tally its dataset card
 * sums. A shard and its files' rows are committed in one transaction, after the shard's files
 * are in place, so the manifest never names a letter that is not in a shard. On disk, indexed:
 * a rerun's "is this file done?" is a lookup, whatever the number of files.
 */
import Database from 'better-sqlite3';
import type { Db } from '../sql.ts';
import { statement } from '../sql.ts';

/** 'ok', 'duplicate' (its bytes are another file's letter), or the reading error's code. */
export type ManifestOutcome = string;

export interface ManifestFile {
  readonly path: string;
  readonly size: number | null;
  /** '' when the file could not be read. */
  readonly sha256: string;
  readonly parserVersion: string;
  /** The shard holding its letter; null when no row was written (a failure or a duplicate). */
  readonly shard: number | null;
  readonly outcome: ManifestOutcome;
  readonly message: string | null;
}

export interface ManifestShard {
  readonly id: number;
  readonly letters: number;
  readonly items: number;
  readonly citations: number;
  readonly bytes: number;
  /** The shard's tally as JSON, for the card (the batch service knows its shape). */
  readonly tally: string;
}

export interface ManifestCounts {
  readonly files: number;
  readonly letters: number;
  readonly duplicates: number;
  readonly failed: number;
}

/** Outcomes another try may change (the machine was busy, the disk answered late): such files are read again. */
const RETRIED_OUTCOMES = ['timed-out', 'unexpected', 'unreadable', 'not-found'];

const SCHEMA = `
CREATE TABLE IF NOT EXISTS shards (
  id INTEGER PRIMARY KEY,
  letters INTEGER NOT NULL,
  items INTEGER NOT NULL,
  citations INTEGER NOT NULL,
  bytes INTEGER NOT NULL,
  tally TEXT NOT NULL,
  committed_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS files (
  path TEXT NOT NULL,
  size INTEGER,
  sha256 TEXT NOT NULL,
  parser_version TEXT NOT NULL,
  shard INTEGER REFERENCES shards(id),
  outcome TEXT NOT NULL,
  message TEXT,
  UNIQUE (path, sha256, parser_version)
);
CREATE INDEX IF NOT EXISTS files_by_sha256 ON files (sha256, parser_version) WHERE outcome = 'ok';
`;

export function openManifest(file: string): Db {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    // A shard's commit is what a rerun trusts: it must survive a power cut, not only a kill.
    db.pragma('synchronous = FULL');
    db.exec(SCHEMA);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** True when this file's bytes were done by this parser version, for good (not an outcome worth another try). */
export function manifestHolds(db: Db, path: string, sha256: string, parserVersion: string): boolean {
  const sql = `SELECT 1 FROM files WHERE path = ? AND sha256 = ? AND parser_version = ? AND outcome NOT IN (${RETRIED_OUTCOMES.map(() => '?').join(', ')})`;
  return statement(db, sql).get(path, sha256, parserVersion, ...RETRIED_OUTCOMES) !== undefined;
}

/** True when a letter of these bytes, read by this parser version, is in a shard already. */
export function manifestHasLetter(db: Db, sha256: string, parserVersion: string): boolean {
  return statement(db, `SELECT 1 FROM files WHERE sha256 = ? AND parser_version = ? AND outcome = 'ok'`).get(sha256, parserVersion) !== undefined;
}

export function committedShardIds(db: Db): number[] {
  return statement(db, 'SELECT id FROM shards ORDER BY id').pluck().all() as number[];
}

export function shardTallies(db: Db): string[] {
  return statement(db, 'SELECT tally FROM shards ORDER BY id').pluck().all() as string[];
}

/** The shard's row and its files' rows, together; a file done again (a retried failure) replaces its row. */
export function commitShard(db: Db, shard: ManifestShard | null, files: readonly ManifestFile[]): void {
  const insertShard = statement(db, 'INSERT INTO shards (id, letters, items, citations, bytes, tally, committed_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const insertFile = statement(
    db,
    'INSERT OR REPLACE INTO files (path, size, sha256, parser_version, shard, outcome, message) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  db.transaction(() => {
    if (shard !== null) insertShard.run(shard.id, shard.letters, shard.items, shard.citations, shard.bytes, shard.tally, new Date().toISOString());
    for (const file of files) insertFile.run(file.path, file.size, file.sha256, file.parserVersion, file.shard, file.outcome, file.message);
  })();
}

export function manifestCounts(db: Db): ManifestCounts {
  return statement(
    db,
    `SELECT COUNT(*) AS files, COUNT(*) FILTER (WHERE outcome = 'ok') AS letters,
       COUNT(*) FILTER (WHERE outcome = 'duplicate') AS duplicates, COUNT(*) FILTER (WHERE outcome NOT IN ('ok', 'duplicate')) AS failed
     FROM files`,
  ).get() as ManifestCounts;
}
