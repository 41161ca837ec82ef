import type { DirectoryStore } from "@uslimato/core/storage";
import { checkSqliteFence } from "../database/check-sqlite-fence";
import { inTransaction } from "../database/in-transaction";
import type { SqliteDatabase } from "../database/sqlite-database";

type Removals = Pick<
  DirectoryStore,
  "countRecordRemovals" | "commitPendingRemovals" | "discardPendingRemovals"
>;

/**
 * Pending removals of devices and assets: one statement each, `?2 IS NULL` meaning every kind. Commit and discard
 * check a `fence` in the same transaction, like pending deactivations.
 */
export function sqliteRecordRemovals(database: SqliteDatabase): Removals {
  const { sql, db } = database;
  return {
    async countRecordRemovals(integrationId, kind) {
      const row = sql(
        `SELECT COUNT(*) AS present, COALESCE(SUM(pending_removal), 0) AS pending FROM records
         WHERE integration_id = ? AND kind = ? AND removed = 0`,
      ).get(integrationId, kind);
      return { pending: Number(row?.pending ?? 0), present: Number(row?.present ?? 0) };
    },
    async commitPendingRemovals(integrationId, kind, fence) {
      return inTransaction(db, () => {
        const now = Date.now();
        checkSqliteFence(database, fence, now);
        const result = sql(
          `UPDATE records SET removed = 1, pending_removal = 0, updated_at = ?3
           WHERE integration_id = ?1 AND (?2 IS NULL OR kind = ?2) AND pending_removal = 1`,
        ).run(integrationId, kind ?? null, now);
        return Number(result.changes);
      });
    },
    async discardPendingRemovals(integrationId, kind, fence) {
      return inTransaction(db, () => {
        checkSqliteFence(database, fence, Date.now());
        const result = sql(
          `UPDATE records SET pending_removal = 0
           WHERE integration_id = ?1 AND (?2 IS NULL OR kind = ?2) AND pending_removal = 1`,
        ).run(integrationId, kind ?? null);
        return Number(result.changes);
      });
    },
  };
}
