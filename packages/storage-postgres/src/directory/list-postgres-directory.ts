import type { DirectoryStore } from "@uslimato/core/storage";
import type { Queryable } from "../transactions/queryable";
import {
  GROUP_COLUMNS,
  type GroupRow,
  type LinkRow,
  prefixedColumns,
  RECORD_COLUMNS,
  type RecordRow,
  toGroup,
  toLink,
  toRecord,
  toUser,
  USER_COLUMNS,
  type UserRow,
} from "./directory-rows";

type Lists = Pick<
  DirectoryStore,
  | "findGroups"
  | "findRecords"
  | "listUsers"
  | "listLinks"
  | "listGroups"
  | "listMemberships"
  | "listRecords"
  | "listRecordsByOwner"
  | "listUnownedRecords"
>;

/** The directory's finds (by external ids, in request order) and listings (admin views and tests). */
export function listPostgresDirectory(db: Queryable, s: string): Lists {
  return {
    async findGroups(integrationId, externalIds) {
      const result = await db.query<GroupRow>(
        `SELECT ${prefixedColumns(GROUP_COLUMNS, "g")} FROM unnest($2::text[]) WITH ORDINALITY AS q(external_id, ord)
         CROSS JOIN LATERAL (SELECT * FROM ${s}.groups AS g
           WHERE g.integration_id = $1 AND g.external_id = q.external_id LIMIT 1) AS g
         ORDER BY q.ord`,
        [integrationId, [...new Set(externalIds)]],
      );
      return result.rows.map(toGroup);
    },
    async findRecords(integrationId, kind, externalIds) {
      const result = await db.query<RecordRow>(
        `SELECT ${prefixedColumns(RECORD_COLUMNS, "r")} FROM unnest($3::text[]) WITH ORDINALITY AS q(external_id, ord)
         CROSS JOIN LATERAL (SELECT * FROM ${s}.records AS r
           WHERE r.integration_id = $1 AND r.kind = $2 AND r.external_id = q.external_id LIMIT 1) AS r
         ORDER BY q.ord`,
        [integrationId, kind, [...new Set(externalIds)]],
      );
      return result.rows.map(toRecord);
    },
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
