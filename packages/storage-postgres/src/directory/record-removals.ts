import type { DirectoryStore } from "@uslimato/core";
import type { Queryable } from "../transactions/queryable";

type Removals = Pick<
  DirectoryStore,
  "countRecordRemovals" | "commitPendingRemovals" | "discardPendingRemovals"
>;

/** Pending removals of devices and assets: one statement each; a null kind means every kind. */
export function recordRemovals(db: Queryable, s: string): Removals {
  const changed = async (sql: string, integrationId: string, kind: string | undefined) =>
    (await db.query<{ count: number }>(sql, [integrationId, kind ?? null])).rows[0]?.count ?? 0;
  return {
    async countRecordRemovals(integrationId, kind) {
      const result = await db.query<{ pending: number; present: number }>(
        `SELECT count(*) FILTER (WHERE pending_removal)::int AS pending, count(*)::int AS present
         FROM ${s}.records WHERE integration_id = $1 AND kind = $2 AND NOT removed`,
        [integrationId, kind],
      );
      return { pending: result.rows[0]?.pending ?? 0, present: result.rows[0]?.present ?? 0 };
    },
    commitPendingRemovals: (integrationId, kind) =>
      changed(
        `WITH removed AS (
           UPDATE ${s}.records SET removed = true, pending_removal = false, updated_at = now()
           WHERE integration_id = $1 AND ($2::text IS NULL OR kind = $2) AND pending_removal RETURNING 1)
         SELECT count(*)::int AS count FROM removed`,
        integrationId,
        kind,
      ),
    discardPendingRemovals: (integrationId, kind) =>
      changed(
        `WITH cleared AS (
           UPDATE ${s}.records SET pending_removal = false
           WHERE integration_id = $1 AND ($2::text IS NULL OR kind = $2) AND pending_removal RETURNING 1)
         SELECT count(*)::int AS count FROM cleared`,
        integrationId,
        kind,
      ),
  };
}
