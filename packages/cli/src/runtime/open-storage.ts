import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import type { InspectableStorage, Secret } from "@uslimato/core";
import { createPostgresStorage } from "@uslimato/storage-postgres";
import { createSqliteStorage } from "@uslimato/storage-sqlite";
import { isPostgresUrl } from "../config/cli-config";

/** A storage adapter the CLI opened and must close. */
export type ClosableStorage = InspectableStorage & { close(): Promise<void> };

/**
 * Opens the configured database: PostgreSQL for a `postgres://` URL (migrated; `?schema=NAME` picks the schema,
 * default `uslimato`; `password` is the config's sealed one, opened just in time), else a SQLite file.
 */
export async function openStorage(database: string, password?: Secret): Promise<ClosableStorage> {
  if (isPostgresUrl(database)) {
    const url = new URL(database);
    const schema = url.searchParams.get("schema");
    url.searchParams.delete("schema");
    if (password) url.password = encodeURIComponent(password.reveal());
    return createPostgresStorage({ connectionString: url.toString(), ...(schema ? { schema } : {}) });
  }
  await mkdir(dirname(database), { recursive: true });
  return createSqliteStorage({ filename: database });
}
