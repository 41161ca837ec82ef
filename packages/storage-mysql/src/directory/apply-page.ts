import type { ApplyResult, DirectoryBatch, JsonValue, LockFence } from "@uslimato/core/storage";
import type { RowDataPacket } from "mysql2/promise";
import { toJson } from "../database/columns";
import { inTransaction } from "../database/in-transaction";
import { type MysqlDatabase, rows, run } from "../database/mysql-database";
import { applyOthers } from "./apply-others";
import { applySweep } from "./apply-sweep";
import { applyUsers } from "./apply-users";
import { checkFence, checkSweep } from "./check-fence";
import { resolveWaitingOwners } from "./resolve-owners";

/**
 * Writes a page and its checkpoint in one transaction, in the contract's order: fence and sweep checks, users,
 * links and marks, waiting owners, groups, memberships, records, seen, the sweep's end, the checkpoint. Any failure
 * rolls all of it back (a taken email is `STORAGE_CONFLICT`).
 */
export function applyPage(
  database: MysqlDatabase,
  integrationId: string,
  batch: DirectoryBatch,
  checkpoint: JsonValue,
  fence?: LockFence,
): Promise<ApplyResult> {
  const { t } = database;
  return inTransaction(database, "Applying a page", async (db) => {
    await checkFence(db, t, fence);
    await checkSweep(db, t, integrationId, batch, fence);
    const now = Date.now();
    const [integration] = await rows<RowDataPacket>(
      db,
      `SELECT tenant_id, connector_id FROM ${t.integrations} WHERE id = ?`,
      [integrationId],
    );
    const tenantId: string | null = integration?.tenant_id ?? null;
    if (batch.users) {
      const emails = await applyUsers(db, t, integrationId, batch.users, now);
      const linked = (batch.users.link ?? []).map((l) => l.externalId);
      const scope = { tenantId, connectorId: integration?.connector_id ?? null, integrationId };
      if (tenantId !== null) await resolveWaitingOwners(db, t, scope, linked, emails);
    }
    await applyOthers(db, t, integrationId, tenantId, batch, now);
    const result = await applySweep(db, t, integrationId, batch, now);
    await run(
      db,
      `INSERT INTO ${t.checkpoints} (integration_id, value, updated_at) VALUES (?, ?, ?)
       ON DUPLICATE KEY UPDATE value = VALUES(value), updated_at = VALUES(updated_at)`,
      [integrationId, toJson(checkpoint ?? null), now],
    );
    return result;
  });
}
