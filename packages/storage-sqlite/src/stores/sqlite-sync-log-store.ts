import type { SyncLog, SyncLogStore } from "@uslimato/core/storage";
import type { SqliteDatabase } from "../database/sqlite-database";

/** How many logs `list` returns when the caller gives no limit. */
const DEFAULT_LIMIT = 50;

const fromBody = (body: unknown): SyncLog => {
  const log = JSON.parse(body as string) as SyncLog & { startedAt: string; finishedAt: string | null };
  return {
    ...log,
    startedAt: new Date(log.startedAt),
    finishedAt: log.finishedAt ? new Date(log.finishedAt) : null,
  };
};

/** Sync logs in SQLite: the log as a JSON body, with its integration and start time as indexed columns. */
export function createSqliteSyncLogStore({ sql }: SqliteDatabase): SyncLogStore {
  return {
    async save(log) {
      sql(
        `INSERT INTO sync_logs (id, integration_id, started_at, body) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET
         integration_id = excluded.integration_id, started_at = excluded.started_at, body = excluded.body`,
      ).run(log.id, log.integrationId, log.startedAt.getTime(), JSON.stringify(log));
    },
    async get(id) {
      const row = sql("SELECT body FROM sync_logs WHERE id = ?").get(id);
      return row ? fromBody(row.body) : null;
    },
    async list(integrationId, page = {}) {
      const rows = sql(
        `SELECT body FROM sync_logs WHERE integration_id = ?1 AND (?2 IS NULL OR started_at < ?2)
         ORDER BY started_at DESC, id DESC LIMIT ?3`,
      ).all(integrationId, page.before?.getTime() ?? null, page.limit ?? DEFAULT_LIMIT);
      return rows.map((row) => fromBody(row.body));
    },
  };
}
