import type { DirectoryStore, LockFence } from "@uslimato/core";
import type { Queryable } from "../transactions/queryable";
import { fenceCtes } from "./fence-ctes";
import { fenceRefused } from "./fence-refused";

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
 * One statement whose `changes` CTEs end in one named `changed`, counted; with a fence, the lock is checked in the
 * same statement (see {@link fenceCtes}) and nothing changes unless it holds (`SYNC_LOCK_LOST`).
 */
async function fenced(
  db: Queryable,
  s: string,
  integrationId: string,
  fence: LockFence | undefined,
  changes: (gate: string) => string,
): Promise<number> {
  const values: unknown[] = [integrationId];
  const $ = (value: unknown): string => `$${values.push(value)}`;
  const guard = fenceCtes(s, {}, fence, $);
  const ctes = [...(guard?.ctes ?? []), changes(guard ? `AND ${guard.gate}` : "")];
  const result = await db.query<{ count: number; fenced?: number; owned?: number }>(
    `WITH ${ctes.join(",\n")} SELECT (SELECT count(*) FROM changed)::int AS count${guard ? `, ${guard.report}` : ""}`,
    values,
  );
  const row = result.rows[0];
  if (fence && row?.fenced !== 1) throw fenceRefused(integrationId, fence, row);
  return row?.count ?? 0;
}

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
         WHERE l.integration_id = $1 AND l.pending_deactivation AND u.active`,
        integrationId,
      ),
    commitPendingDeactivations: (integrationId, fence) =>
      fenced(
        db,
        s,
        integrationId,
        fence,
        (gate) => `pending AS (
           UPDATE ${s}.user_links SET pending_deactivation = false
           WHERE integration_id = $1 AND pending_deactivation ${gate} RETURNING user_id),
         changed AS (
           UPDATE ${s}.users SET active = false, updated_at = now()
           WHERE id IN (SELECT user_id FROM pending) AND active RETURNING id)`,
      ),
    discardPendingDeactivations: (integrationId, fence) =>
      fenced(
        db,
        s,
        integrationId,
        fence,
        (gate) => `changed AS (
           UPDATE ${s}.user_links SET pending_deactivation = false
           WHERE integration_id = $1 AND pending_deactivation ${gate} RETURNING 1)`,
      ),
  };
}
