/** Numbered schema migrations, each applied in its own transaction and recorded in PRAGMA user_version. */
import type { Db } from './sql.ts';

export interface Migration {
  readonly version: number;
  readonly name: string;
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
    db.transaction(() => {
      migration.up(db);
      // user_version lives in the file header, so it commits or rolls back with the migration.
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
}
