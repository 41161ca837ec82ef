import type { DirectoryInspection } from "@uslimato/core/storage";
import type { Pool } from "pg";
import { listPostgresDirectory } from "./list-postgres-directory";
import { putUsers } from "./put-users";

/** The directory's listing and seeding in PostgreSQL (the adapter's `inspect`). */
export function inspectPostgresDirectory(pool: Pool, s: string): DirectoryInspection {
  return { putUsers: (users) => putUsers(pool, s, users), ...listPostgresDirectory(pool, s) };
}
