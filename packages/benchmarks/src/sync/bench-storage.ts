import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createMemoryStorage, type StorageAdapter } from "@uslimato/core";
import pg from "pg";
import { createKeepNothingStorage } from "./keep-nothing-storage";

/** Storage a sync case writes into. */
export type BenchStorageKind = "memory" | "keep-nothing" | "sqlite" | "postgres";

/** PostgreSQL of the benchmarks (trust auth), overridable with `BENCH_DATABASE_URL`. */
export const BENCH_POSTGRES_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

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
