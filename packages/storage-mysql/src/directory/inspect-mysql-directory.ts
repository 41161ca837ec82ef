import type { DirectoryInspection } from "@uslimato/core/storage";
import type { RowDataPacket } from "mysql2/promise";
import { fromBool, toJson } from "../database/columns";
import { guarded, inTransaction } from "../database/in-transaction";
import { type MysqlDatabase, rows, run } from "../database/mysql-database";
import { toGroup, toRecord, toUser, USER_COLUMNS } from "./directory-rows";
import { resolveWaitingOwners } from "./resolve-owners";

const paging = (page: { limit?: number; offset?: number } = {}): { sql: string; args: number[] } =>
  page.limit === undefined && page.offset === undefined
    ? { sql: "", args: [] }
    : { sql: "LIMIT ? OFFSET ?", args: [page.limit ?? Number.MAX_SAFE_INTEGER, page.offset ?? 0] };

/** The directory's listing and seeding in MySQL (the adapter's `inspect`). */
export function inspectMysqlDirectory(database: MysqlDatabase): DirectoryInspection {
  const { pool, t } = database;
  return {
    putUsers: (users) =>
      inTransaction(database, "Putting users", async (db) => {
        // One statement per user, in order: an upsert on `id` would hit the unique email of ANOTHER row and update it.
        for (const u of users) {
          const values = [
            u.email,
            u.displayName,
            u.active ? 1 : 0,
            u.role,
            u.hgeIdAccountId,
            toJson(u.attributes),
            u.createdAt.getTime(),
            u.updatedAt.getTime(),
          ];
          const updated = await run(
            db,
            `UPDATE ${t.users} SET email = ?, display_name = ?, active = ?, role = ?, hge_id_account_id = ?,
             attributes = ?, created_at = ?, updated_at = ? WHERE id = ?`,
            [...values, u.id],
          );
          if (updated === 0)
            await run(
              db,
              `INSERT INTO ${t.users} (email, display_name, active, role, hge_id_account_id, attributes, created_at,
               updated_at, id) VALUES (?)`,
              [[...values, u.id]],
            );
        }
        const scope = { tenantId: null, connectorId: null, integrationId: null };
        await resolveWaitingOwners(
          db,
          t,
          scope,
          [],
          users.map((u) => u.email),
        );
      }),
    listUsers: (query = {}) =>
      guarded("Listing users", async () => {
        const page = paging(query);
        const linked =
          query.integrationId === undefined
            ? ""
            : `WHERE EXISTS (SELECT 1 FROM ${t.links} l WHERE l.user_id = u.id AND l.integration_id = ?)`;
        const args = query.integrationId === undefined ? [] : [query.integrationId];
        return (
          await rows<RowDataPacket>(
            pool,
            `SELECT ${USER_COLUMNS} FROM ${t.users} u ${linked} ORDER BY u.email, u.id ${page.sql}`,
            [...args, ...page.args],
          )
        ).map(toUser);
      }),
    listLinks: (integrationId, options) =>
      guarded("Listing links", async () => {
        const page = paging(options);
        return (
          await rows<RowDataPacket>(
            pool,
            `SELECT * FROM ${t.links} WHERE integration_id = ? ORDER BY external_id ${page.sql}`,
            [integrationId, ...page.args],
          )
        ).map((r) => ({
          integrationId,
          externalId: r.external_id,
          userId: r.user_id,
          pendingDeactivation: fromBool(r.pending),
        }));
      }),
    listGroups: (integrationId) =>
      guarded("Listing groups", async () =>
        (
          await rows<RowDataPacket>(
            pool,
            `SELECT * FROM ${t.groups} WHERE integration_id = ? ORDER BY external_id`,
            [integrationId],
          )
        ).map(toGroup),
      ),
    listMemberships: (integrationId, groupExternalId) =>
      guarded("Listing memberships", async () => {
        const byGroup = groupExternalId === undefined ? "" : "AND group_external_id = ?";
        return (
          await rows<RowDataPacket>(
            pool,
            `SELECT * FROM ${t.memberships} WHERE integration_id = ? ${byGroup}
             ORDER BY group_external_id, user_external_id`,
            [integrationId, ...(groupExternalId === undefined ? [] : [groupExternalId])],
          )
        ).map((r) => ({
          integrationId,
          groupExternalId: r.group_external_id,
          userExternalId: r.user_external_id,
        }));
      }),
    listRecords: (integrationId, kind) =>
      guarded("Listing records", async () =>
        (
          await rows<RowDataPacket>(
            pool,
            `SELECT * FROM ${t.records} WHERE integration_id = ? AND kind = ? ORDER BY external_id`,
            [integrationId, kind],
          )
        ).map(toRecord),
      ),
    listRecordsByOwner: (userId, query = {}) =>
      guarded("Listing a user's records", async () => {
        const page = paging(query);
        const kind = query.kind === undefined ? "" : "AND kind = ?";
        const removed = query.includeRemoved ? "" : "AND removed = 0";
        return (
          await rows<RowDataPacket>(
            pool,
            `SELECT * FROM ${t.records} WHERE owner_user_id = ? ${kind} ${removed}
             ORDER BY integration_id, kind, external_id ${page.sql}`,
            [userId, ...(query.kind === undefined ? [] : [query.kind]), ...page.args],
          )
        ).map(toRecord);
      }),
    listUnownedRecords: (tenantId, kind, query = {}) =>
      guarded("Listing unowned records", async () => {
        const page = paging(query);
        const removed = query.includeRemoved ? "" : "AND r.removed = 0";
        return (
          await rows<RowDataPacket>(
            pool,
            `SELECT r.* FROM ${t.records} r JOIN ${t.integrations} i ON i.id = r.integration_id
             WHERE i.tenant_id = ? AND r.kind = ? AND r.owner_user_id IS NULL ${removed}
             ORDER BY r.integration_id, r.external_id ${page.sql}`,
            [tenantId, kind, ...page.args],
          )
        ).map(toRecord);
      }),
  };
}
