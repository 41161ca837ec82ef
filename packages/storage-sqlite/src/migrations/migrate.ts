import type { DatabaseSync } from "node:sqlite";
import { inTransaction } from "../database/in-transaction";
import { MIGRATIONS, type Migration } from "./migrations";

/**
 * Brings the schema up to `target` (default: the newest), one migration per transaction, recording each in
 * `schema_migrations`. Forward only: a database newer than this code is left alone. Returns the resulting version.
 */
export function migrate(
  db: DatabaseSync,
  target = MIGRATIONS.length,
  migrations: ReadonlyArray<Migration> = MIGRATIONS,
): number {
  db.exec(
    "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)",
  );
  let version = 0;
  for (const migration of migrations) {
    if (migration.version > target) break;
    version = inTransaction(db, () => {
      const done = db.prepare("SELECT 1 FROM schema_migrations WHERE version = ?").get(migration.version);
      if (!done) {
        db.exec(migration.sql);
        db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)").run(
          migration.version,
          migration.name,
          Date.now(),
        );
      }
      return migration.version;
    });
  }
  return version;
}
