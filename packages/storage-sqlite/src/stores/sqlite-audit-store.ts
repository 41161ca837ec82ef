import type { AuditEntry, AuditStore } from "@uslimato/core/storage";
import type { SqliteDatabase } from "../database/sqlite-database";

/** How many entries `list` returns when the caller gives no limit. */
const DEFAULT_LIMIT = 100;

/** The audit log in SQLite: append-only rows, newest first by time then insertion order. */
export function createSqliteAuditStore({ sql }: SqliteDatabase): AuditStore {
  return {
    async append(entry) {
      sql("INSERT INTO audit (id, at, tenant_id, integration_id, body) VALUES (?, ?, ?, ?, ?)").run(
        entry.id,
        entry.at.getTime(),
        entry.tenantId,
        entry.integrationId,
        JSON.stringify(entry),
      );
    },
    async list(filter) {
      const rows = sql(
        `SELECT body FROM audit WHERE (?1 IS NULL OR tenant_id = ?1) AND (?2 IS NULL OR integration_id = ?2)
         ORDER BY at DESC, seq DESC LIMIT ?3`,
      ).all(filter.tenantId ?? null, filter.integrationId ?? null, filter.limit ?? DEFAULT_LIMIT);
      return rows.map((row) => {
        const entry = JSON.parse(row.body as string) as AuditEntry & { at: string };
        return { ...entry, at: new Date(entry.at) };
      });
    },
  };
}
