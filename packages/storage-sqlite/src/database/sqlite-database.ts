import type { DatabaseSync, StatementSync } from "node:sqlite";

/** An open database with a cache of prepared statements, so each SQL text is compiled once per connection. */
export interface SqliteDatabase {
  readonly db: DatabaseSync;
  /** The prepared statement for `sql`, compiled on first use. */
  sql(sql: string): StatementSync;
}

/** Wraps a `DatabaseSync` with a statement cache. */
export function wrapDatabase(db: DatabaseSync): SqliteDatabase {
  const cache = new Map<string, StatementSync>();
  return {
    db,
    sql(sql) {
      let statement = cache.get(sql);
      if (!statement) {
        statement = db.prepare(sql);
        cache.set(sql, statement);
      }
      return statement;
    },
  };
}
