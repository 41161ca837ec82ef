import { randomUUID } from "node:crypto";
import type { LockHandle, LockStore } from "@uslimato/core/storage";
import type { RowDataPacket } from "mysql2/promise";
import { guarded, inTransaction } from "../database/in-transaction";
import { type MysqlDatabase, NOW_MS, rows, run } from "../database/mysql-database";

/** The lease length when the caller names none. */
const DEFAULT_LOCK_TTL_MS = 60_000;

/**
 * Named locks as rows `(name, token, owner, expires_at)` on the database clock. Taking a lock is one conditional
 * upsert: a free row (lease over) gets a new owner, `token + 1` and a new lease; a held one is left alone. Rows are
 * kept on release (lease set to the past), so tokens only grow.
 */
export function createMysqlLockStore(database: MysqlDatabase): LockStore {
  const { pool, t } = database;
  return {
    async tryAcquire(name, options = {}) {
      const ttlMs = options.ttlMs ?? DEFAULT_LOCK_TTL_MS;
      const owner = randomUUID();
      const got = await inTransaction(database, "Taking a lock", async (db) => {
        await run(
          db,
          `INSERT INTO ${t.locks} (name, token, owner, expires_at) VALUES (?, 1, ?, ${NOW_MS} + ?)
           ON DUPLICATE KEY UPDATE
             token = IF(expires_at <= ${NOW_MS}, token + 1, token),
             owner = IF(expires_at <= ${NOW_MS}, VALUES(owner), owner),
             expires_at = IF(expires_at <= ${NOW_MS}, VALUES(expires_at), expires_at)`,
          [name, owner, ttlMs],
        );
        const [row] = await rows<RowDataPacket>(db, `SELECT token, owner FROM ${t.locks} WHERE name = ?`, [
          name,
        ]);
        return row?.owner === owner ? Number(row.token) : null;
      });
      if (got === null) return null;
      const token = got;
      const controller = new AbortController();
      const handle: LockHandle = {
        name,
        token,
        ttlMs,
        lost: controller.signal,
        async renew() {
          if (controller.signal.aborted) return false;
          const renewed = await guarded("Renewing a lock", () =>
            run(
              pool,
              `UPDATE ${t.locks} SET expires_at = ${NOW_MS} + ? WHERE name = ? AND owner = ? AND token = ?
               AND expires_at > ${NOW_MS}`,
              [ttlMs, name, owner, token],
            ),
          );
          if (renewed === 1) return true;
          controller.abort();
          return false;
        },
        async release() {
          await guarded("Releasing a lock", () =>
            run(pool, `UPDATE ${t.locks} SET expires_at = 0 WHERE name = ? AND owner = ? AND token = ?`, [
              name,
              owner,
              token,
            ]),
          );
        },
      };
      return handle;
    },
  };
}
