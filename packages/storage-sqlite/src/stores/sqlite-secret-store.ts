import type { SQLOutputValue } from "node:sqlite";
import type { SealedSecretRecord, SecretStore } from "@uslimato/core/storage";
import { inTransaction } from "../database/in-transaction";
import { fromMs } from "../database/json-column";
import type { SqliteDatabase } from "../database/sqlite-database";

const COLUMNS = "tenant_id, integration_id, name, key_id, envelope, updated_at";

const fromRow = (row: Record<string, SQLOutputValue>): SealedSecretRecord => ({
  tenantId: row.tenant_id as string,
  integrationId: row.integration_id as string,
  name: row.name as string,
  keyId: row.key_id as string,
  envelope: row.envelope as string,
  updatedAt: fromMs(row.updated_at),
});

/** Sealed secrets in SQLite; `replace` compares the envelope in its WHERE clause. */
export function createSqliteSecretStore(database: SqliteDatabase): SecretStore {
  const { sql, db } = database;
  return {
    async put(records) {
      const upsert = sql(
        `INSERT INTO secrets (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (integration_id, name) DO UPDATE SET
         tenant_id = excluded.tenant_id, key_id = excluded.key_id, envelope = excluded.envelope, updated_at = excluded.updated_at`,
      );
      inTransaction(db, () => {
        for (const r of records)
          upsert.run(r.tenantId, r.integrationId, r.name, r.keyId, r.envelope, r.updatedAt.getTime());
      });
    },
    async list(integrationId) {
      return sql(`SELECT ${COLUMNS} FROM secrets WHERE integration_id = ? ORDER BY name`)
        .all(integrationId)
        .map(fromRow);
    },
    async delete(integrationId, names) {
      if (names === undefined) {
        sql("DELETE FROM secrets WHERE integration_id = ?").run(integrationId);
        return;
      }
      sql("DELETE FROM secrets WHERE integration_id = ? AND name IN (SELECT value FROM json_each(?))").run(
        integrationId,
        JSON.stringify(names),
      );
    },
    async listByKey(keyId, page) {
      const after = page.after;
      const rows = sql(
        `SELECT ${COLUMNS} FROM secrets WHERE key_id = ?1
         AND (?2 IS NULL OR integration_id > ?2 OR (integration_id = ?2 AND name > ?3))
         ORDER BY integration_id, name LIMIT ?4`,
      ).all(keyId, after?.integrationId ?? null, after?.name ?? null, page.limit);
      return rows.map(fromRow);
    },
    async countByKey() {
      const rows = sql("SELECT key_id, COUNT(*) AS n FROM secrets GROUP BY key_id").all();
      return Object.fromEntries(rows.map((row) => [row.key_id as string, Number(row.n)]));
    },
    async replace(record, expectedEnvelope) {
      const result = sql(
        `UPDATE secrets SET tenant_id = ?, key_id = ?, envelope = ?, updated_at = ?
         WHERE integration_id = ? AND name = ? AND envelope = ?`,
      ).run(
        record.tenantId,
        record.keyId,
        record.envelope,
        record.updatedAt.getTime(),
        record.integrationId,
        record.name,
        expectedEnvelope,
      );
      return Number(result.changes) === 1;
    },
  };
}
