import type { DirectoryStore } from "@uslimato/core/storage";
import type { Queryable } from "../transactions/queryable";
import { fencedCount } from "./fenced-count";

type Pending = Pick<
  DirectoryStore,
  | "countActiveLinkedUsers"
  | "countPendingDeactivations"
  | "commitPendingDeactivations"
  | "discardPendingDeactivations"
>;

const count = async (db: Queryable, sql: string, integrationId: string): Promise<number> =>
  (await db.query<{ count: number }>(sql, [integrationId])).rows[0]?.count ?? 0;

/**
 * A link of another enabled integration still reports user `u` active (several sources per user); probes the
 * links by user index. `$1` is this integration.
 */
const reportedElsewhere = (s: string) => `EXISTS (SELECT 1 FROM ${s}.user_links AS o
  JOIN ${s}.integrations AS i ON i.id = o.integration_id
  WHERE o.user_id = u.id AND o.integration_id <> $1 AND i.enabled AND o.reported_active
    AND NOT o.pending_deactivation)`;

/** The mass-deactivation guard's queries: each one statement, set-based. */
export function pendingDeactivations(db: Queryable, s: string): Pending {
  return {
    countActiveLinkedUsers: (integrationId) =>
      count(
        db,
        `SELECT count(*)::int AS count FROM ${s}.user_links AS l JOIN ${s}.users AS u ON u.id = l.user_id
         WHERE l.integration_id = $1 AND u.active`,
        integrationId,
      ),
    countPendingDeactivations: (integrationId) =>
      count(
        db,
        `SELECT count(*)::int AS count FROM ${s}.user_links AS l JOIN ${s}.users AS u ON u.id = l.user_id
         WHERE l.integration_id = $1 AND l.pending_deactivation AND u.active AND NOT ${reportedElsewhere(s)}`,
        integrationId,
      ),
    commitPendingDeactivations: (integrationId, fence) =>
      fencedCount(
        db,
        s,
        [integrationId],
        fence,
        (gate) => `pending AS (
           UPDATE ${s}.user_links SET pending_deactivation = false, reported_active = false
           WHERE integration_id = $1 AND pending_deactivation ${gate} RETURNING user_id),
         changed AS (
           UPDATE ${s}.users AS u SET active = false, updated_at = now()
           WHERE u.id IN (SELECT user_id FROM pending) AND u.active AND NOT ${reportedElsewhere(s)} RETURNING id)`,
      ),
    discardPendingDeactivations: (integrationId, fence) =>
      fencedCount(
        db,
        s,
        [integrationId],
        fence,
        (gate) => `changed AS (
           UPDATE ${s}.user_links SET pending_deactivation = false
           WHERE integration_id = $1 AND pending_deactivation ${gate} RETURNING 1)`,
      ),
  };
}
