import type { Pool, PoolClient } from "pg";
import { toStorageError } from "./to-storage-error";

const ignore = () => {};

/**
 * Runs `work` in one transaction on a client of its own: COMMIT if it resolves, ROLLBACK if it throws (the
 * error is rethrown as a typed storage error). A client whose connection broke is destroyed, not reused.
 * With `transaction: false`, for work that is a single statement (atomic on its own), no BEGIN and COMMIT are sent.
 */
export async function withTransaction<T>(
  pool: Pool,
  operation: string,
  work: (client: PoolClient) => Promise<T>,
  { transaction = true }: { transaction?: boolean } = {},
): Promise<T> {
  let client: PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    throw toStorageError(error, operation);
  }
  // A connection that dies mid-transaction emits "error"; the failed query reports it, so just don't crash.
  client.on("error", ignore);
  let broken: Error | undefined;
  try {
    if (transaction) await client.query("BEGIN");
    const result = await work(client);
    if (transaction) await client.query("COMMIT");
    return result;
  } catch (error) {
    try {
      // Outside a transaction there is nothing to roll back, but a broken connection must still be found out.
      await client.query(transaction ? "ROLLBACK" : "SELECT 1");
    } catch (rollbackError) {
      broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
    }
    throw toStorageError(error, operation);
  } finally {
    client.off("error", ignore);
    client.release(broken);
  }
}
