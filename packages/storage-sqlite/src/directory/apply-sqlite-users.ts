import type { DirectoryBatch } from "@uslimato/core/storage";
import type { SqliteDatabase } from "../database/sqlite-database";

/**
 * Writes a batch's user creates, updates, links and pending marks, in that order, inside the caller's
 * transaction. The UNIQUE email column turns a colliding create or update into an error that rolls it all back.
 * Only email, display name, active and attributes can change: role and the HGE ID account have no statement here.
 */
export function applySqliteUsers(
  { sql }: SqliteDatabase,
  integrationId: string,
  users: NonNullable<DirectoryBatch["users"]>,
  now: number,
  seenUsers?: DirectoryBatch["seen"],
): void {
  const insert = sql(
    `INSERT INTO users (id, email, display_name, active, role, hge_id_account_id, attributes, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?)`,
  );
  for (const u of users.create ?? []) {
    insert.run(
      u.id,
      u.email,
      u.displayName,
      u.active ? 1 : 0,
      u.role,
      JSON.stringify(u.attributes),
      now,
      now,
    );
  }
  const update = sql(
    `UPDATE users SET email = CASE WHEN ?1 THEN ?2 ELSE email END,
     display_name = CASE WHEN ?3 THEN ?4 ELSE display_name END, active = CASE WHEN ?5 THEN ?6 ELSE active END,
     attributes = CASE WHEN ?7 THEN ?8 ELSE attributes END, updated_at = ?9 WHERE id = ?10`,
  );
  for (const { userId, set } of users.update ?? []) {
    update.run(
      Number(set.email !== undefined),
      set.email ?? null,
      Number(set.displayName !== undefined),
      set.displayName ?? null,
      Number(set.active !== undefined),
      set.active ? 1 : 0,
      Number(set.attributes !== undefined),
      set.attributes === undefined ? null : JSON.stringify(set.attributes),
      now,
      userId,
    );
  }
  // A new link the page's sweep also saw gets its mark now, so the sweep step need not touch the row again.
  const link = sql(
    `INSERT INTO user_links (integration_id, external_id, user_id, last_seen) VALUES (?, ?, ?, ?)
     ON CONFLICT (integration_id, external_id) DO UPDATE SET user_id = excluded.user_id,
       last_seen = coalesce(excluded.last_seen, user_links.last_seen)`,
  );
  const seen = seenUsers?.users && seenUsers.users.length > 0 ? new Set(seenUsers.users) : undefined;
  for (const { externalId, userId } of users.link ?? []) {
    link.run(integrationId, externalId, userId, seen?.has(externalId) ? (seenUsers?.sweepId ?? null) : null);
  }
  const mark = sql("UPDATE user_links SET pending = ? WHERE integration_id = ? AND external_id = ?");
  for (const externalId of users.markPendingDeactivation ?? []) mark.run(1, integrationId, externalId);
  for (const externalId of users.clearPendingDeactivation ?? []) mark.run(0, integrationId, externalId);
  const report = sql(
    "UPDATE user_links SET reported_active = ? WHERE integration_id = ? AND external_id = ?",
  );
  for (const externalId of users.reportedActive ?? []) report.run(1, integrationId, externalId);
  for (const externalId of users.reportedInactive ?? []) report.run(0, integrationId, externalId);
}
