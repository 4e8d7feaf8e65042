/** Small helpers every service shares: cached statements, write transactions, timestamps. */
import type BetterSqlite3 from 'better-sqlite3';

export type Db = BetterSqlite3.Database;
type Statement = BetterSqlite3.Statement<unknown[], unknown>;

const statementCaches = new WeakMap<Db, Map<string, Statement>>();

/** A prepared statement, compiled once per connection: imports run the same SQL 100,000 times. */
export function statement(db: Db, sql: string): Statement {
  let cache = statementCaches.get(db);
  if (!cache) {
    cache = new Map();
    statementCaches.set(db, cache);
  }
  let prepared = cache.get(sql);
  if (!prepared) {
    prepared = db.prepare(sql);
    cache.set(sql, prepared);
  }
  return prepared;
}

/**
 * Runs `work` in one write transaction. IMMEDIATE takes the write lock up front, so a
 * read-then-write service never fails with SQLITE_BUSY when the import worker writes too.
 * Inside another transaction it becomes a savepoint.
 */
export function inWriteTransaction<T>(db: Db, work: () => T): T {
  return db.transaction(work).immediate();
}

export function nowIso(): string {
  return new Date().toISOString();
}

export function parseJson<T>(text: string): T {
  return JSON.parse(text) as T;
}
