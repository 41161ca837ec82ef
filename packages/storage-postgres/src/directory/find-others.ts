import type { DirectoryStore } from "@uslimato/core/storage";
import type { Queryable } from "../transactions/queryable";
import {
  GROUP_COLUMNS,
  type GroupRow,
  prefixedColumns,
  RECORD_COLUMNS,
  type RecordRow,
  toGroup,
  toRecord,
} from "./directory-rows";

/** The directory's finds of groups and records by external ids, in request order. */
export function findOthers(db: Queryable, s: string): Pick<DirectoryStore, "findGroups" | "findRecords"> {
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
  };
}
