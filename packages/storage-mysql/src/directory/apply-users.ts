import type { DirectoryBatch } from "@uslimato/core/storage";
import { toJson } from "../database/columns";
import { type Db, run, type Tables } from "../database/mysql-database";

/**
 * Steps 1-3 of a page: creates (one multi-row INSERT; a taken email is `ER_DUP_ENTRY`), updates (one statement per
 * user, in batch order, so an email given up earlier in the batch can be taken later), links (one multi-row upsert),
 * pending marks and reported statuses. Returns the emails that now name a user (for waiting owners).
 */
export async function applyUsers(
  db: Db,
  t: Tables,
  integrationId: string,
  users: NonNullable<DirectoryBatch["users"]>,
  now: number,
): Promise<string[]> {
  const emails: string[] = [];
  if (users.create?.length) {
    await run(
      db,
      `INSERT INTO ${t.users} (id, email, display_name, active, role, hge_id_account_id, attributes, created_at,
       updated_at) VALUES ?`,
      [
        users.create.map((u) => [
          u.id,
          u.email,
          u.displayName,
          u.active ? 1 : 0,
          u.role,
          null,
          toJson(u.attributes),
          now,
          now,
        ]),
      ],
    );
    emails.push(...users.create.map((u) => u.email));
  }
  for (const { userId, set } of users.update ?? []) {
    const columns: string[] = [];
    const values: unknown[] = [];
    if (set.email !== undefined)
      columns.push("email = ?") && values.push(set.email) && emails.push(set.email);
    if (set.displayName !== undefined) columns.push("display_name = ?") && values.push(set.displayName);
    if (set.active !== undefined) columns.push("active = ?") && values.push(set.active ? 1 : 0);
    if (set.attributes !== undefined) columns.push("attributes = ?") && values.push(toJson(set.attributes));
    await run(db, `UPDATE ${t.users} SET ${[...columns, "updated_at = ?"].join(", ")} WHERE id = ?`, [
      ...values,
      now,
      userId,
    ]);
  }
  if (users.link?.length) {
    await run(
      db,
      `INSERT INTO ${t.links} (integration_id, external_id, user_id, pending, reported_active) VALUES ?
       ON DUPLICATE KEY UPDATE user_id = VALUES(user_id)`,
      [users.link.map((l) => [integrationId, l.externalId, l.userId, 0, 1])],
    );
  }
  const mark = async (ids: ReadonlyArray<string> | undefined, set: string) => {
    if (ids?.length)
      await run(db, `UPDATE ${t.links} SET ${set} WHERE integration_id = ? AND external_id IN (?)`, [
        integrationId,
        [...ids],
      ]);
  };
  await mark(users.markPendingDeactivation, "pending = 1");
  await mark(users.clearPendingDeactivation, "pending = 0");
  await mark(users.reportedActive, "reported_active = 1");
  await mark(users.reportedInactive, "reported_active = 0");
  return emails;
}
