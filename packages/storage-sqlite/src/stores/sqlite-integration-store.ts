import type { SQLOutputValue } from "node:sqlite";
import type { IntegrationRecord, IntegrationStore } from "@uslimato/core/storage";
import { inTransaction } from "../database/in-transaction";
import { fromBool, fromJson, fromMs } from "../database/json-column";
import type { SqliteDatabase } from "../database/sqlite-database";
import { toStorageError } from "../database/to-storage-error";

const COLUMNS =
  "id, tenant_id, connector_id, name, settings, direction, interval_minutes, mappings, enabled, created_at, updated_at, revision, guard";

const toRow = (r: IntegrationRecord) =>
  [
    r.tenantId,
    r.connectorId,
    r.name,
    JSON.stringify(r.settings),
    r.direction,
    r.intervalMinutes,
    JSON.stringify(r.mappings),
    r.enabled ? 1 : 0,
    r.createdAt.getTime(),
    r.updatedAt.getTime(),
    r.revision,
    r.guard ? JSON.stringify(r.guard) : null,
  ] as const;

const fromRow = (row: Record<string, SQLOutputValue>): IntegrationRecord => ({
  id: row.id as string,
  tenantId: row.tenant_id as string,
  connectorId: row.connector_id as string,
  name: row.name as string,
  settings: fromJson(row.settings),
  direction: row.direction as IntegrationRecord["direction"],
  intervalMinutes: Number(row.interval_minutes),
  mappings: fromJson(row.mappings),
  enabled: fromBool(row.enabled),
  createdAt: fromMs(row.created_at),
  updatedAt: fromMs(row.updated_at),
  revision: Number(row.revision),
  ...(row.guard === null || row.guard === undefined ? {} : { guard: fromJson(row.guard) }),
});

/** Integrations in SQLite; `update` compares revisions in its WHERE clause. */
export function createSqliteIntegrationStore(database: SqliteDatabase): IntegrationStore {
  const { sql, db } = database;
  return {
    async insert(record) {
      try {
        sql(`INSERT INTO integrations (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
          record.id,
          ...toRow(record),
        );
      } catch (error) {
        throw toStorageError(error, `Inserting integration "${record.id}"`);
      }
    },
    async update(record, expectedRevision) {
      const result = sql(
        `UPDATE integrations SET tenant_id = ?, connector_id = ?, name = ?, settings = ?, direction = ?,
         interval_minutes = ?, mappings = ?, enabled = ?, created_at = ?, updated_at = ?, revision = ?, guard = ?
         WHERE id = ? AND revision = ?`,
      ).run(...toRow(record), record.id, expectedRevision);
      return Number(result.changes) === 1;
    },
    async get(id) {
      const row = sql(`SELECT ${COLUMNS} FROM integrations WHERE id = ?`).get(id);
      return row ? fromRow(row) : null;
    },
    async list(filter = {}) {
      const rows = sql(
        `SELECT ${COLUMNS} FROM integrations WHERE (?1 IS NULL OR tenant_id = ?1) AND (?2 IS NULL OR connector_id = ?2)
         AND (?3 IS NULL OR enabled = ?3) ORDER BY created_at, id`,
      ).all(
        filter.tenantId ?? null,
        filter.connectorId ?? null,
        filter.enabled === undefined ? null : Number(filter.enabled),
      );
      return rows.map(fromRow);
    },
    async delete(id) {
      inTransaction(db, () => {
        sql("DELETE FROM integrations WHERE id = ?").run(id);
        for (const table of [
          "secrets",
          "checkpoints",
          "user_links",
          "groups",
          "memberships",
          "records",
          "sweeps",
        ]) {
          sql(`DELETE FROM ${table} WHERE integration_id = ?`).run(id);
        }
      });
    },
  };
}
