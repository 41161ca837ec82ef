import type { LockHandle, LockStore } from "@uslimato/core";
import type { Pool, PoolClient } from "pg";
import { advisoryKeySql } from "../schema/advisory-key-sql";
import { toStorageError } from "../transactions/to-storage-error";

const ignore = () => {};

/**
 * Named locks as session-level PostgreSQL advisory locks, so they hold across processes and machines. Each held
 * lock keeps one pooled connection checked out until `release`; if the process dies, the connection closes and
 * PostgreSQL frees the lock at once (no lease to wait out, so `ttlMs` is not needed and ignored).
 */
export function createPostgresLockStore(pool: Pool, schemaName: string): LockStore {
  const key = advisoryKeySql("$1", "$2");
  return {
    async tryAcquire(name) {
      let client: PoolClient;
      try {
        client = await pool.connect();
      } catch (error) {
        throw toStorageError(error, `Taking lock "${name}"`);
      }
      // A held connection that breaks must not crash the process: the lock is simply gone.
      client.on("error", ignore);
      let acquired = false;
      try {
        const result = await client.query<{ ok: boolean }>(`SELECT pg_try_advisory_lock(${key}) AS ok`, [
          schemaName,
          name,
        ]);
        acquired = result.rows[0]?.ok === true;
      } catch (error) {
        client.off("error", ignore);
        client.release(error instanceof Error ? error : true);
        throw toStorageError(error, `Taking lock "${name}"`);
      }
      if (!acquired) {
        client.off("error", ignore);
        client.release();
        return null;
      }
      return heldLock(client, name, schemaName, key);
    },
  };
}

function heldLock(client: PoolClient, name: string, schemaName: string, key: string): LockHandle {
  let released = false;
  return {
    name,
    async release() {
      if (released) return;
      released = true;
      let broken: Error | undefined;
      try {
        await client.query(`SELECT pg_advisory_unlock(${key})`, [schemaName, name]);
      } catch (error) {
        // The connection is gone, and with it the lock; destroy the client instead of pooling it.
        broken = error instanceof Error ? error : new Error(String(error));
      }
      client.off("error", ignore);
      client.release(broken);
    },
  };
}
