import type { DirectoryStore, UserLookup } from "@uslimato/core/storage";
import type { RowDataPacket } from "mysql2/promise";
import { fromBool } from "../database/columns";
import { guarded } from "../database/in-transaction";
import { type MysqlDatabase, rows } from "../database/mysql-database";
import { applyPage } from "./apply-page";
import { toGroup, toRecord, toUser, USER_COLUMNS } from "./directory-rows";
import { guardCalls } from "./guard-calls";

/** The directory in MySQL, as a sync sees it: one query per lookup, one transaction per page. */
export function createMysqlDirectoryStore(database: MysqlDatabase): DirectoryStore {
  const { pool, t } = database;
  return {
    findUsers: (integrationId, query) =>
      guarded("Looking users up", async () => {
        const lookup: UserLookup = { byExternalId: [], byEmail: [] };
        if (query.externalIds.length > 0) {
          const linked = await rows<RowDataPacket>(
            pool,
            `SELECT l.external_id AS link_external_id, l.pending AS link_pending, ${USER_COLUMNS}
             FROM ${t.links} l JOIN ${t.users} u ON u.id = l.user_id
             WHERE l.integration_id = ? AND l.external_id IN (?)`,
            [integrationId, [...new Set(query.externalIds)]],
          );
          for (const row of linked) {
            const user = toUser(row);
            const link = {
              integrationId,
              externalId: row.link_external_id as string,
              userId: user.id,
              pendingDeactivation: fromBool(row.link_pending),
            };
            lookup.byExternalId.push({ link, user });
          }
        }
        if (query.emails.length > 0) {
          const found = await rows<RowDataPacket>(
            pool,
            `SELECT ${USER_COLUMNS}, l.external_id AS link_external_id FROM ${t.users} u
             LEFT JOIN ${t.links} l ON l.user_id = u.id AND l.integration_id = ?
             WHERE u.email IN (?) ORDER BY u.id, l.external_id`,
            [integrationId, [...new Set(query.emails)]],
          );
          const byUser = new Map<string, UserLookup["byEmail"][number]>();
          for (const row of found) {
            let match = byUser.get(row.id);
            if (!match) {
              match = { user: toUser(row), linkedExternalIds: [] };
              byUser.set(row.id, match);
              lookup.byEmail.push(match);
            }
            if (row.link_external_id !== null) match.linkedExternalIds.push(row.link_external_id);
          }
        }
        return lookup;
      }),
    findGroups: (integrationId, externalIds) =>
      guarded("Looking groups up", async () => {
        if (externalIds.length === 0) return [];
        return (
          await rows<RowDataPacket>(
            pool,
            `SELECT * FROM ${t.groups} WHERE integration_id = ? AND external_id IN (?)`,
            [integrationId, [...new Set(externalIds)]],
          )
        ).map(toGroup);
      }),
    findRecords: (integrationId, kind, externalIds) =>
      guarded("Looking records up", async () => {
        if (externalIds.length === 0) return [];
        return (
          await rows<RowDataPacket>(
            pool,
            `SELECT * FROM ${t.records} WHERE integration_id = ? AND kind = ? AND external_id IN (?)`,
            [integrationId, kind, [...new Set(externalIds)]],
          )
        ).map(toRecord);
      }),
    applyPage: (integrationId, batch, checkpoint, fence) =>
      applyPage(database, integrationId, batch, checkpoint, fence),
    ...guardCalls(database),
  };
}
