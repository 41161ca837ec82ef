import type { Tables } from "../database/mysql-database";

/** One forward-only schema change: its statements run in order, then its version is recorded. */
export interface MysqlMigration {
  version: number;
  name: string;
  /** The statements, given the table names and the table options (character set and binary collation). */
  statements(t: Tables, table: string): string[];
}
