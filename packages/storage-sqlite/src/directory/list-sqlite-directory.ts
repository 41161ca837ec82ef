import type { SQLOutputValue } from "node:sqlite";
import type { DirectoryInspection, StoredGroup, StoredRecord } from "@uslimato/core/storage";
import { fromBool, fromJson, fromMs } from "../database/json-column";
import type { SqliteDatabase } from "../database/sqlite-database";
import { fromUserRow, USER_COLUMNS } from "./user-row";

type Lists = Omit<DirectoryInspection, "putUsers">;

/** Group columns selected by every group query. */
export const GROUP_COLUMNS = "external_id, display_name, description, attributes, removed, updated_at";

/** Record columns selected by every record query. */
export const RECORD_COLUMNS =
  "integration_id, kind, external_id, data, owner_email, owner_external_id, owner_source, owner_user_id, removed, pending_removal, updated_at";

/** A group from a row selected with {@link GROUP_COLUMNS}. */
export function fromGroupRow(integrationId: string, row: Record<string, SQLOutputValue>): StoredGroup {
  return {
    integrationId,
    externalId: row.external_id as string,
    displayName: row.display_name as string | null,
    description: row.description as string | null,
    attributes: fromJson(row.attributes),
    removed: fromBool(row.removed),
    updatedAt: fromMs(row.updated_at),
  };
}

/** A device or asset from a row selected with {@link RECORD_COLUMNS}. */
export function fromRecordRow(row: Record<string, SQLOutputValue>): StoredRecord {
  const email = row.owner_email as string | null;
  const externalUserId = row.owner_external_id as string | null;
  return {
    integrationId: row.integration_id as string,
    kind: row.kind as StoredRecord["kind"],
    externalId: row.external_id as string,
    data: fromJson(row.data),
    owner:
      email === null && externalUserId === null
        ? null
        : {
            email,
            externalUserId,
            source: row.owner_source as string | null,
            userId: row.owner_user_id as string | null,
          },
    removed: fromBool(row.removed),
    pendingRemoval: fromBool(row.pending_removal),
    updatedAt: fromMs(row.updated_at),
  };
}

/** The directory's listing methods (admin views and tests; a sync never lists). */
export function listSqliteDirectory({ sql }: SqliteDatabase): Lists {
  return {
    async listUsers(query = {}) {
      const filter =
        query.integrationId === undefined
          ? "?1 IS NULL"
          : "EXISTS (SELECT 1 FROM user_links l WHERE l.integration_id = ?1 AND l.user_id = u.id)";
      return sql(
        `SELECT ${USER_COLUMNS} FROM users u WHERE ${filter} ORDER BY u.email, u.id LIMIT ?2 OFFSET ?3`,
      )
        .all(query.integrationId ?? null, query.limit ?? -1, query.offset ?? 0)
        .map(fromUserRow);
    },
    async listLinks(integrationId, page = {}) {
      return sql(
        `SELECT external_id, user_id, pending FROM user_links WHERE integration_id = ?
         ORDER BY external_id LIMIT ? OFFSET ?`,
      )
        .all(integrationId, page.limit ?? -1, page.offset ?? 0)
        .map((row) => ({
          integrationId,
          externalId: row.external_id as string,
          userId: row.user_id as string,
          pendingDeactivation: fromBool(row.pending),
        }));
    },
    async listGroups(integrationId) {
      return sql(`SELECT ${GROUP_COLUMNS} FROM groups WHERE integration_id = ? ORDER BY external_id`)
        .all(integrationId)
        .map((row) => fromGroupRow(integrationId, row));
    },
    async listMemberships(integrationId, groupExternalId) {
      return sql(
        `SELECT group_external_id, user_external_id FROM memberships WHERE integration_id = ?1
         AND (?2 IS NULL OR group_external_id = ?2) ORDER BY group_external_id, user_external_id`,
      )
        .all(integrationId, groupExternalId ?? null)
        .map((row) => ({
          integrationId,
          groupExternalId: row.group_external_id as string,
          userExternalId: row.user_external_id as string,
        }));
    },
    async listRecords(integrationId, kind) {
      return sql(
        `SELECT ${RECORD_COLUMNS} FROM records WHERE integration_id = ? AND kind = ? ORDER BY external_id`,
      )
        .all(integrationId, kind)
        .map(fromRecordRow);
    },
    async listRecordsByOwner(userId, query = {}) {
      return sql(
        `SELECT ${RECORD_COLUMNS} FROM records WHERE owner_user_id = ?1 AND (?2 IS NULL OR kind = ?2)
         AND (?3 OR removed = 0) ORDER BY integration_id, kind, external_id LIMIT ?4 OFFSET ?5`,
      )
        .all(userId, query.kind ?? null, query.includeRemoved ? 1 : 0, query.limit ?? -1, query.offset ?? 0)
        .map(fromRecordRow);
    },
    async listUnownedRecords(tenantId, kind, query = {}) {
      return sql(
        `SELECT ${RECORD_COLUMNS} FROM records WHERE integration_id IN
           (SELECT id FROM integrations WHERE tenant_id = ?1)
         AND kind = ?2 AND owner_user_id IS NULL AND (?3 OR removed = 0)
         ORDER BY integration_id, external_id LIMIT ?4 OFFSET ?5`,
      )
        .all(tenantId, kind, query.includeRemoved ? 1 : 0, query.limit ?? -1, query.offset ?? 0)
        .map(fromRecordRow);
    },
  };
}
