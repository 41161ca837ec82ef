import type { DirectoryStore } from "@uslimato/core/storage";
import type { Queryable } from "../transactions/queryable";
import { fencedCount } from "./fenced-count";

type Removals = Pick<
  DirectoryStore,
  "countRecordRemovals" | "commitPendingRemovals" | "discardPendingRemovals"
>;

/**
 * Pending removals of devices and assets: one statement each; a null kind means every kind. Commit and discard
 * check a `fence` in the same statement, like pending deactivations.
 */
export function recordRemovals(db: Queryable, s: string): Removals {
  return {
    async countRecordRemovals(integrationId, kind) {
      const result = await db.query<{ pending: number; present: number }>(
        `SELECT count(*) FILTER (WHERE pending_removal)::int AS pending, count(*)::int AS present
         FROM ${s}.records WHERE integration_id = $1 AND kind = $2 AND NOT removed`,
        [integrationId, kind],
      );
      return { pending: result.rows[0]?.pending ?? 0, present: result.rows[0]?.present ?? 0 };
    },
    commitPendingRemovals: (integrationId, kind, fence) =>
      fencedCount(
        db,
        s,
        [integrationId, kind ?? null],
        fence,
        (gate) => `changed AS (
           UPDATE ${s}.records SET removed = true, pending_removal = false, updated_at = now()
           WHERE integration_id = $1 AND ($2::text IS NULL OR kind = $2) AND pending_removal ${gate} RETURNING 1)`,
      ),
    discardPendingRemovals: (integrationId, kind, fence) =>
      fencedCount(
        db,
        s,
        [integrationId, kind ?? null],
        fence,
        (gate) => `changed AS (
           UPDATE ${s}.records SET pending_removal = false
           WHERE integration_id = $1 AND ($2::text IS NULL OR kind = $2) AND pending_removal ${gate} RETURNING 1)`,
      ),
  };
}
