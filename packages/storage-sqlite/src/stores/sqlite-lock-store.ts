import { randomUUID } from "node:crypto";
import type { LockHandle, LockStore } from "@uslimato/core/storage";
import { inTransaction } from "../database/in-transaction";
import type { SqliteDatabase } from "../database/sqlite-database";
import { toStorageError } from "../database/to-storage-error";
import { currentLockHolder, holderIsDead, type LockHolder } from "./lock-holder";

/** How long a lease lasts when the caller gives no `ttlMs`. */
export const DEFAULT_LOCK_TTL_MS = 60_000;

/**
 * Locks as rows `(name, owner, token, expires_at, holder_pid, holder_machine)` in the database file, so every
 * process and every adapter on the file excludes the others. Taking a lock is one `BEGIN IMMEDIATE` transaction:
 * it succeeds if the row is absent, released, its lease ran out, or its holder process provably died on this
 * machine (a killed sync is resumable at once), and gives the next fencing token. A released row stays (its lease
 * set to 0), so tokens only grow. `now` is the lease clock.
 */
export function createSqliteLockStore(
  database: SqliteDatabase,
  now: () => number = Date.now,
  me: LockHolder = currentLockHolder(),
): LockStore {
  const { sql, db } = database;
  const take = (name: string, owner: string, ttlMs: number): number | null =>
    inTransaction(db, () => {
      const at = now();
      const row = sql("SELECT token, expires_at, holder_pid, holder_machine FROM locks WHERE name = ?").get(
        name,
      );
      if (row && Number(row.expires_at) > at) {
        const holder = {
          pid: row.holder_pid === null ? null : Number(row.holder_pid),
          machine: (row.holder_machine as string | null) ?? null,
        };
        if (!holderIsDead(me, holder)) return null;
      }
      const token = Number(row?.token ?? 0) + 1;
      sql(
        `INSERT INTO locks (name, owner, expires_at, token, holder_pid, holder_machine) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at,
         token = excluded.token, holder_pid = excluded.holder_pid, holder_machine = excluded.holder_machine`,
      ).run(name, owner, at + ttlMs, token, me.pid, me.machine);
      return token;
    });

  return {
    async tryAcquire(name, options = {}) {
      const ttlMs = options.ttlMs ?? DEFAULT_LOCK_TTL_MS;
      const owner = randomUUID();
      let token: number | null;
      try {
        token = take(name, owner, ttlMs);
      } catch (error) {
        throw toStorageError(error, `Taking lock "${name}"`);
      }
      if (token === null) return null;
      const controller = new AbortController();
      const handle: LockHandle = {
        name,
        token,
        ttlMs,
        lost: controller.signal,
        async renew() {
          const at = now();
          const renewed = sql(
            "UPDATE locks SET expires_at = ?1 WHERE name = ?2 AND owner = ?3 AND token = ?4 AND expires_at > ?5",
          ).run(at + ttlMs, name, owner, token, at);
          if (Number(renewed.changes) === 1) return true;
          controller.abort();
          return false;
        },
        async release() {
          sql("UPDATE locks SET expires_at = 0 WHERE name = ? AND owner = ? AND token = ?").run(
            name,
            owner,
            token,
          );
        },
      };
      return handle;
    },
  };
}
