import { CoreError, type LockFence } from "@uslimato/core/storage";

/** The typed error of a fenced write that was refused: the lock is lost, or the sweep is not the holder's. */
export function fenceRefused(
  integrationId: string,
  fence: LockFence,
  row: { fenced?: number; owned?: number } | undefined,
): CoreError {
  if (!row || Number(row.fenced) === 0) {
    return new CoreError(
      "SYNC_LOCK_LOST",
      `The lock "${fence.name}" is no longer held with token ${fence.token}; nothing was written.`,
      { details: { lock: fence.name, token: fence.token } },
    );
  }
  return new CoreError(
    "SYNC_SWEEP_NOT_OWNED",
    `The page's sweep is not the open sweep of this run's lock; nothing was written.`,
    { details: { integrationId } },
  );
}
