/**
 * `@uslimato/storage-postgres`: the reference storage adapter of the Uslimato Interface Hub SDK, on PostgreSQL
 * with `pg`. Versioned forward-only migrations, batched set-based writes (`unnest`), advisory locks that hold
 * across processes.
 *
 * @example
 * ```ts
 * import { createHub } from "@uslimato/core";
 * import { createPostgresStorage } from "@uslimato/storage-postgres";
 *
 * const storage = await createPostgresStorage({ connectionString: "postgres://postgres@127.0.0.1:5432/app" });
 * const hub = createHub({ storage, vault, connectors: [entra], plan: "enterprise" });
 * // ... on shutdown
 * await storage.close();
 * ```
 *
 * @module
 */
export type { PostgresStorage, PostgresStorageOptions } from "./create-postgres-storage";
export { createPostgresStorage } from "./create-postgres-storage";
export type { MigratePostgresOptions, MigrationReport } from "./migrations/migrate-postgres";
export { migratePostgres } from "./migrations/migrate-postgres";
export type { PostgresMigration } from "./migrations/postgres-migration";
export { POSTGRES_MIGRATIONS } from "./migrations/postgres-migrations";
