import type { DatabaseSync } from "node:sqlite";

/**
 * Runs `work` inside `BEGIN IMMEDIATE ... COMMIT`, rolling back if it throws. `work` is synchronous, so no other
 * call on this connection can interleave; IMMEDIATE takes the write lock up front (waiting up to the busy timeout),
 * so two connections on one file never deadlock upgrading a read to a write.
 */
export function inTransaction<T>(db: DatabaseSync, work: () => T): T {
  db.exec("BEGIN IMMEDIATE");
  try {
    const result = work();
    db.exec("COMMIT");
    return result;
  } catch (error) {
    if (db.isTransaction) db.exec("ROLLBACK");
    throw error;
  }
}
