import { randomBytes } from "node:crypto";
import { createConnection, createPool, type Pool } from "mysql2/promise";

/** The server the tests use: `USLIMATO_TEST_MYSQL` or the local MariaDB (root, no password). */
const TEST_SERVER = process.env.USLIMATO_TEST_MYSQL ?? "mysql://root@127.0.0.1:3306";

/** A database of its own for one test run (random name), and how to drop it after. */
export async function createTestDatabase(): Promise<{ uri: string; pool: Pool; drop: () => Promise<void> }> {
  const name = `uslimato_test_${randomBytes(6).toString("hex")}`;
  const admin = await createConnection({ uri: TEST_SERVER });
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4`);
  await admin.end();
  const uri = `${TEST_SERVER}/${name}`;
  const pool = createPool({ uri, charset: "utf8mb4", connectionLimit: 10 });
  return {
    uri,
    pool,
    async drop() {
      await pool.end();
      const again = await createConnection({ uri: TEST_SERVER });
      await again.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await again.end();
    },
  };
}

/** Empties every table of the adapter (not the migrations record). */
export async function truncateAll(pool: Pool, prefix = "uslimato_"): Promise<void> {
  const [tables] = await pool.query(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE()",
  );
  for (const { name } of tables as Array<{ name: string }>) {
    if (name.startsWith(prefix) && name !== `${prefix}migrations`)
      await pool.query(`TRUNCATE TABLE \`${name}\``);
  }
}
