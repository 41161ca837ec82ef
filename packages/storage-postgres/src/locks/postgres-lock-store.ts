import { randomUUID } from "node:crypto";
import type { LockHandle, LockStore } from "@uslimato/core/storage";
import type { Pool, PoolClient } from "pg";
import { toStorageError } from "../transactions/to-storage-error";
import { LOCK_SESSION_ALIVE } from "./lock-alive-sql";

/** How long a lease lasts when the caller gives no `ttlMs`. */
const DEFAULT_LOCK_TTL_MS = 60_000;

/** A lock this adapter holds: its row's owner id and the signal its handle reports loss on. */
interface Held {
  owner: string;
  token: number;
  lost: AbortController;
}

/**
 * Named locks as rows of `<schema>.locks` (name, fencing token, owner, lease end, holder session), so they hold
 * across processes and machines and every page write can check them in its own transaction. The rows are taken,
 * renewed and released on ONE pooled connection per adapter (the holder session), checked out while at least one
 * lock is held: however many syncs run, locks take one connection. A lock is free when released, when its lease
 * ran out, or when its holder session is gone (a crashed process's connection closes, so a killed sync resumes at
 * once). If the holder session dies under a live process, every handle on it reports `lost` and its writes are
 * refused. Lock operations of one adapter run one at a time (each is one short query). `close` ends the holder
 * session.
 */
export function createPostgresLockStore(pool: Pool, s: string): LockStore & { close(): Promise<void> } {
  const held = new Map<string, Held>();
  let client: PoolClient | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => {});
    return next;
  };
  // The session is gone, and every lock with it: tell the holders, destroy the client instead of pooling it.
  const lose = (session: PoolClient, error: Error): void => {
    if (client !== session) return;
    client = undefined;
    for (const lock of held.values()) lock.lost.abort();
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
  /** Runs one query on the holder session; a failure means the session is broken: it is dropped. */
  const onSession = async <T>(session: PoolClient, work: (c: PoolClient) => Promise<T>): Promise<T> => {
    try {
      return await work(session);
    } catch (error) {
      lose(session, error instanceof Error ? error : new Error(String(error)));
      throw error;
    }
  };

  const take = async (session: PoolClient, name: string, owner: string, ttlMs: number) => {
    const result = await session.query<{ token: string }>(
      `INSERT INTO ${s}.locks AS l (name, token, owner, expires_at, session_pid, session_start)
       VALUES ($1, 1, $2, now() + $3 * interval '1 millisecond', pg_backend_pid(),
         (SELECT backend_start FROM pg_stat_get_activity(pg_backend_pid())))
       ON CONFLICT (name) DO UPDATE SET token = l.token + 1, owner = EXCLUDED.owner,
         expires_at = EXCLUDED.expires_at, session_pid = EXCLUDED.session_pid, session_start = EXCLUDED.session_start
       WHERE l.expires_at <= now() OR NOT ${LOCK_SESSION_ALIVE}
       RETURNING token`,
      [name, owner, ttlMs],
    );
    const token = result.rows[0]?.token;
    return token === undefined ? null : Number(token);
  };

  const handle = (name: string, lock: Held, ttlMs: number): LockHandle => ({
    name,
    token: lock.token,
    ttlMs,
    lost: lock.lost.signal,
    renew: () =>
      serial(async () => {
        const session = client;
        if (held.get(name) !== lock || !session) {
          lock.lost.abort();
          return false;
        }
        const result = await onSession(session, (c) =>
          c.query(
            `UPDATE ${s}.locks SET expires_at = now() + $4 * interval '1 millisecond'
             WHERE name = $1 AND owner = $2 AND token = $3 AND expires_at > now() AND session_pid = pg_backend_pid()`,
            [name, lock.owner, lock.token, ttlMs],
          ),
        ).catch((error: unknown) => {
          throw toStorageError(error, `Renewing lock "${name}"`);
        });
        if (result.rowCount === 1) return true;
        held.delete(name);
        lock.lost.abort();
        giveBackIfIdle();
        return false;
      }),
    release: () =>
      serial(async () => {
        // Released already, or lost with its session (and maybe taken again by a new handle): nothing to do.
        const session = client;
        if (held.get(name) !== lock || !session) return;
        held.delete(name);
        try {
          await onSession(session, (c) =>
            c.query(
              `UPDATE ${s}.locks SET expires_at = '-infinity' WHERE name = $1 AND owner = $2 AND token = $3`,
              [name, lock.owner, lock.token],
            ),
          );
        } catch {
          return;
        }
        giveBackIfIdle();
      }),
  });

  return {
    // Closing the adapter ends the holder session: its locks are free for others at once, its handles lost.
    close: () =>
      serial(async () => {
        if (client) lose(client, new Error("The storage adapter was closed"));
      }),
    tryAcquire: (name, options = {}) =>
      serial(async () => {
        const ttlMs = options.ttlMs ?? DEFAULT_LOCK_TTL_MS;
        const owner = randomUUID();
        let token: number | null = null;
        // A session kept from earlier locks may have died unnoticed: then try once more on a fresh connection.
        for (let attempt = client ? 2 : 1; attempt > 0; attempt -= 1) {
          let current: PoolClient;
          try {
            current = client ?? (await connect());
          } catch (error) {
            throw toStorageError(error, `Taking lock "${name}"`);
          }
          try {
            token = await onSession(current, (c) => take(c, name, owner, ttlMs));
            break;
          } catch (error) {
            if (attempt === 1) throw toStorageError(error, `Taking lock "${name}"`);
          }
        }
        if (token === null) {
          giveBackIfIdle();
          return null;
        }
        // A handle of this adapter whose lease ran out was just taken over: it is lost.
        held.get(name)?.lost.abort();
        const lock: Held = { owner, token, lost: new AbortController() };
        held.set(name, lock);
        return handle(name, lock, ttlMs);
      }),
  };
}
