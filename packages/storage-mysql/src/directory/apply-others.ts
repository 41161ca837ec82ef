import type { DirectoryBatch } from "@uslimato/core/storage";
import { toJson } from "../database/columns";
import { type Db, run, type Tables } from "../database/mysql-database";
import { resolveOwners } from "./resolve-owners";

/** Steps 4-6 of a page: groups, memberships, then devices and assets per kind, each a multi-row statement. */
export async function applyOthers(
  db: Db,
  t: Tables,
  integrationId: string,
  tenantId: string | null,
  batch: DirectoryBatch,
  now: number,
): Promise<void> {
  const { groups, memberships } = batch;
  if (groups?.upsert?.length) {
    await run(
      db,
      `INSERT INTO ${t.groups} (integration_id, external_id, display_name, description, attributes, removed, updated_at)
       VALUES ? ON DUPLICATE KEY UPDATE display_name = VALUES(display_name), description = VALUES(description),
       attributes = VALUES(attributes), removed = 0, updated_at = VALUES(updated_at)`,
      [
        groups.upsert.map((g) => [
          integrationId,
          g.externalId,
          g.displayName,
          g.description,
          toJson(g.attributes),
          0,
          now,
        ]),
      ],
    );
  }
  if (groups?.remove?.length) {
    const ids = [...groups.remove];
    await run(
      db,
      `UPDATE ${t.groups} SET removed = 1, updated_at = ? WHERE integration_id = ? AND external_id IN (?)`,
      [now, integrationId, ids],
    );
    await run(db, `DELETE FROM ${t.memberships} WHERE integration_id = ? AND group_external_id IN (?)`, [
      integrationId,
      ids,
    ]);
  }
  if (memberships?.add?.length) {
    await run(
      db,
      `INSERT IGNORE INTO ${t.memberships} (integration_id, group_external_id, user_external_id) VALUES ?`,
      [memberships.add.map((m) => [integrationId, m.groupExternalId, m.userExternalId])],
    );
  }
  if (memberships?.remove?.length) {
    await run(
      db,
      `DELETE FROM ${t.memberships} WHERE integration_id = ? AND (group_external_id, user_external_id) IN (?)`,
      [integrationId, memberships.remove.map((m) => [m.groupExternalId, m.userExternalId])],
    );
  }
  for (const { kind, upsert, remove, markPendingRemoval } of batch.records ?? []) {
    if (upsert?.length) {
      const ownerOf = await resolveOwners(
        db,
        t,
        tenantId,
        upsert.flatMap((r) => (r.owner ? [r.owner] : [])),
      );
      await run(
        db,
        `INSERT INTO ${t.records} (integration_id, kind, external_id, tenant_id, data, owner_email, owner_external_id,
         owner_source, owner_user_id, removed, pending_removal, updated_at) VALUES ?
         ON DUPLICATE KEY UPDATE tenant_id = VALUES(tenant_id), data = VALUES(data), owner_email = VALUES(owner_email),
         owner_external_id = VALUES(owner_external_id), owner_source = VALUES(owner_source),
         owner_user_id = VALUES(owner_user_id), removed = 0, pending_removal = 0, updated_at = VALUES(updated_at)`,
        [
          upsert.map((r) => [
            integrationId,
            kind,
            r.externalId,
            tenantId,
            toJson(r.data),
            r.owner?.email ?? null,
            r.owner?.externalUserId ?? null,
            r.owner?.source ?? null,
            r.owner ? ownerOf(r.owner) : null,
            0,
            0,
            now,
          ]),
        ],
      );
    }
    const where = `WHERE integration_id = ? AND kind = ? AND external_id IN (?)`;
    if (remove?.length)
      await run(db, `UPDATE ${t.records} SET removed = 1, pending_removal = 0, updated_at = ? ${where}`, [
        now,
        integrationId,
        kind,
        [...remove],
      ]);
    if (markPendingRemoval?.length)
      await run(db, `UPDATE ${t.records} SET pending_removal = 1 ${where} AND removed = 0`, [
        integrationId,
        kind,
        [...markPendingRemoval],
      ]);
  }
}
