import { DatabaseSync } from "node:sqlite";
import { CoreError, type InspectableStorage } from "@uslimato/core/storage";
import { wrapDatabase } from "./database/sqlite-database";
import { inspectSqliteDirectory } from "./directory/inspect-sqlite-directory";
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
  /**
   * Pages the write-ahead log may hold before SQLite copies it back into the database file (`wal_autocheckpoint`).
   * Default 16,384 (64 MiB at 4 KiB pages), against SQLite's 1,000: see {@link createSqliteStorage}.
   */
  walCheckpointPages?: number;
}

/** A storage adapter (with its directory inspection) on one SQLite file; `close` releases the file. */
export interface SqliteStorage extends InspectableStorage {
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
  const cacheKiB = positiveInteger(options.cacheSizeKiB ?? 65_536, "cacheSizeKiB");
  const walPages = positiveInteger(options.walCheckpointPages ?? 16_384, "walCheckpointPages");
  const db = new DatabaseSync(options.filename, { timeout: options.busyTimeoutMs ?? 5000 });
  db.exec("PRAGMA journal_mode = WAL");
  db.exec("PRAGMA synchronous = NORMAL");
  // Ids and emails arrive in random order, so index pages are touched all over the file: a 64 MiB page cache
  // (instead of SQLite's 2 MiB default) keeps a large directory's indexes in memory.
  db.exec(`PRAGMA cache_size = -${cacheKiB}`);
  // Entra object ids are random, so a page of 999 new users dirties hundreds of index pages, and with SQLite's
  // default of checkpointing every 1,000 WAL pages nearly every commit ran a checkpoint (copy back + fsync).
  // Checkpointing every 16,384 pages copies a page rewritten by many commits once: a 100k-user first sync of
  // random ids takes about a third less time. The file is cut back to that size after each checkpoint.
  db.exec(`PRAGMA wal_autocheckpoint = ${walPages}`);
  db.exec(`PRAGMA journal_size_limit = ${walPages * 4096}`);
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
    inspect: inspectSqliteDirectory(database),
    async close() {
      if (db.isOpen) db.close();
    },
  };
}

function positiveInteger(value: number, option: string): number {
  if (Number.isInteger(value) && value > 0) return value;
  throw new CoreError(
    "CONFIG_INVALID",
    `createSqliteStorage: ${option} must be a positive whole number, got ${value}`,
    {
      path: [option],
    },
  );
}
