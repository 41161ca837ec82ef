import type { Pool, PoolConnection, ResultSetHeader } from "mysql2/promise";

/** A pool or one of its connections (inside a transaction). */
export type Db = Pool | PoolConnection;

/** The adapter's pool and its table names (`<prefix><table>`, quoted). */
export interface MysqlDatabase {
  readonly pool: Pool;
  /** Quoted table names. */
  readonly t: Tables;
}

/** The quoted names of the adapter's tables. */
export type Tables = Record<
  | "migrations"
  | "integrations"
  | "secrets"
  | "checkpoints"
  | "syncLogs"
  | "audit"
  | "locks"
  | "users"
  | "links"
  | "groups"
  | "memberships"
  | "records"
  | "sweeps",
  string
>;

/** Table names under a prefix (letters, digits and `_` only; checked by the caller). */
export function tablesOf(prefix: string): Tables {
  const q = (name: string) => `\`${prefix}${name}\``;
  return {
    migrations: q("migrations"),
    integrations: q("integrations"),
    secrets: q("secrets"),
    checkpoints: q("checkpoints"),
    syncLogs: q("sync_logs"),
    audit: q("audit"),
    locks: q("locks"),
    users: q("users"),
    links: q("user_links"),
    groups: q("groups"),
    memberships: q("memberships"),
    records: q("records"),
    sweeps: q("sweeps"),
  };
}

/** The database clock in epoch milliseconds (leases are measured on it, so every process agrees). */
export const NOW_MS = "CAST(ROUND(UNIX_TIMESTAMP(NOW(3)) * 1000) AS SIGNED)";

/** Runs a query and returns its rows. */
export async function rows<T>(db: Db, sql: string, values: unknown[] = []): Promise<T[]> {
  const [result] = await db.query(sql, values);
  return result as T[];
}

/** Runs a statement and returns how many rows it matched. */
export async function run(db: Db, sql: string, values: unknown[] = []): Promise<number> {
  const [result] = await db.query(sql, values);
  return (result as ResultSetHeader).affectedRows;
}
