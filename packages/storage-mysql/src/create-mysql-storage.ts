import { CoreError, type InspectableStorage } from "@uslimato/core/storage";
import { createPool, type Pool } from "mysql2/promise";
import { type MysqlDatabase, tablesOf } from "./database/mysql-database";
import { inspectMysqlDirectory } from "./directory/inspect-mysql-directory";
import { createMysqlDirectoryStore } from "./directory/mysql-directory-store";
import { type MigrationReport, migrateMysql } from "./migrations/migrate-mysql";
import { createMysqlIntegrationStore } from "./stores/mysql-integration-store";
import { createMysqlLockStore } from "./stores/mysql-lock-store";
import {
  createMysqlAuditStore,
  createMysqlCheckpointStore,
  createMysqlSyncLogStore,
} from "./stores/mysql-log-stores";
import { createMysqlSecretStore } from "./stores/mysql-secret-store";

/** Options of {@link createMysqlStorage}: a pool of the host's, or a connection URI to make one. */
export interface MysqlStorageOptions {
  /** The host's `mysql2/promise` pool. The adapter never ends it. */
  pool?: Pool;
  /** `mysql://user:password@host:3306/database`, used to create a pool when `pool` is not given. */
  uri?: string;
  /** Prefix of every table, in the pool's database (letters, digits, `_`). Default `uslimato_`. */
  tablePrefix?: string;
  /** Run pending migrations before returning (default true). Safe from several instances at once. */
  migrate?: boolean;
}

/** A MySQL / MariaDB storage adapter (with its directory inspection), plus migration and shutdown. */
export interface MysqlStorage extends InspectableStorage {
  /** The table prefix in use. */
  readonly tablePrefix: string;
  /** Applies pending migrations (see `migrateMysql`). */
  migrate(): Promise<MigrationReport>;
  /** Ends the pool if the adapter created it; a pool the host passed in is left open. */
  close(): Promise<void>;
}

/**
 * Creates the MySQL 8 / MariaDB 10.11 storage adapter over a `mysql2` pool, migrating its tables first unless told
 * not to.
 *
 * @example
 * ```ts
 * const storage = await createMysqlStorage({ uri: "mysql://root@127.0.0.1:3306/test" });
 * const hub = createHub({ storage, vault, connectors, plan: "enterprise" });
 * ```
 */
export async function createMysqlStorage(options: MysqlStorageOptions = {}): Promise<MysqlStorage> {
  const tablePrefix = options.tablePrefix ?? "uslimato_";
  if (!/^[A-Za-z0-9_]{0,40}$/.test(tablePrefix)) {
    throw new CoreError(
      "CONFIG_INVALID",
      "createMysqlStorage: tablePrefix may hold letters, digits and _ only.",
      {
        path: ["tablePrefix"],
      },
    );
  }
  if (!options.pool && !options.uri) {
    throw new CoreError("CONFIG_INVALID", "createMysqlStorage: pass a pool or a uri.", { path: ["uri"] });
  }
  const ownsPool = options.pool === undefined;
  const pool = options.pool ?? createPool({ uri: options.uri, charset: "utf8mb4", connectionLimit: 10 });
  const database: MysqlDatabase = { pool, t: tablesOf(tablePrefix) };
  let closed = false;
  const storage: MysqlStorage = {
    tablePrefix,
    integrations: createMysqlIntegrationStore(database),
    secrets: createMysqlSecretStore(database),
    checkpoints: createMysqlCheckpointStore(database),
    syncLogs: createMysqlSyncLogStore(database),
    audit: createMysqlAuditStore(database),
    locks: createMysqlLockStore(database),
    directory: createMysqlDirectoryStore(database),
    inspect: inspectMysqlDirectory(database),
    migrate: () => migrateMysql(database, `${tablePrefix}migrate`),
    async close() {
      if (!ownsPool || closed) return;
      closed = true;
      await pool.end();
    },
  };
  if (options.migrate ?? true) {
    try {
      await storage.migrate();
    } catch (error) {
      await storage.close();
      throw error;
    }
  }
  return storage;
}
