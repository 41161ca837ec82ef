import type { AuditEntry, AuditStore } from "@uslimato/core/storage";
import type { Queryable } from "../transactions/queryable";

/** How many entries `list` returns when the caller gives no limit. */
const DEFAULT_LIMIT = 100;

interface AuditRow {
  id: string;
  at: Date;
  tenant_id: string;
  integration_id: string | null;
  actor: AuditEntry["actor"];
  action: AuditEntry["action"];
  details: AuditEntry["details"];
}

const toEntry = (row: AuditRow): AuditEntry => ({
  id: row.id,
  at: row.at,
  tenantId: row.tenant_id,
  integrationId: row.integration_id,
  actor: row.actor,
  action: row.action,
  details: row.details,
});

/** The append-only audit log in `<schema>.audit_entries`, listed newest first (ties: last appended first). */
export function createPostgresAuditStore(db: Queryable, s: string): AuditStore {
  return {
    async append(entry) {
      await db.query(
        `INSERT INTO ${s}.audit_entries (id, at, tenant_id, integration_id, actor, action, details)
         VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7::jsonb)`,
        [
          entry.id,
          entry.at,
          entry.tenantId,
          entry.integrationId,
          JSON.stringify(entry.actor),
          entry.action,
          JSON.stringify(entry.details),
        ],
      );
    },
    async list(filter) {
      const result = await db.query<AuditRow>(
        `SELECT id, at, tenant_id, integration_id, actor, action, details FROM ${s}.audit_entries
         WHERE ($1::text IS NULL OR tenant_id = $1) AND ($2::text IS NULL OR integration_id = $2)
         ORDER BY at DESC, seq DESC LIMIT $3`,
        [filter.tenantId ?? null, filter.integrationId ?? null, filter.limit ?? DEFAULT_LIMIT],
      );
      return result.rows.map(toEntry);
    },
  };
}
