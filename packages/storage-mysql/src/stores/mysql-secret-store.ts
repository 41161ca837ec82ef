import type { SealedSecretRecord, SecretStore } from "@uslimato/core/storage";
import type { RowDataPacket } from "mysql2/promise";
import { fromMs } from "../database/columns";
import { guarded } from "../database/in-transaction";
import { type MysqlDatabase, rows, run } from "../database/mysql-database";

const fromRow = (row: RowDataPacket): SealedSecretRecord => ({
  tenantId: row.tenant_id,
  integrationId: row.integration_id,
  name: row.name,
  keyId: row.key_id,
  envelope: row.envelope,
  updatedAt: fromMs(row.updated_at),
});

/** Sealed secrets in MySQL, keyed by (integration, name); put is one multi-row upsert. */
export function createMysqlSecretStore({ pool, t }: MysqlDatabase): SecretStore {
  return {
    put: (records) =>
      guarded("Storing secrets", async () => {
        if (records.length === 0) return;
        await run(
          pool,
          `INSERT INTO ${t.secrets} (integration_id, name, tenant_id, key_id, envelope, updated_at) VALUES ?
           ON DUPLICATE KEY UPDATE tenant_id = VALUES(tenant_id), key_id = VALUES(key_id),
           envelope = VALUES(envelope), updated_at = VALUES(updated_at)`,
          [
            records.map((r) => [
              r.integrationId,
              r.name,
              r.tenantId,
              r.keyId,
              r.envelope,
              r.updatedAt.getTime(),
            ]),
          ],
        );
      }),
    list: (integrationId) =>
      guarded("Listing secrets", async () =>
        (
          await rows<RowDataPacket>(
            pool,
            `SELECT * FROM ${t.secrets} WHERE integration_id = ? ORDER BY name`,
            [integrationId],
          )
        ).map(fromRow),
      ),
    delete: (integrationId, names) =>
      guarded("Deleting secrets", async () => {
        if (names === undefined)
          await run(pool, `DELETE FROM ${t.secrets} WHERE integration_id = ?`, [integrationId]);
        else if (names.length > 0)
          await run(pool, `DELETE FROM ${t.secrets} WHERE integration_id = ? AND name IN (?)`, [
            integrationId,
            [...names],
          ]);
      }),
    listByKey: (keyId, page) =>
      guarded("Listing secrets by key", async () => {
        const after = page.after ? "AND (integration_id, name) > (?, ?)" : "";
        const args = page.after ? [keyId, page.after.integrationId, page.after.name] : [keyId];
        return (
          await rows<RowDataPacket>(
            pool,
            `SELECT * FROM ${t.secrets} WHERE key_id = ? ${after} ORDER BY integration_id, name LIMIT ?`,
            [...args, page.limit],
          )
        ).map(fromRow);
      }),
    countByKey: () =>
      guarded("Counting secrets by key", async () => {
        const counted = await rows<RowDataPacket>(
          pool,
          `SELECT key_id, COUNT(*) AS n FROM ${t.secrets} GROUP BY key_id`,
        );
        return Object.fromEntries(counted.map((r) => [r.key_id as string, Number(r.n)]));
      }),
    replace: (record, expectedEnvelope) =>
      guarded("Replacing a secret", async () => {
        const changed = await run(
          pool,
          `UPDATE ${t.secrets} SET tenant_id = ?, key_id = ?, envelope = ?, updated_at = ?
           WHERE integration_id = ? AND name = ? AND envelope = ?`,
          [
            record.tenantId,
            record.keyId,
            record.envelope,
            record.updatedAt.getTime(),
            record.integrationId,
            record.name,
            expectedEnvelope,
          ],
        );
        return changed === 1;
      }),
  };
}
