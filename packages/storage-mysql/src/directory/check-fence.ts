import { batchSweep, CoreError, type DirectoryBatch, type LockFence } from "@uslimato/core/storage";
import type { RowDataPacket } from "mysql2/promise";
import { type Db, NOW_MS, rows, run, type Tables } from "../database/mysql-database";

/**
 * Inside a write's transaction: the fence's lock must still carry its token with a live lease, else
 * `SYNC_LOCK_LOST`. The lock row is read `LOCK IN SHARE MODE`, so a taker's upsert waits for this write to commit.
 */
export async function checkFence(db: Db, t: Tables, fence: LockFence | undefined): Promise<void> {
  if (!fence) return;
  const [row] = await rows<RowDataPacket>(
    db,
    `SELECT token, expires_at > ${NOW_MS} AS live FROM ${t.locks} WHERE name = ? LOCK IN SHARE MODE`,
    [fence.name],
  );
  if (!row || Number(row.token) !== fence.token || Number(row.live) !== 1) {
    throw new CoreError(
      "SYNC_LOCK_LOST",
      `The lock ${fence.name} is no longer held with token ${fence.token}.`,
    );
  }
}

/**
 * Inside a fenced page's transaction: the page's sweep must be the fence holder's (see `DirectoryBatch.sweep`), else
 * `SYNC_SWEEP_NOT_OWNED`; records the sweep's new state (opened, taken over, finished).
 */
export async function checkSweep(
  db: Db,
  t: Tables,
  integrationId: string,
  batch: DirectoryBatch,
  fence: LockFence | undefined,
): Promise<void> {
  const sweep = batchSweep(batch);
  if (!fence || !sweep) return;
  const [row] = await rows<RowDataPacket>(
    db,
    `SELECT sweep_id, token, finished FROM ${t.sweeps} WHERE integration_id = ? AND kind = ? FOR UPDATE`,
    [integrationId, sweep.kind],
  );
  if (!sweep.start && row) {
    const owned =
      row.sweep_id === sweep.sweepId && Number(row.finished) === 0 && Number(row.token) <= fence.token;
    if (!owned) {
      throw new CoreError(
        "SYNC_SWEEP_NOT_OWNED",
        `The ${sweep.kind} sweep ${sweep.sweepId} is not open for the holder of token ${fence.token}.`,
      );
    }
  }
  await run(
    db,
    `INSERT INTO ${t.sweeps} (integration_id, kind, sweep_id, token, finished) VALUES (?, ?, ?, ?, ?)
     ON DUPLICATE KEY UPDATE sweep_id = VALUES(sweep_id), token = VALUES(token), finished = VALUES(finished)`,
    [integrationId, sweep.kind, sweep.sweepId, fence.token, sweep.finish ? 1 : 0],
  );
}
