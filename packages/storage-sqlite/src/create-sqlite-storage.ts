import { DatabaseSync } from "node:sqlite";
import type { StorageAdapter } from "@uslimato/core";
import { wrapDatabase } from "./database/sqlite-database";
import { createSqliteDirectoryStore } from "./directory/sqlite-directory-store";
import { migrate } from "./migrations/migrate";
import { createSqliteAuditStore } from "./stores/sqlite-audit-store";
import { createSqliteCheckpointStore } from "./stores/sqlite-checkpoint-store";
import { createSqliteIntegrationStore } from "./stores/sqlite-integration-store";
import { createSqliteLockStore } from "./stores/sqlite-lock-store";
import { createSqliteSecretStore } from "./stores/sqlite-secret-store";
import { createSqliteSyncLogStore } from "./stores/sqlite-sync-log-store";

/** Options of {@link createSqliteStorage}. */
export interface SqliteStorageOptions {
  /** The database file (created if missing), or `":memory:"` for a private in-memory database. */
  filename: string;
  /** How long a write waits for another connection's write lock before failing. Default 5000 ms. */
  busyTimeoutMs?: number;
  /** SQLite's page cache for this connection, in KiB. Default 65,536 (64 MiB). */
  cacheSizeKiB?: number;
}

/** A {@link StorageAdapter} on one SQLite file; `close` releases the file. */
export interface SqliteStorage extends StorageAdapter {
  close(): Promise<void>;
}

/**
 * Opens (creating and migrating as needed) a SQLite database with the built-in `node:sqlite` module and returns a
 * storage adapter over it: WAL journal, one `BEGIN IMMEDIATE` transaction per page, prepared statements cached,
 * locks as leased rows so several processes can share the file.
 *
 * @example
 * ```ts
 * const storage = createSqliteStorage({ filename: "./uslimato.db" });
 * await storage.directory.applyPage("int-1", { users: { create: [] } }, { cursor: null });
 * await storage.close();
 * ```
 */
export function createSqliteStorage(options: SqliteStorageOptions): SqliteStorage {
  const db = new DatabaseSync(options.filename, { timeout: options.busyTimeoutMs ?? 5000 });
  db.exec("PRAGMA journal_mode = WAL");
  db.exec("PRAGMA synchronous = NORMAL");
  // Ids and emails arrive in random order, so index pages are touched all over the file: a 64 MiB page cache
  // (instead of SQLite's 2 MiB default) keeps a large directory's indexes in memory.
  db.exec(`PRAGMA cache_size = -${options.cacheSizeKiB ?? 65_536}`);
  migrate(db);
  const database = wrapDatabase(db);
  return {
    integrations: createSqliteIntegrationStore(database),
    secrets: createSqliteSecretStore(database),
    checkpoints: createSqliteCheckpointStore(database),
    syncLogs: createSqliteSyncLogStore(database),
    audit: createSqliteAuditStore(database),
    locks: createSqliteLockStore(database),
    directory: createSqliteDirectoryStore(database),
    async close() {
      if (db.isOpen) db.close();
    },
  };
}
