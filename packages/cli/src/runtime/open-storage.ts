import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import type { InspectableStorage, Secret } from "@uslimato/core";
import { createMysqlStorage } from "@uslimato/storage-mysql";
import { createPostgresStorage } from "@uslimato/storage-postgres";
import { createSqliteStorage } from "@uslimato/storage-sqlite";
import { isMysqlUrl, isPostgresUrl } from "../config/cli-config";

/** A storage adapter the CLI opened and must close. */
export type ClosableStorage = InspectableStorage & { close(): Promise<void> };

/**
 * Opens the configured database: PostgreSQL for a `postgres://` URL (migrated; `?schema=NAME` picks the schema,
 * default `uslimato`), MySQL or MariaDB for a `mysql://` / `mariadb://` URL (migrated; `?prefix=NAME` picks the table
 * prefix, default `uslimato_`), else a SQLite file. `password` is the config's sealed one, opened just in time.
 */
export async function openStorage(database: string, password?: Secret): Promise<ClosableStorage> {
  if (isPostgresUrl(database)) {
    const url = new URL(database);
    const schema = url.searchParams.get("schema");
    url.searchParams.delete("schema");
    if (password) url.password = encodeURIComponent(password.reveal());
    return createPostgresStorage({ connectionString: url.toString(), ...(schema ? { schema } : {}) });
  }
  if (isMysqlUrl(database)) {
    const url = new URL(database);
    const prefix = url.searchParams.get("prefix");
    url.searchParams.delete("prefix");
    url.protocol = "mysql:";
    if (password) url.password = encodeURIComponent(password.reveal());
    return createMysqlStorage({ uri: url.toString(), ...(prefix === null ? {} : { tablePrefix: prefix }) });
  }
  await mkdir(dirname(database), { recursive: true });
  return createSqliteStorage({ filename: database });
}
