import type { DirectoryInspection } from "@uslimato/core/storage";
import type { Queryable } from "../transactions/queryable";
import {
  GROUP_COLUMNS,
  type GroupRow,
  type LinkRow,
  RECORD_COLUMNS,
  type RecordRow,
  toGroup,
  toLink,
  toRecord,
  toUser,
  USER_COLUMNS,
  type UserRow,
} from "./directory-rows";

/** The directory's listings (admin views, the demo and tests; a sync never lists). */
export function listPostgresDirectory(db: Queryable, s: string): Omit<DirectoryInspection, "putUsers"> {
  return {
    async listUsers(query = {}) {
      const result = await db.query<UserRow>(
        `SELECT ${USER_COLUMNS} FROM ${s}.users AS u
         WHERE $1::text IS NULL
            OR EXISTS (SELECT 1 FROM ${s}.user_links AS l WHERE l.integration_id = $1 AND l.user_id = u.id)
         ORDER BY email, id LIMIT $2 OFFSET $3`,
        [query.integrationId ?? null, query.limit ?? null, query.offset ?? 0],
      );
      return result.rows.map(toUser);
    },
    async listLinks(integrationId, page = {}) {
      const result = await db.query<LinkRow>(
        `SELECT integration_id, external_id, user_id, pending_deactivation FROM ${s}.user_links
         WHERE integration_id = $1 ORDER BY external_id LIMIT $2 OFFSET $3`,
        [integrationId, page.limit ?? null, page.offset ?? 0],
      );
      return result.rows.map(toLink);
    },
    async listGroups(integrationId) {
      const result = await db.query<GroupRow>(
        `SELECT ${GROUP_COLUMNS} FROM ${s}.groups WHERE integration_id = $1 ORDER BY external_id`,
        [integrationId],
      );
      return result.rows.map(toGroup);
    },
    async listMemberships(integrationId, groupExternalId) {
      const result = await db.query<{ group_external_id: string; user_external_id: string }>(
        `SELECT group_external_id, user_external_id FROM ${s}.memberships
         WHERE integration_id = $1 AND ($2::text IS NULL OR group_external_id = $2)
         ORDER BY group_external_id, user_external_id`,
        [integrationId, groupExternalId ?? null],
      );
      return result.rows.map((row) => ({
        integrationId,
        groupExternalId: row.group_external_id,
        userExternalId: row.user_external_id,
      }));
    },
    async listRecords(integrationId, kind) {
      const result = await db.query<RecordRow>(
        `SELECT ${RECORD_COLUMNS} FROM ${s}.records WHERE integration_id = $1 AND kind = $2 ORDER BY external_id`,
        [integrationId, kind],
      );
      return result.rows.map(toRecord);
    },
    async listRecordsByOwner(userId, query = {}) {
      const result = await db.query<RecordRow>(
        `SELECT ${RECORD_COLUMNS} FROM ${s}.records
         WHERE owner_user_id = $1 AND ($2::text IS NULL OR kind = $2) AND ($3 OR NOT removed)
         ORDER BY owner_user_id, integration_id, kind, external_id LIMIT $4 OFFSET $5`,
        [userId, query.kind ?? null, query.includeRemoved === true, query.limit ?? null, query.offset ?? 0],
      );
      return result.rows.map(toRecord);
    },
    async listUnownedRecords(tenantId, kind, query = {}) {
      const result = await db.query<RecordRow>(
        `SELECT ${RECORD_COLUMNS} FROM ${s}.records
         WHERE integration_id IN (SELECT id FROM ${s}.integrations WHERE tenant_id = $1) AND kind = $2
           AND owner_user_id IS NULL AND ($3 OR NOT removed)
         ORDER BY integration_id, external_id LIMIT $4 OFFSET $5`,
        [tenantId, kind, query.includeRemoved === true, query.limit ?? null, query.offset ?? 0],
      );
      return result.rows.map(toRecord);
    },
  };
}
