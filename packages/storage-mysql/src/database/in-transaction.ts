import type { PoolConnection } from "mysql2/promise";
import type { MysqlDatabase } from "./mysql-database";
import { toStorageError } from "./to-storage-error";

/** Runs `work` in one transaction on one pooled connection: commits, or rolls back and throws a typed error. */
export async function inTransaction<T>(
  { pool }: MysqlDatabase,
  operation: string,
  work: (db: PoolConnection) => Promise<T>,
): Promise<T> {
  let connection: PoolConnection;
  try {
    connection = await pool.getConnection();
  } catch (error) {
    throw toStorageError(error, operation);
  }
  try {
    await connection.beginTransaction();
    const result = await work(connection);
    await connection.commit();
    return result;
  } catch (error) {
    await connection.rollback().catch(() => undefined);
    throw toStorageError(error, operation);
  } finally {
    connection.release();
  }
}

/** Runs one query outside a transaction, with a typed error. */
export async function guarded<T>(operation: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toStorageError(error, operation);
  }
}
