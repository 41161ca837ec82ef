import { CoreError, type InspectableStorage } from "@uslimato/core/storage";
import pg from "pg";
import { createPostgresAuditStore } from "./audit/postgres-audit-store";
import { createPostgresCheckpointStore } from "./checkpoints/postgres-checkpoint-store";
import { analyzeOnGrowth } from "./directory/analyze-on-growth";
import { inspectPostgresDirectory } from "./directory/inspect-postgres-directory";
import { createPostgresDirectoryStore } from "./directory/postgres-directory-store";
import { createPostgresIntegrationStore } from "./integrations/postgres-integration-store";
import { createPostgresLockStore } from "./locks/postgres-lock-store";
import { type MigrationReport, migratePostgres } from "./migrations/migrate-postgres";
import { quoteSchema } from "./schema/quote-schema";
import { createPostgresSecretStore } from "./secrets/postgres-secret-store";
import { createPostgresSyncLogStore } from "./sync-logs/postgres-sync-log-store";

/** Options of {@link createPostgresStorage}: a pool of the host's, or a connection string to make one. */
export interface PostgresStorageOptions {
  /**
   * The host's pool. The adapter never ends it; it needs one connection for all its held locks, plus one per write
   * or lookup, and one now and then for a statistics refresh (see `analyzeAfterRows`). Listen to its `"error"`
   * event: node-postgres ends the process when an idle connection fails unheard (a server restart).
   */
  pool?: pg.Pool;
  /**
   * Used to create a pool when `pool` is not given; `close()` then ends that pool. An idle connection of it that
   * the server ends is dropped and replaced at its next use.
   */
  connectionString?: string;
  /** The schema holding every table. Default `uslimato`. */
  schema?: string;
  /** Run pending migrations before returning (default true). Safe from several instances at once. */
  migrate?: boolean;
  /**
   * New users and links after which the adapter first runs `ANALYZE` on them, then again each time their count
   * doubles, so the planner keeps up while a first sync fills an empty directory. It runs beside the pages, on a
   * pooled connection of its own (the page that reached the count does not wait for it). Default 10,000; 0 turns it
   * off.
   */
  analyzeAfterRows?: number;
  /**
   * Send each page's statements and lookups as named (prepared) statements, parsed and planned once per connection
   * instead of on every page (default true). Turn it off behind a connection pooler in transaction mode that does
   * not keep prepared statements per client (PgBouncer before 1.21, or without `max_prepared_statements`).
   */
  preparedStatements?: boolean;
}

/** A PostgreSQL storage adapter (with its directory inspection), plus migration and shutdown. */
export interface PostgresStorage extends InspectableStorage {
  /** The schema in use. */
  readonly schema: string;
  /** Applies pending migrations (see `migratePostgres`). */
  migrate(): Promise<MigrationReport>;
  /**
   * Waits for a statistics refresh under way (see `analyzeAfterRows`), then ends the session holding this adapter's
   * locks (they are free for others at once) and the pool if the adapter created it; a pool the host passed in is
   * left open.
   */
  close(): Promise<void>;
}

/**
 * Creates the PostgreSQL storage adapter over a pool, migrating its schema first unless told not to.
 *
 * @example
 * ```ts
 * const storage = await createPostgresStorage({ connectionString: process.env.DATABASE_URL });
 * const hub = createHub({ storage, vault, connectors, plan: "enterprise" });
 * ```
 */
export async function createPostgresStorage(options: PostgresStorageOptions = {}): Promise<PostgresStorage> {
  const analyzeAfterRows = options.analyzeAfterRows ?? 10_000;
  if (!Number.isInteger(analyzeAfterRows) || analyzeAfterRows < 0) {
    throw new CoreError(
      "CONFIG_INVALID",
      `createPostgresStorage: analyzeAfterRows must be a whole number, 0 or more, got ${analyzeAfterRows}`,
      { path: ["analyzeAfterRows"] },
    );
  }
  const schema = options.schema ?? "uslimato";
  const s = quoteSchema(schema);
  const ownsPool = options.pool === undefined;
  const pool = options.pool ?? new pg.Pool({ connectionString: options.connectionString });
  // An idle connection the server ended (a restart, a failover, a terminated backend) is dropped by the pool and
  // replaced at its next use; unheard, the pool's "error" event would end the process. A host's own pool is the
  // host's to watch.
  if (ownsPool) pool.on("error", () => {});
  const locks = createPostgresLockStore(pool, s);
  const growth = analyzeOnGrowth(pool, s, analyzeAfterRows);
  const storage: PostgresStorage = {
    schema,
    integrations: createPostgresIntegrationStore(pool, s),
    secrets: createPostgresSecretStore(pool, s),
    checkpoints: createPostgresCheckpointStore(pool, s),
    syncLogs: createPostgresSyncLogStore(pool, s),
    audit: createPostgresAuditStore(pool, s),
    locks: { tryAcquire: locks.tryAcquire },
    directory: createPostgresDirectoryStore(pool, s, {
      growth,
      preparedStatements: options.preparedStatements ?? true,
    }),
    inspect: inspectPostgresDirectory(pool, s),
    migrate: () => migratePostgres(pool, { schema }),
    async close() {
      await growth.idle();
      await locks.close();
      if (ownsPool && !pool.ended) await pool.end();
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
