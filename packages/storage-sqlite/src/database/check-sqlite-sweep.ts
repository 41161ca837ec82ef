import { batchSweep, CoreError, type DirectoryBatch, type LockFence } from "@uslimato/core/storage";
import type { SqliteDatabase } from "./sqlite-database";

/**
 * Inside the caller's transaction, after the fence check: refuses (`SYNC_SWEEP_NOT_OWNED`) a fenced batch whose
 * sweep is not the fence holder's (see `DirectoryBatch.sweep`), else records the sweep with the holder's token.
 */
export function checkSqliteSweep(
  { sql }: SqliteDatabase,
  integrationId: string,
  batch: DirectoryBatch,
  fence: LockFence | undefined,
): void {
  const sweep = batchSweep(batch);
  if (!fence || !sweep) return;
  const current = sql("SELECT sweep_id, token, closed FROM sweeps WHERE integration_id = ? AND kind = ?").get(
    integrationId,
    sweep.kind,
  );
  const owned =
    sweep.start ||
    !current ||
    (current.sweep_id === sweep.sweepId &&
      Number(current.closed) === 0 &&
      (current.token === null || Number(current.token) <= fence.token));
  if (!owned) {
    throw new CoreError(
      "SYNC_SWEEP_NOT_OWNED",
      `Sweep "${sweep.sweepId}" of ${sweep.kind}s is not the open sweep of this run's lock; nothing was written.`,
      { details: { integrationId, kind: sweep.kind, sweepId: sweep.sweepId } },
    );
  }
  sql(
    `INSERT INTO sweeps (integration_id, kind, sweep_id, token, closed) VALUES (?1, ?2, ?3, ?4, ?5)
     ON CONFLICT (integration_id, kind) DO UPDATE SET sweep_id = excluded.sweep_id, token = excluded.token,
     closed = excluded.closed`,
  ).run(integrationId, sweep.kind, sweep.sweepId, fence.token, sweep.finish ? 1 : 0);
}
