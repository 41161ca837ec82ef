import type { SyncLog, SyncLogStore } from "@uslimato/core/storage";
import type { Queryable } from "../transactions/queryable";

/** How many logs `list` returns when the caller gives no limit. */
const DEFAULT_LIMIT = 50;

interface SyncLogRow {
  id: string;
  integration_id: string;
  tenant_id: string;
  trigger: SyncLog["trigger"];
  reason: string | null;
  mode: SyncLog["mode"];
  status: SyncLog["status"];
  started_at: Date;
  finished_at: Date | null;
  counts: SyncLog["counts"];
  counts_by_kind: SyncLog["countsByKind"];
  errors: SyncLog["errors"];
  error_count: number;
  notices: SyncLog["notices"];
  pages: number;
  failure_code: string | null;
}

const toLog = (row: SyncLogRow): SyncLog => ({
  id: row.id,
  integrationId: row.integration_id,
  tenantId: row.tenant_id,
  trigger: row.trigger,
  ...(row.reason === null ? {} : { reason: row.reason }),
  mode: row.mode,
  status: row.status,
  startedAt: row.started_at,
  finishedAt: row.finished_at,
  counts: row.counts,
  countsByKind: row.counts_by_kind,
  errors: row.errors,
  errorCount: row.error_count,
  notices: row.notices,
  pages: row.pages,
  failureCode: row.failure_code,
});

/** Sync logs in `<schema>.sync_logs`, one row per run; counts, error details and notices as JSON. */
export function createPostgresSyncLogStore(db: Queryable, s: string): SyncLogStore {
  return {
    async save(log) {
      await db.query(
        `INSERT INTO ${s}.sync_logs (id, integration_id, tenant_id, trigger, mode, status, started_at, finished_at,
           counts, counts_by_kind, errors, error_count, notices, pages, failure_code, reason)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::jsonb, $11::jsonb, $12, $13::jsonb, $14, $15, $16)
         ON CONFLICT (id) DO UPDATE SET integration_id = EXCLUDED.integration_id, tenant_id = EXCLUDED.tenant_id,
           trigger = EXCLUDED.trigger, mode = EXCLUDED.mode, status = EXCLUDED.status,
           started_at = EXCLUDED.started_at, finished_at = EXCLUDED.finished_at, counts = EXCLUDED.counts,
           counts_by_kind = EXCLUDED.counts_by_kind, errors = EXCLUDED.errors, error_count = EXCLUDED.error_count,
           notices = EXCLUDED.notices, pages = EXCLUDED.pages, failure_code = EXCLUDED.failure_code,
           reason = EXCLUDED.reason`,
        [
          log.id,
          log.integrationId,
          log.tenantId,
          log.trigger,
          log.mode,
          log.status,
          log.startedAt,
          log.finishedAt,
          JSON.stringify(log.counts),
          JSON.stringify(log.countsByKind),
          JSON.stringify(log.errors),
          log.errorCount,
          JSON.stringify(log.notices),
          log.pages,
          log.failureCode,
          log.reason ?? null,
        ],
      );
    },
    async get(id) {
      const result = await db.query<SyncLogRow>(`SELECT * FROM ${s}.sync_logs WHERE id = $1`, [id]);
      const row = result.rows[0];
      return row ? toLog(row) : null;
    },
    async list(integrationId, page = {}) {
      const result = await db.query<SyncLogRow>(
        `SELECT * FROM ${s}.sync_logs
         WHERE integration_id = $1 AND ($2::timestamptz IS NULL OR started_at < $2)
         ORDER BY started_at DESC, id DESC LIMIT $3`,
        [integrationId, page.before ?? null, page.limit ?? DEFAULT_LIMIT],
      );
      return result.rows.map(toLog);
    },
  };
}
