import { randomBytes } from "node:crypto";
import pg from "pg";

/** The real PostgreSQL the tests use (trust auth). Override with `USLIMATO_TEST_POSTGRES_URL`. */
export const TEST_DATABASE_URL =
  process.env["USLIMATO_TEST_POSTGRES_URL"] ?? "postgres://postgres@127.0.0.1:5432/test";

/** A fresh schema name for one test file: `test_<random>`. */
export const randomSchema = (): string => `test_${randomBytes(6).toString("hex")}`;

/** A pool on the test database. */
export const testPool = (max = 4): pg.Pool => new pg.Pool({ connectionString: TEST_DATABASE_URL, max });

/** Drops a test schema and everything in it. */
export async function dropSchema(pool: pg.Pool, schema: string): Promise<void> {
  await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
}

/** Empties every table of a migrated schema except the migration record. */
export async function truncateAll(pool: pg.Pool, schema: string): Promise<void> {
  const tables = await pool.query<{ tablename: string }>(
    "SELECT tablename FROM pg_tables WHERE schemaname = $1 AND tablename <> 'schema_migrations'",
    [schema],
  );
  const list = tables.rows.map((t) => `"${schema}"."${t.tablename}"`).join(", ");
  if (list) await pool.query(`TRUNCATE ${list} RESTART IDENTITY`);
}
