import type { IntegrationRecord, IntegrationStore } from "@uslimato/core/storage";
import type { RowDataPacket } from "mysql2/promise";
import { fromBool, fromJson, fromMs, toJson } from "../database/columns";
import { guarded, inTransaction } from "../database/in-transaction";
import { type MysqlDatabase, rows, run } from "../database/mysql-database";

const fromRow = (row: RowDataPacket): IntegrationRecord => ({
  id: row.id,
  tenantId: row.tenant_id,
  connectorId: row.connector_id,
  name: row.name,
  settings: fromJson(row.settings),
  direction: row.direction,
  intervalMinutes: Number(row.interval_minutes),
  mappings: fromJson(row.mappings),
  enabled: fromBool(row.enabled),
  ...(row.guard === null ? {} : { guard: fromJson(row.guard) }),
  createdAt: fromMs(row.created_at),
  updatedAt: fromMs(row.updated_at),
  revision: Number(row.revision),
});

const values = (r: IntegrationRecord) => [
  r.tenantId,
  r.connectorId,
  r.name,
  toJson(r.settings),
  r.direction,
  r.intervalMinutes,
  toJson(r.mappings),
  r.enabled ? 1 : 0,
  r.guard === undefined ? null : toJson(r.guard),
  r.createdAt.getTime(),
  r.updatedAt.getTime(),
  r.revision,
];

/** Integrations in MySQL: one row each, updates compare-and-swap on `revision`. */
export function createMysqlIntegrationStore(database: MysqlDatabase): IntegrationStore {
  const { pool, t } = database;
  return {
    insert: (record) =>
      guarded("Inserting an integration", async () => {
        await run(
          pool,
          `INSERT INTO ${t.integrations} (id, tenant_id, connector_id, name, settings, direction, interval_minutes,
           mappings, enabled, guard, created_at, updated_at, revision) VALUES (?)`,
          [[record.id, ...values(record)]],
        );
      }),
    update: (record, expectedRevision) =>
      guarded("Updating an integration", async () => {
        const changed = await run(
          pool,
          `UPDATE ${t.integrations} SET tenant_id = ?, connector_id = ?, name = ?, settings = ?, direction = ?,
           interval_minutes = ?, mappings = ?, enabled = ?, guard = ?, created_at = ?, updated_at = ?, revision = ?
           WHERE id = ? AND revision = ?`,
          [...values(record), record.id, expectedRevision],
        );
        return changed === 1;
      }),
    get: (id) =>
      guarded("Reading an integration", async () => {
        const [row] = await rows<RowDataPacket>(pool, `SELECT * FROM ${t.integrations} WHERE id = ?`, [id]);
        return row ? fromRow(row) : null;
      }),
    list: (filter = {}) =>
      guarded("Listing integrations", async () => {
        const where: string[] = [];
        const args: unknown[] = [];
        if (filter.tenantId !== undefined) where.push("tenant_id = ?") && args.push(filter.tenantId);
        if (filter.connectorId !== undefined) where.push("connector_id = ?") && args.push(filter.connectorId);
        if (filter.enabled !== undefined) where.push("enabled = ?") && args.push(filter.enabled ? 1 : 0);
        const clause = where.length ? `WHERE ${where.join(" AND ")}` : "";
        return (
          await rows<RowDataPacket>(
            pool,
            `SELECT * FROM ${t.integrations} ${clause} ORDER BY created_at, id`,
            args,
          )
        ).map(fromRow);
      }),
    delete: (id) =>
      inTransaction(database, "Deleting an integration", async (db) => {
        for (const table of [t.secrets, t.checkpoints, t.links, t.groups, t.memberships, t.records, t.sweeps])
          await run(db, `DELETE FROM ${table} WHERE integration_id = ?`, [id]);
        await run(db, `DELETE FROM ${t.integrations} WHERE id = ?`, [id]);
      }),
  };
}
