import type { IntegrationRecord, IntegrationStore, JsonObject } from "@uslimato/core/storage";
import type { Queryable } from "../transactions/queryable";
import { toStorageError } from "../transactions/to-storage-error";

interface IntegrationRow {
  id: string;
  tenant_id: string;
  connector_id: string;
  name: string;
  settings: JsonObject;
  direction: IntegrationRecord["direction"];
  interval_minutes: number;
  mappings: JsonObject;
  enabled: boolean;
  created_at: Date;
  updated_at: Date;
  revision: number;
  guard: NonNullable<IntegrationRecord["guard"]> | null;
}

const toRecord = (row: IntegrationRow): IntegrationRecord => ({
  id: row.id,
  tenantId: row.tenant_id,
  connectorId: row.connector_id,
  name: row.name,
  settings: row.settings,
  direction: row.direction,
  intervalMinutes: row.interval_minutes,
  mappings: row.mappings,
  enabled: row.enabled,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  revision: row.revision,
  ...(row.guard === null ? {} : { guard: row.guard }),
});

const values = (r: IntegrationRecord) => [
  r.id,
  r.tenantId,
  r.connectorId,
  r.name,
  JSON.stringify(r.settings),
  r.direction,
  r.intervalMinutes,
  JSON.stringify(r.mappings),
  r.enabled,
  r.createdAt,
  r.updatedAt,
  r.revision,
  r.guard ? JSON.stringify(r.guard) : null,
];

/** Integrations in `<schema>.integrations`; `update` is optimistic on `revision`; `delete` removes what hangs off it. */
export function createPostgresIntegrationStore(db: Queryable, s: string): IntegrationStore {
  return {
    async insert(record) {
      try {
        await db.query(
          `INSERT INTO ${s}.integrations (id, tenant_id, connector_id, name, settings, direction, interval_minutes,
             mappings, enabled, created_at, updated_at, revision, guard)
           VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8::jsonb, $9, $10, $11, $12, $13::jsonb)`,
          values(record),
        );
      } catch (error) {
        throw toStorageError(error, `Inserting integration "${record.id}"`);
      }
    },
    async update(record, expectedRevision) {
      const result = await db.query(
        `UPDATE ${s}.integrations SET tenant_id = $2, connector_id = $3, name = $4, settings = $5::jsonb,
           direction = $6, interval_minutes = $7, mappings = $8::jsonb, enabled = $9, created_at = $10,
           updated_at = $11, revision = $12, guard = $13::jsonb
         WHERE id = $1 AND revision = $14`,
        [...values(record), expectedRevision],
      );
      return result.rowCount === 1;
    },
    async get(id) {
      const result = await db.query<IntegrationRow>(`SELECT * FROM ${s}.integrations WHERE id = $1`, [id]);
      const row = result.rows[0];
      return row ? toRecord(row) : null;
    },
    async list(filter = {}) {
      const result = await db.query<IntegrationRow>(
        `SELECT * FROM ${s}.integrations
         WHERE ($1::text IS NULL OR tenant_id = $1) AND ($2::text IS NULL OR connector_id = $2)
           AND ($3::boolean IS NULL OR enabled = $3)
         ORDER BY created_at, id`,
        [filter.tenantId ?? null, filter.connectorId ?? null, filter.enabled ?? null],
      );
      return result.rows.map(toRecord);
    },
    async delete(id) {
      // One statement, so all or nothing without an explicit transaction.
      await db.query(
        `WITH i AS (DELETE FROM ${s}.integrations WHERE id = $1),
                sc AS (DELETE FROM ${s}.secrets WHERE integration_id = $1),
                cp AS (DELETE FROM ${s}.checkpoints WHERE integration_id = $1),
                ln AS (DELETE FROM ${s}.user_links WHERE integration_id = $1),
                gr AS (DELETE FROM ${s}.groups WHERE integration_id = $1),
                ms AS (DELETE FROM ${s}.memberships WHERE integration_id = $1),
                sw AS (DELETE FROM ${s}.sweeps WHERE integration_id = $1)
           DELETE FROM ${s}.records WHERE integration_id = $1`,
        [id],
      );
    },
  };
}
