import type { DirectoryStore } from "@uslimato/core/storage";
import { checkSqliteFence } from "../database/check-sqlite-fence";
import { checkSqliteSweep } from "../database/check-sqlite-sweep";
import { inTransaction } from "../database/in-transaction";
import { fromBool, fromJson } from "../database/json-column";
import type { SqliteDatabase } from "../database/sqlite-database";
import { toStorageError } from "../database/to-storage-error";
import { applySqliteOthers } from "./apply-sqlite-others";
import { applySqliteSweep } from "./apply-sqlite-sweep";
import { applySqliteUsers } from "./apply-sqlite-users";
import { fromGroupRow, fromRecordRow, GROUP_COLUMNS, RECORD_COLUMNS } from "./list-sqlite-directory";
import { emailsOf, resolveWaitingOwners } from "./resolve-waiting-owners";
import { sqliteRecordRemovals } from "./sqlite-record-removals";
import { fromUserRow, USER_COLUMNS } from "./user-row";

/** A link of another enabled integration still reports user `u` active (several sources per user). */
const REPORTED_ELSEWHERE = `EXISTS (SELECT 1 FROM user_links o JOIN integrations i ON i.id = o.integration_id
  WHERE o.user_id = u.id AND o.integration_id <> ?1 AND i.enabled = 1 AND o.reported_active = 1 AND o.pending = 0)`;

const ACTIVE_PENDING = `FROM user_links l JOIN users u ON u.id = l.user_id
  WHERE l.integration_id = ?1 AND l.pending = 1 AND u.active = 1 AND NOT ${REPORTED_ELSEWHERE}`;

/** The directory in SQLite, as a sync sees it: one query per lookup (ids passed as a JSON array), one transaction per page. */
export function createSqliteDirectoryStore(database: SqliteDatabase): DirectoryStore {
  const { sql, db } = database;
  return {
    async findUsers(integrationId, query) {
      const linked = sql(
        `SELECT l.external_id AS link_external_id, l.user_id AS link_user_id, l.pending AS link_pending, ${USER_COLUMNS}
         FROM user_links l JOIN users u ON u.id = l.user_id
         WHERE l.integration_id = ? AND l.external_id IN (SELECT value FROM json_each(?))`,
      ).all(integrationId, JSON.stringify(query.externalIds));
      const byEmail = sql(
        `SELECT ${USER_COLUMNS}, (SELECT json_group_array(external_id) FROM (SELECT external_id FROM user_links
           WHERE integration_id = ? AND user_id = u.id ORDER BY external_id)) AS linked
         FROM users u WHERE u.email IN (SELECT value FROM json_each(?))`,
      ).all(integrationId, JSON.stringify(query.emails));
      return {
        byExternalId: linked.map((row) => ({
          link: {
            integrationId,
            externalId: row.link_external_id as string,
            userId: row.link_user_id as string,
            pendingDeactivation: fromBool(row.link_pending),
          },
          user: fromUserRow(row),
        })),
        byEmail: byEmail.map((row) => ({
          user: fromUserRow(row),
          linkedExternalIds: fromJson<string[]>(row.linked),
        })),
      };
    },
    async findGroups(integrationId, externalIds) {
      return sql(
        `SELECT ${GROUP_COLUMNS} FROM groups WHERE integration_id = ? AND external_id IN (SELECT value FROM json_each(?))`,
      )
        .all(integrationId, JSON.stringify(externalIds))
        .map((row) => fromGroupRow(integrationId, row));
    },
    async findRecords(integrationId, kind, externalIds) {
      return sql(
        `SELECT ${RECORD_COLUMNS} FROM records WHERE integration_id = ? AND kind = ?
         AND external_id IN (SELECT value FROM json_each(?))`,
      )
        .all(integrationId, kind, JSON.stringify(externalIds))
        .map(fromRecordRow);
    },
    async applyPage(integrationId, batch, checkpoint, fence) {
      try {
        return inTransaction(db, () => {
          const now = Date.now();
          checkSqliteFence(database, fence, now);
          checkSqliteSweep(database, integrationId, batch, fence);
          if (batch.users) {
            applySqliteUsers(database, integrationId, batch.users, now, batch.seen);
            resolveWaitingOwners(database, integrationId, batch.users.link ?? [], emailsOf(batch.users));
          }
          applySqliteOthers(database, integrationId, batch, now);
          const result = applySqliteSweep(database, integrationId, batch, now);
          sql(
            `INSERT INTO checkpoints (integration_id, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (integration_id)
             DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
          ).run(integrationId, JSON.stringify(checkpoint), now);
          return result;
        });
      } catch (error) {
        throw toStorageError(error, `Applying a page of integration "${integrationId}"`);
      }
    },
    async countActiveLinkedUsers(integrationId) {
      const row = sql(
        "SELECT COUNT(*) AS n FROM user_links l JOIN users u ON u.id = l.user_id WHERE l.integration_id = ? AND u.active = 1",
      ).get(integrationId);
      return Number(row?.n ?? 0);
    },
    async countPendingDeactivations(integrationId) {
      return Number(sql(`SELECT COUNT(*) AS n ${ACTIVE_PENDING}`).get(integrationId)?.n ?? 0);
    },
    async commitPendingDeactivations(integrationId, fence) {
      return inTransaction(db, () => {
        checkSqliteFence(database, fence, Date.now());
        const changed = sql(
          `UPDATE users AS u SET active = 0, updated_at = ?2 WHERE active = 1 AND id IN
           (SELECT user_id FROM user_links WHERE integration_id = ?1 AND pending = 1) AND NOT ${REPORTED_ELSEWHERE}`,
        ).run(integrationId, Date.now());
        sql(
          "UPDATE user_links SET pending = 0, reported_active = 0 WHERE integration_id = ? AND pending = 1",
        ).run(integrationId);
        return Number(changed.changes);
      });
    },
    async discardPendingDeactivations(integrationId, fence) {
      return inTransaction(db, () => {
        checkSqliteFence(database, fence, Date.now());
        const cleared = sql("UPDATE user_links SET pending = 0 WHERE integration_id = ? AND pending = 1").run(
          integrationId,
        );
        return Number(cleared.changes);
      });
    },
    ...sqliteRecordRemovals(database),
  };
}
