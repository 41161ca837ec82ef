import type { Pool } from "pg";
import { advisoryKeySql } from "../schema/advisory-key-sql";
import { quoteSchema } from "../schema/quote-schema";
import { withTransaction } from "../transactions/with-transaction";
import type { PostgresMigration } from "./postgres-migration";
import { POSTGRES_MIGRATIONS } from "./postgres-migrations";

/** Options of {@link migratePostgres}. */
export interface MigratePostgresOptions {
  /** The schema to migrate (created if missing). Default `uslimato`. */
  schema?: string;
  /** Stop at this version (default: the latest). Tests use it to start from an older version. */
  to?: number;
  /** The migrations to apply; default {@link POSTGRES_MIGRATIONS}. */
  migrations?: ReadonlyArray<PostgresMigration>;
}

/** What {@link migratePostgres} did. */
export interface MigrationReport {
  /** Versions applied by this call, in order (empty when the schema was up to date). */
  applied: number[];
  /** The schema's version afterwards. */
  version: number;
}

/**
 * Brings a schema up to date: forward-only, each version applied once and recorded in
 * `<schema>.schema_migrations`. The whole run is one transaction under `pg_advisory_xact_lock` on a key derived
 * from the schema name, so several instances starting at once apply each migration exactly once; a failing
 * migration leaves the schema as it was.
 *
 * @example
 * ```ts
 * const { applied, version } = await migratePostgres(pool, { schema: "uslimato" });
 * ```
 */
export async function migratePostgres(
  pool: Pool,
  options: MigratePostgresOptions = {},
): Promise<MigrationReport> {
  const schemaName = options.schema ?? "uslimato";
  const s = quoteSchema(schemaName);
  const migrations = options.migrations ?? POSTGRES_MIGRATIONS;
  const target = options.to ?? Math.max(0, ...migrations.map((m) => m.version));
  return withTransaction(pool, "Migrating the schema", async (client) => {
    await client.query(`SELECT pg_advisory_xact_lock(${advisoryKeySql("$1", "'migrations'")})`, [schemaName]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${s}.schema_migrations (
         version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const done = await client.query<{ version: number }>(`SELECT version FROM ${s}.schema_migrations`);
    const applied = new Set(done.rows.map((row) => row.version));
    const pending = migrations
      .filter((m) => m.version <= target && !applied.has(m.version))
      .sort((a, b) => a.version - b.version);
    for (const migration of pending) {
      await client.query(migration.up(s));
      await client.query(`INSERT INTO ${s}.schema_migrations (version, name) VALUES ($1, $2)`, [
        migration.version,
        migration.name,
      ]);
    }
    const version = Math.max(0, ...applied, ...pending.map((m) => m.version));
    return { applied: pending.map((m) => m.version), version };
  });
}
