/** Numbered schema migrations, each applied in its own transaction and recorded in PRAGMA user_version. */
import type { Db } from './sql.ts';

export interface Migration {
  readonly version: number;
  readonly name: string;
  /**
   * The migration drops and re-creates tables that others reference: it runs with foreign keys
   * off (else dropping a table would delete the rows that point at it) and is checked after.
   */
  readonly rebuildsTables?: boolean;
  up(db: Db): void;
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Applies the migrations above the database's version, in order, up to `targetVersion`.
 * A failing migration rolls back alone: the ones before it stay applied.
 */
export function migrate(db: Db, migrations: readonly Migration[], targetVersion?: number): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`Migration ${migration.name} has version ${migration.version}, expected ${index + 1}`);
    }
  });
  const target = targetVersion ?? migrations.length;
  for (const migration of migrations) {
    if (migration.version <= schemaVersion(db) || migration.version > target) continue;
    const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
    // foreign_keys cannot change inside a transaction, so it is switched around it.
    if (migration.rebuildsTables) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        migration.up(db);
        if (migration.rebuildsTables) checkForeignKeys(db, migration);
        // user_version lives in the file header, so it commits or rolls back with the migration.
        db.pragma(`user_version = ${migration.version}`);
      }).immediate();
    } finally {
      if (migration.rebuildsTables) db.pragma(`foreign_keys = ${foreignKeys}`);
    }
  }
}

function checkForeignKeys(db: Db, migration: Migration): void {
  const broken = db.pragma('foreign_key_check') as unknown[];
  if (broken.length > 0) {
    throw new Error(`Migration ${migration.name} left ${broken.length} rows pointing at missing rows: ${JSON.stringify(broken.slice(0, 3))}`);
  }
}
