import type { RowDataPacket } from "mysql2/promise";
import { guarded } from "../database/in-transaction";
import { type MysqlDatabase, rows } from "../database/mysql-database";
import { migration001Initial } from "./migration-001-initial";
import type { MysqlMigration } from "./mysql-migration";

/** Every migration, in order. */
const MYSQL_MIGRATIONS: ReadonlyArray<MysqlMigration> = [migration001Initial];

/** What {@link migrateMysql} did. */
export interface MigrationReport {
  /** Versions applied by this call, in order. */
  applied: number[];
  /** The schema version afterwards. */
  version: number;
}

/**
 * Applies pending migrations, forward only, under a named lock (`GET_LOCK`) so several instances starting at once
 * migrate once. Tables are `utf8mb4` with a binary no-pad collation: `utf8mb4_nopad_bin` on MariaDB,
 * `utf8mb4_0900_bin` on MySQL 8.
 */
export async function migrateMysql(database: MysqlDatabase, lockName: string): Promise<MigrationReport> {
  const { pool, t } = database;
  return guarded("Migrating", async () => {
    const connection = await pool.getConnection();
    try {
      const [locked] = await rows<RowDataPacket>(connection, "SELECT GET_LOCK(?, 60) AS got", [lockName]);
      if (Number(locked?.got) !== 1) throw new Error("Another instance held the migration lock for 60 s.");
      try {
        const [server] = await rows<RowDataPacket>(connection, "SELECT VERSION() AS v");
        const collation = /mariadb/i.test(String(server?.v)) ? "utf8mb4_nopad_bin" : "utf8mb4_0900_bin";
        const table = `ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=${collation}`;
        await connection.query(
          `CREATE TABLE IF NOT EXISTS ${t.migrations} (version INT NOT NULL PRIMARY KEY,
           name VARCHAR(200) NOT NULL, applied_at BIGINT NOT NULL) ${table}`,
        );
        const done = new Set(
          (await rows<RowDataPacket>(connection, `SELECT version FROM ${t.migrations}`)).map((r) =>
            Number(r.version),
          ),
        );
        const applied: number[] = [];
        for (const migration of MYSQL_MIGRATIONS) {
          if (done.has(migration.version)) continue;
          for (const statement of migration.statements(t, table)) await connection.query(statement);
          await connection.query(`INSERT INTO ${t.migrations} (version, name, applied_at) VALUES (?, ?, ?)`, [
            migration.version,
            migration.name,
            Date.now(),
          ]);
          applied.push(migration.version);
        }
        const version = Math.max(0, ...done, ...applied);
        return { applied, version };
      } finally {
        await connection.query("SELECT RELEASE_LOCK(?)", [lockName]);
      }
    } finally {
      connection.release();
    }
  });
}
