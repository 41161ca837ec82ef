import type { ApplyResult, DirectoryBatch, JsonValue } from "@uslimato/core";
import type { Pool } from "pg";
import { withTransaction } from "../transactions/with-transaction";
import { applyOtherChanges } from "./apply-other-changes";
import { applySweep } from "./apply-sweep";
import { applyUserChanges } from "./apply-user-changes";

/**
 * Applies one page and saves its checkpoint in ONE transaction: users, links and marks; groups, memberships and
 * records; what the sweep saw and its end; the checkpoint. Every step is one set-based statement over `unnest`
 * arrays, so a page of 999 users costs a handful of round trips. Any failure (a taken email is
 * `STORAGE_CONFLICT`) rolls back everything, checkpoint included.
 */
export function applyPage(
  pool: Pool,
  s: string,
  integrationId: string,
  batch: DirectoryBatch,
  checkpoint: JsonValue,
): Promise<ApplyResult> {
  return withTransaction(pool, `Applying a page of integration "${integrationId}"`, async (client) => {
    if (batch.users) await applyUserChanges(client, s, integrationId, batch.users, batch.seen);
    await applyOtherChanges(client, s, integrationId, batch);
    const result = await applySweep(client, s, integrationId, batch);
    await client.query(
      `INSERT INTO ${s}.checkpoints (integration_id, value, updated_at) VALUES ($1, $2::jsonb, now())
       ON CONFLICT (integration_id) DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at`,
      [integrationId, JSON.stringify(checkpoint)],
    );
    return result;
  });
}
