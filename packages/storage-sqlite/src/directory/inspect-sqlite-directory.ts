import type { DirectoryInspection } from "@uslimato/core/storage";
import { inTransaction } from "../database/in-transaction";
import type { SqliteDatabase } from "../database/sqlite-database";
import { toStorageError } from "../database/to-storage-error";
import { listSqliteDirectory } from "./list-sqlite-directory";
import { resolveWaitingOwners } from "./resolve-waiting-owners";

/** The directory's listing and seeding in SQLite (the adapter's `inspect`). */
export function inspectSqliteDirectory(database: SqliteDatabase): DirectoryInspection {
  const { sql, db } = database;
  return {
    async putUsers(users) {
      const upsert = sql(
        `INSERT INTO users (id, email, display_name, active, role, hge_id_account_id, attributes, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET email = excluded.email,
         display_name = excluded.display_name, active = excluded.active, role = excluded.role,
         hge_id_account_id = excluded.hge_id_account_id, attributes = excluded.attributes,
         created_at = excluded.created_at, updated_at = excluded.updated_at`,
      );
      try {
        inTransaction(db, () => {
          for (const u of users) {
            upsert.run(
              u.id,
              u.email,
              u.displayName,
              u.active ? 1 : 0,
              u.role,
              u.hgeIdAccountId,
              JSON.stringify(u.attributes),
              u.createdAt.getTime(),
              u.updatedAt.getTime(),
            );
          }
          resolveWaitingOwners(database, null, [], users);
        });
      } catch (error) {
        throw toStorageError(error, "Putting users");
      }
    },
    ...listSqliteDirectory(database),
  };
}
