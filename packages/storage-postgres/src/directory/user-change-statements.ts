import type { DirectoryBatch, UserUpdate } from "@uslimato/core";
import type { Queryable } from "../transactions/queryable";
import { lastByKey } from "./last-by-key";

type UserChanges = NonNullable<DirectoryBatch["users"]>;
type FlatUpdate = UserUpdate["set"] & { userId: string };

/** Folds several updates of one user into one, later fields winning; keeps only the fields a sync may set. */
function mergeUpdates(updates: ReadonlyArray<UserUpdate>): FlatUpdate[] {
  const merged = new Map<string, FlatUpdate>();
  for (const { userId, set } of updates) {
    const next: FlatUpdate = { ...merged.get(userId), userId };
    if (set.email !== undefined) next.email = set.email;
    if (set.displayName !== undefined) next.displayName = set.displayName;
    if (set.active !== undefined) next.active = set.active;
    if (set.attributes !== undefined) next.attributes = set.attributes;
    merged.set(userId, next);
  }
  return [...merged.values()];
}

/**
 * Writes a page's user changes in the contract's order, one statement per step: creates, updates, links, pending
 * marks, then clears. `hge_id_account_id` and `role` are never in an update's SET list.
 */
export async function applyUserChanges(
  client: Queryable,
  s: string,
  integrationId: string,
  users: UserChanges,
  seenUsers?: DirectoryBatch["seen"],
): Promise<void> {
  const create = users.create ?? [];
  if (create.length > 0) {
    await client.query(
      `INSERT INTO ${s}.users (id, email, display_name, active, role, hge_id_account_id, attributes, created_at,
         updated_at)
       SELECT t.id, t.email, t.display_name, t.active, t.role, NULL, t.attributes::jsonb, now(), now()
       FROM unnest($1::text[], $2::text[], $3::text[], $4::boolean[], $5::text[], $6::text[])
         AS t(id, email, display_name, active, role, attributes)`,
      [
        create.map((u) => u.id),
        create.map((u) => u.email),
        create.map((u) => u.displayName),
        create.map((u) => u.active),
        create.map((u) => u.role),
        create.map((u) => JSON.stringify(u.attributes)),
      ],
    );
  }
  const update = mergeUpdates(users.update ?? []);
  if (update.length > 0) {
    await client.query(
      `UPDATE ${s}.users AS u SET email = COALESCE(t.email, u.email),
         display_name = CASE WHEN t.set_display_name THEN t.display_name ELSE u.display_name END,
         active = COALESCE(t.active, u.active), attributes = COALESCE(t.attributes::jsonb, u.attributes),
         updated_at = now()
       FROM unnest($1::text[], $2::text[], $3::boolean[], $4::text[], $5::boolean[], $6::text[])
         AS t(user_id, email, set_display_name, display_name, active, attributes)
       WHERE u.id = t.user_id`,
      [
        update.map((u) => u.userId),
        update.map((u) => u.email ?? null),
        update.map((u) => u.displayName !== undefined),
        update.map((u) => u.displayName ?? null),
        update.map((u) => u.active ?? null),
        update.map((u) => (u.attributes === undefined ? null : JSON.stringify(u.attributes))),
      ],
    );
  }
  const link = lastByKey(users.link ?? [], (l) => l.externalId);
  if (link.length > 0) {
    // A new link the page's sweep also saw gets its mark now, so the sweep step need not rewrite the row.
    const seen = new Set(seenUsers?.users ?? []);
    await client.query(
      `INSERT INTO ${s}.user_links (integration_id, external_id, user_id, last_seen_sweep)
       SELECT $1, t.external_id, t.user_id, CASE WHEN t.seen THEN $5 END
       FROM unnest($2::text[], $3::text[], $4::boolean[]) AS t(external_id, user_id, seen)
       ON CONFLICT (integration_id, external_id) DO UPDATE SET user_id = EXCLUDED.user_id,
         last_seen_sweep = COALESCE(EXCLUDED.last_seen_sweep, ${s}.user_links.last_seen_sweep)`,
      [
        integrationId,
        link.map((l) => l.externalId),
        link.map((l) => l.userId),
        link.map((l) => seen.has(l.externalId)),
        seenUsers?.sweepId ?? null,
      ],
    );
  }
  for (const [ids, pending] of [
    [users.markPendingDeactivation ?? [], true],
    [users.clearPendingDeactivation ?? [], false],
  ] as const) {
    if (ids.length === 0) continue;
    await client.query(
      `UPDATE ${s}.user_links SET pending_deactivation = $3
       WHERE integration_id = $1 AND external_id = ANY($2::text[])`,
      [integrationId, [...ids], pending],
    );
  }
}
