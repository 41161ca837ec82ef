import type { AuditEntry, AuditStore, CheckpointStore, SyncLog, SyncLogStore } from "@uslimato/core/storage";
import type { RowDataPacket } from "mysql2/promise";
import { fromJson, fromMs, toJson } from "../database/columns";
import { guarded } from "../database/in-transaction";
import { type MysqlDatabase, rows, run } from "../database/mysql-database";

const toLog = (body: unknown): SyncLog => {
  const log = fromJson<SyncLog & { startedAt: string; finishedAt: string | null }>(body);
  return {
    ...log,
    startedAt: new Date(log.startedAt),
    finishedAt: log.finishedAt ? new Date(log.finishedAt) : null,
  };
};

/** Checkpoints in MySQL (written by the directory's `applyPage`). */
export function createMysqlCheckpointStore({ pool, t }: MysqlDatabase): CheckpointStore {
  return {
    get: (integrationId) =>
      guarded("Reading a checkpoint", async () => {
        const [row] = await rows<RowDataPacket>(
          pool,
          `SELECT * FROM ${t.checkpoints} WHERE integration_id = ?`,
          [integrationId],
        );
        return row ? { integrationId, value: fromJson(row.value), updatedAt: fromMs(row.updated_at) } : null;
      }),
    clear: (integrationId) =>
      guarded("Clearing a checkpoint", async () => {
        await run(pool, `DELETE FROM ${t.checkpoints} WHERE integration_id = ?`, [integrationId]);
      }),
  };
}

/** Sync logs in MySQL: the log as JSON, indexed by integration and start. */
export function createMysqlSyncLogStore({ pool, t }: MysqlDatabase): SyncLogStore {
  return {
    save: (log) =>
      guarded("Saving a sync log", async () => {
        await run(
          pool,
          `INSERT INTO ${t.syncLogs} (id, integration_id, started_at, body) VALUES (?, ?, ?, ?)
           ON DUPLICATE KEY UPDATE integration_id = VALUES(integration_id), started_at = VALUES(started_at),
           body = VALUES(body)`,
          [log.id, log.integrationId, log.startedAt.getTime(), toJson(log)],
        );
      }),
    get: (id) =>
      guarded("Reading a sync log", async () => {
        const [row] = await rows<RowDataPacket>(pool, `SELECT body FROM ${t.syncLogs} WHERE id = ?`, [id]);
        return row ? toLog(row.body) : null;
      }),
    list: (integrationId, page = {}) =>
      guarded("Listing sync logs", async () => {
        const before = page.before ? "AND started_at < ?" : "";
        const args: unknown[] = [integrationId, ...(page.before ? [page.before.getTime()] : [])];
        const limit = page.limit === undefined ? "" : "LIMIT ?";
        if (page.limit !== undefined) args.push(page.limit);
        return (
          await rows<RowDataPacket>(
            pool,
            `SELECT body FROM ${t.syncLogs} WHERE integration_id = ? ${before} ORDER BY started_at DESC, id DESC ${limit}`,
            args,
          )
        ).map((r) => toLog(r.body));
      }),
  };
}

/** The audit log in MySQL: append-only rows, newest first by time then insertion. */
export function createMysqlAuditStore({ pool, t }: MysqlDatabase): AuditStore {
  return {
    append: (entry) =>
      guarded("Appending an audit entry", async () => {
        await run(
          pool,
          `INSERT INTO ${t.audit} (id, tenant_id, integration_id, at, body) VALUES (?, ?, ?, ?, ?)`,
          [entry.id, entry.tenantId, entry.integrationId, entry.at.getTime(), toJson(entry)],
        );
      }),
    list: (filter) =>
      guarded("Listing audit entries", async () => {
        const where: string[] = [];
        const args: unknown[] = [];
        if (filter.tenantId !== undefined) where.push("tenant_id = ?") && args.push(filter.tenantId);
        if (filter.integrationId !== undefined)
          where.push("integration_id = ?") && args.push(filter.integrationId);
        const clause = where.length ? `WHERE ${where.join(" AND ")}` : "";
        const limit = filter.limit === undefined ? "" : "LIMIT ?";
        if (filter.limit !== undefined) args.push(filter.limit);
        return (
          await rows<RowDataPacket>(
            pool,
            `SELECT body FROM ${t.audit} ${clause} ORDER BY at DESC, seq DESC ${limit}`,
            args,
          )
        ).map((r) => {
          const entry = fromJson<AuditEntry & { at: string }>(r.body);
          return { ...entry, at: new Date(entry.at) };
        });
      }),
  };
}
