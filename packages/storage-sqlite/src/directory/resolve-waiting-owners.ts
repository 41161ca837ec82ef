import type { DirectoryBatch } from "@uslimato/core/storage";
import type { SqliteDatabase } from "../database/sqlite-database";

/**
 * Record owners to resolve: `pairs` is a JSON array of `[key, user id]` (the key an external id or an email), the
 * matching waiting records are gathered first (`MATERIALIZED`, the pairs driving a probe of the partial index over
 * waiting owners for each key), then updated by primary key. Left to itself the planner may instead scan the waiting
 * records and look each one up among the pairs: seconds for a page once thousands of owners wait.
 */
const resolveBy = (key: "owner_external_id" | "owner_email", where: string) => `WITH m AS MATERIALIZED (
    SELECT r.integration_id, r.kind, r.external_id, t.value ->> 1 AS user_id
    FROM json_each(?1) AS t CROSS JOIN records AS r
    WHERE r.owner_user_id IS NULL AND r.${key} IS NOT NULL AND r.${key} = t.value ->> 0${where})
  UPDATE records SET owner_user_id = m.user_id FROM m
  WHERE records.integration_id = m.integration_id AND records.kind = m.kind AND records.external_id = m.external_id`;

const BY_LINK = resolveBy(
  "owner_external_id",
  ` AND r.owner_source = (SELECT connector_id FROM integrations WHERE id = ?2)
      AND r.integration_id IN (SELECT id FROM integrations WHERE tenant_id =
        (SELECT tenant_id FROM integrations WHERE id = ?2))`,
);
const BY_EMAIL = resolveBy("owner_email", "");

/** Whether any owner waits, by external id and by email: a look at each partial index, empty when none does. */
const WAITING = `SELECT
  EXISTS (SELECT 1 FROM records WHERE owner_user_id IS NULL AND owner_external_id IS NOT NULL) AS by_link,
  EXISTS (SELECT 1 FROM records WHERE owner_user_id IS NULL AND owner_email IS NOT NULL) AS by_email`;

/** `[key, userId]` pairs as JSON, the last per key (as the links and users written last). */
function pairs<T>(items: ReadonlyArray<T>, key: (item: T) => string, userId: (item: T) => string): string {
  const byKey = new Map<string, string>();
  for (const item of items) byKey.set(key(item), userId(item));
  return JSON.stringify([...byKey]);
}

/**
 * Resolves record owners still waiting for a user, inside the caller's transaction, through the partial indexes
 * over unresolved owners, one statement each: those whose external id a new link of `integrationId` now links
 * (records of the same tenant whose owner source is this integration's connector), and those whose email a new or
 * changed user has. Nothing more than a look at those indexes when no owner waits (a directory without devices or
 * assets, or all of them resolved).
 */
export function resolveWaitingOwners(
  { sql }: SqliteDatabase,
  integrationId: string | null,
  links: ReadonlyArray<{ externalId: string; userId: string }>,
  emails: ReadonlyArray<{ id: string; email: string }>,
): void {
  const byLink = integrationId !== null && links.length > 0;
  if (!byLink && emails.length === 0) return;
  const waiting = sql(WAITING).get();
  if (byLink && waiting?.by_link) {
    sql(BY_LINK).run(
      pairs(
        links,
        (l) => l.externalId,
        (l) => l.userId,
      ),
      integrationId,
    );
  }
  if (emails.length > 0 && waiting?.by_email) {
    sql(BY_EMAIL).run(
      pairs(
        emails,
        (e) => e.email,
        (e) => e.id,
      ),
    );
  }
}

/** The users of a batch whose email is new: created users and changed emails. */
export function emailsOf(users: NonNullable<DirectoryBatch["users"]>): Array<{ id: string; email: string }> {
  return [
    ...(users.create ?? []).map((u) => ({ id: u.id, email: u.email })),
    ...(users.update ?? []).flatMap((u) =>
      u.set.email === undefined ? [] : [{ id: u.userId, email: u.set.email }],
    ),
  ];
}
