/**
 * `@uslimato/storage-sqlite`: the embedded storage adapter of the Uslimato Interface Hub SDK. One SQLite file, no
 * server, built on Node's own `node:sqlite` (no native build). Prove-tested with core's storage conformance suite.
 *
 * @example
 * ```ts
 * import { createSqliteStorage } from "@uslimato/storage-sqlite";
 * const storage = createSqliteStorage({ filename: "./uslimato.db" });
 * const lock = await storage.locks.tryAcquire("sync:int-1");
 * await lock?.release();
 * await storage.close();
 * ```
 *
 * @module
 */
export type { SqliteStorage, SqliteStorageOptions } from "./create-sqlite-storage";
export { createSqliteStorage } from "./create-sqlite-storage";
export { DEFAULT_LOCK_TTL_MS } from "./stores/sqlite-lock-store";
