import type { DirectoryBatch } from "@uslimato/core/storage";
import type { SqliteDatabase } from "../database/sqlite-database";

/**
 * Resolves record owners still waiting for a user, inside the caller's transaction, through the partial indexes
 * over unresolved owners: those whose external id a new link of `integrationId` now links (records of the same
 * tenant whose owner source is this integration's connector), and those whose email a new or changed user has.
 */
export function resolveWaitingOwners(
  { sql }: SqliteDatabase,
  integrationId: string | null,
  links: ReadonlyArray<{ externalId: string; userId: string }>,
  emails: ReadonlyArray<{ id: string; email: string }>,
): void {
  if (integrationId !== null && links.length > 0) {
    const byLink = sql(
      `UPDATE records SET owner_user_id = ?3 WHERE owner_user_id IS NULL AND owner_external_id = ?2
       AND owner_source = (SELECT connector_id FROM integrations WHERE id = ?1)
       AND integration_id IN (SELECT id FROM integrations WHERE tenant_id =
         (SELECT tenant_id FROM integrations WHERE id = ?1))`,
    );
    for (const { externalId, userId } of links) byLink.run(integrationId, externalId, userId);
  }
  const byEmail = sql(
    "UPDATE records SET owner_user_id = ?1 WHERE owner_user_id IS NULL AND owner_email = ?2",
  );
  for (const { id, email } of emails) byEmail.run(id, email);
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
