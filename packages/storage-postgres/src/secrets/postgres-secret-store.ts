import type { SealedSecretRecord, SecretStore } from "@uslimato/core/storage";
import type { Queryable } from "../transactions/queryable";

interface SecretRow {
  tenant_id: string;
  integration_id: string;
  name: string;
  key_id: string;
  envelope: string;
  updated_at: Date;
}

const toRecord = (row: SecretRow): SealedSecretRecord => ({
  tenantId: row.tenant_id,
  integrationId: row.integration_id,
  name: row.name,
  keyId: row.key_id,
  envelope: row.envelope,
  updatedAt: row.updated_at,
});

const COLUMNS = "tenant_id, integration_id, name, key_id, envelope, updated_at";

/** Sealed secrets in `<schema>.secrets`, keyed by (integration_id, name); `replace` is a compare-and-swap. */
export function createPostgresSecretStore(db: Queryable, s: string): SecretStore {
  return {
    async put(records) {
      const latest = new Map(records.map((r) => [`${r.integrationId}\u0000${r.name}`, r]));
      const rows = [...latest.values()];
      if (rows.length === 0) return;
      await db.query(
        `INSERT INTO ${s}.secrets (${COLUMNS})
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[])
         ON CONFLICT (integration_id, name) DO UPDATE SET tenant_id = EXCLUDED.tenant_id,
           key_id = EXCLUDED.key_id, envelope = EXCLUDED.envelope, updated_at = EXCLUDED.updated_at`,
        [
          rows.map((r) => r.tenantId),
          rows.map((r) => r.integrationId),
          rows.map((r) => r.name),
          rows.map((r) => r.keyId),
          rows.map((r) => r.envelope),
          rows.map((r) => r.updatedAt),
        ],
      );
    },
    async list(integrationId) {
      const result = await db.query<SecretRow>(
        `SELECT ${COLUMNS} FROM ${s}.secrets WHERE integration_id = $1 ORDER BY name`,
        [integrationId],
      );
      return result.rows.map(toRecord);
    },
    async delete(integrationId, names) {
      await db.query(
        `DELETE FROM ${s}.secrets WHERE integration_id = $1 AND ($2::text[] IS NULL OR name = ANY($2::text[]))`,
        [integrationId, names === undefined ? null : [...names]],
      );
    },
    async listByKey(keyId, page) {
      const result = await db.query<SecretRow>(
        `SELECT ${COLUMNS} FROM ${s}.secrets
         WHERE key_id = $1 AND ($2::text IS NULL OR (integration_id, name) > ($2::text, $3::text))
         ORDER BY integration_id, name LIMIT $4`,
        [keyId, page.after?.integrationId ?? null, page.after?.name ?? null, page.limit],
      );
      return result.rows.map(toRecord);
    },
    async countByKey() {
      const result = await db.query<{ key_id: string; count: number }>(
        `SELECT key_id, count(*)::int AS count FROM ${s}.secrets GROUP BY key_id ORDER BY key_id`,
      );
      return Object.fromEntries(result.rows.map((row) => [row.key_id, row.count]));
    },
    async replace(record, expectedEnvelope) {
      const result = await db.query(
        `UPDATE ${s}.secrets SET tenant_id = $1, key_id = $4, envelope = $5, updated_at = $6
         WHERE integration_id = $2 AND name = $3 AND envelope = $7`,
        [
          record.tenantId,
          record.integrationId,
          record.name,
          record.keyId,
          record.envelope,
          record.updatedAt,
          expectedEnvelope,
        ],
      );
      return result.rowCount === 1;
    },
  };
}
