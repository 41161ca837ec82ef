import type { CheckpointStore, JsonValue } from "@uslimato/core/storage";
import type { Queryable } from "../transactions/queryable";

/** Checkpoints in `<schema>.checkpoints`; written only by `applyPage`, in the page's transaction. */
export function createPostgresCheckpointStore(db: Queryable, s: string): CheckpointStore {
  return {
    async get(integrationId) {
      const result = await db.query<{ value: JsonValue; updated_at: Date }>(
        `SELECT value, updated_at FROM ${s}.checkpoints WHERE integration_id = $1`,
        [integrationId],
      );
      const row = result.rows[0];
      return row ? { integrationId, value: row.value, updatedAt: row.updated_at } : null;
    },
    async clear(integrationId) {
      await db.query(`DELETE FROM ${s}.checkpoints WHERE integration_id = $1`, [integrationId]);
    },
  };
}
