import { CoreError } from "../../errors/core-error";
import { batchSweep } from "../batch-sweep";
import type { DirectoryBatch, LockFence } from "../storage-adapter";
import type { MemoryState } from "./memory-state";

/**
 * Checks that a fenced batch's sweep belongs to the fence's holder (see `DirectoryBatch.sweep`), else throws
 * `SYNC_SWEEP_NOT_OWNED`; returns what to record once the batch is applied.
 */
export function checkMemorySweep(
  state: MemoryState,
  integrationId: string,
  batch: DirectoryBatch,
  fence: LockFence | undefined,
): () => void {
  const sweep = batchSweep(batch);
  if (!fence || !sweep) return () => {};
  const key = `${integrationId}\u0000${sweep.kind}`;
  const current = state.sweeps.get(key);
  const owned =
    sweep.start ||
    !current ||
    (current.sweepId === sweep.sweepId &&
      !current.closed &&
      (current.token === null || current.token <= fence.token));
  if (!owned) {
    throw new CoreError(
      "SYNC_SWEEP_NOT_OWNED",
      `Sweep "${sweep.sweepId}" of ${sweep.kind}s is not the open sweep of this run's lock; nothing was written.`,
      { details: { integrationId, kind: sweep.kind, sweepId: sweep.sweepId } },
    );
  }
  return () => {
    state.sweeps.set(key, { sweepId: sweep.sweepId, token: fence.token, closed: sweep.finish });
  };
}
