import { CoreError, type LockFence } from "@uslimato/core/storage";
import type { SqliteDatabase } from "./sqlite-database";

/**
 * Inside the caller's transaction: throws `SYNC_LOCK_LOST` unless `fence` (if given) is still its lock's token
 * with a lease that has not run out. `BEGIN IMMEDIATE` holds the file's write lock, so nobody can take the lock
 * between this check and the commit.
 */
export function checkSqliteFence({ sql }: SqliteDatabase, fence: LockFence | undefined, now: number): void {
  if (!fence) return;
  const held = sql("SELECT 1 AS ok FROM locks WHERE name = ? AND token = ? AND expires_at > ?").get(
    fence.name,
    fence.token,
    now,
  );
  if (held) return;
  throw new CoreError(
    "SYNC_LOCK_LOST",
    `The lock "${fence.name}" is no longer held with token ${fence.token}; nothing was written.`,
    { details: { lock: fence.name, token: fence.token } },
  );
}
