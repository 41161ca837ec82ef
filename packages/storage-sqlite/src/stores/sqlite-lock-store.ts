import { randomUUID } from "node:crypto";
import type { LockStore } from "@uslimato/core";
import type { SqliteDatabase } from "../database/sqlite-database";

/** How long a lease lasts when the caller gives no `ttlMs`. */
export const DEFAULT_LOCK_TTL_MS = 15 * 60_000;

/**
 * Locks as rows `(name, owner, expires_at)` in the database file, so every process and every adapter on the file
 * excludes the others. Taking a lock is one upsert that succeeds only if the row is absent or its lease expired.
 */
export function createSqliteLockStore({ sql }: SqliteDatabase, now: () => number = Date.now): LockStore {
  return {
    async tryAcquire(name, options = {}) {
      const owner = randomUUID();
      const at = now();
      const taken = sql(
        `INSERT INTO locks (name, owner, expires_at) VALUES (?1, ?2, ?3) ON CONFLICT (name) DO UPDATE SET
         owner = excluded.owner, expires_at = excluded.expires_at WHERE locks.expires_at <= ?4`,
      ).run(name, owner, at + (options.ttlMs ?? DEFAULT_LOCK_TTL_MS), at);
      if (Number(taken.changes) !== 1) return null;
      return {
        name,
        async release() {
          sql("DELETE FROM locks WHERE name = ? AND owner = ?").run(name, owner);
        },
      };
    },
  };
}
