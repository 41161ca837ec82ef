import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createMemoryStorage, type StorageAdapter } from "@uslimato/core";
import pg from "pg";
import { createKeepNothingStorage } from "./keep-nothing-storage";

/** Storage a sync case writes into. */
export type BenchStorageKind = "memory" | "keep-nothing" | "sqlite" | "postgres" | "mysql";

/** PostgreSQL of the benchmarks (trust auth), overridable with `BENCH_DATABASE_URL`. */
export const BENCH_POSTGRES_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

/** MySQL or MariaDB of the benchmarks (root, no password), without a database; overridable with `BENCH_MYSQL_URL`. */
export const BENCH_MYSQL_SERVER = process.env.BENCH_MYSQL_URL ?? "mysql://root@127.0.0.1:3306";

/** Creates a fresh storage adapter of that kind, and a function that closes and removes it. */
export async function createBenchStorage(
  kind: BenchStorageKind,
): Promise<{ storage: StorageAdapter; dispose(): Promise<void> }> {
  if (kind === "memory") return { storage: createMemoryStorage(), dispose: async () => {} };
  if (kind === "keep-nothing") return { storage: createKeepNothingStorage(), dispose: async () => {} };
  if (kind === "sqlite") {
    const { createSqliteStorage } = await import("@uslimato/storage-sqlite");
    const dir = mkdtempSync(join(tmpdir(), "uslimato-bench-"));
    const storage = createSqliteStorage({ filename: join(dir, "bench.db") });
    return {
      storage,
      dispose: async () => {
        await storage.close?.();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  if (kind === "mysql") {
    const { createMysqlStorage } = await import("@uslimato/storage-mysql");
    const { createConnection } = await import("mysql2/promise");
    const name = `bench_${process.pid}_${Date.now()}`;
    const admin = await createConnection({ uri: BENCH_MYSQL_SERVER });
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4`);
    const storage = await createMysqlStorage({ uri: `${BENCH_MYSQL_SERVER}/${name}` });
    return {
      storage,
      dispose: async () => {
        await storage.close();
        await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
        await admin.end();
      },
    };
  }
  const { createPostgresStorage } = await import("@uslimato/storage-postgres");
  const schema = `bench_${process.pid}_${Date.now()}`;
  const storage = await createPostgresStorage({ connectionString: BENCH_POSTGRES_URL, schema });
  return {
    storage,
    dispose: async () => {
      await storage.close();
      const pool = new pg.Pool({ connectionString: BENCH_POSTGRES_URL });
      await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await pool.end();
    },
  };
}
