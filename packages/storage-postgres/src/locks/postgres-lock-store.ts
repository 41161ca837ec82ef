import type { LockHandle, LockStore } from "@uslimato/core";
import type { Pool, PoolClient } from "pg";
import { advisoryKeySql } from "../schema/advisory-key-sql";
import { toStorageError } from "../transactions/to-storage-error";

/**
 * Named locks as session-level PostgreSQL advisory locks, so they hold across processes and machines. Every lock
 * this adapter holds lives on ONE pooled connection, checked out while at least one lock is held and returned with
 * the last release: however many syncs run, locks take one connection, and pages and lookups always find one.
 * Advisory locks stack within a session, so the adapter keeps the names it holds and answers `null` itself for a
 * name held here. If the connection dies (or the process does), PostgreSQL frees its locks at once: there is no
 * lease to wait out, so `ttlMs` is ignored. Lock operations of one adapter run one at a time (each is one short
 * query).
 */
export function createPostgresLockStore(pool: Pool, schemaName: string): LockStore {
  const key = advisoryKeySql("$1", "$2");
  const held = new Map<string, symbol>();
  let client: PoolClient | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => {});
    return next;
  };
  // The session is gone, and every lock with it: forget them, destroy the client instead of pooling it.
  const lose = (session: PoolClient, error: Error): void => {
    if (client !== session) return;
    client = undefined;
    held.clear();
    session.off("error", onError);
    session.release(error);
  };
  const onError = (error: Error): void => {
    if (client) lose(client, error);
  };
  const giveBackIfIdle = (): void => {
    if (!client || held.size > 0) return;
    client.off("error", onError);
    client.release();
    client = undefined;
  };
  const connect = async (): Promise<PoolClient> => {
    const fresh = await pool.connect();
    fresh.on("error", onError);
    client = fresh;
    return fresh;
  };

  const handle = (name: string, token: symbol): LockHandle => ({
    name,
    release: () =>
      serial(async () => {
        // Released already, or lost with its connection (and maybe taken again by a new handle): nothing to do.
        if (held.get(name) !== token || !client) return;
        held.delete(name);
        const current = client;
        try {
          await current.query(`SELECT pg_advisory_unlock(${key})`, [schemaName, name]);
        } catch (error) {
          lose(current, error instanceof Error ? error : new Error(String(error)));
          return;
        }
        giveBackIfIdle();
      }),
  });

  return {
    tryAcquire: (name) =>
      serial(async () => {
        if (held.has(name)) return null;
        let acquired = false;
        // A session kept from earlier locks may have died unnoticed: then try once more on a fresh connection.
        for (let attempt = client ? 2 : 1; attempt > 0; attempt -= 1) {
          let current: PoolClient;
          try {
            current = client ?? (await connect());
          } catch (error) {
            throw toStorageError(error, `Taking lock "${name}"`);
          }
          try {
            const result = await current.query<{ ok: boolean }>(`SELECT pg_try_advisory_lock(${key}) AS ok`, [
              schemaName,
              name,
            ]);
            acquired = result.rows[0]?.ok === true;
            break;
          } catch (error) {
            lose(current, error instanceof Error ? error : new Error(String(error)));
            if (attempt === 1) throw toStorageError(error, `Taking lock "${name}"`);
          }
        }
        if (!acquired) {
          giveBackIfIdle();
          return null;
        }
        const token = Symbol(name);
        held.set(name, token);
        return handle(name, token);
      }),
  };
}
