import type { CheckpointStore } from "@uslimato/core/storage";
import { fromJson, fromMs } from "../database/json-column";
import type { SqliteDatabase } from "../database/sqlite-database";

/** Checkpoints in SQLite; written by `applyPage` inside its transaction. */
export function createSqliteCheckpointStore({ sql }: SqliteDatabase): CheckpointStore {
  return {
    async get(integrationId) {
      const row = sql("SELECT value, updated_at FROM checkpoints WHERE integration_id = ?").get(
        integrationId,
      );
      return row ? { integrationId, value: fromJson(row.value), updatedAt: fromMs(row.updated_at) } : null;
    },
    async clear(integrationId) {
      sql("DELETE FROM checkpoints WHERE integration_id = ?").run(integrationId);
    },
  };
}
