import { CoreError } from "../../errors/core-error";
import type { LockFence } from "../storage-adapter";
import type { MemoryState } from "./memory-state";

/** Throws `SYNC_LOCK_LOST` unless `fence` (if given) is its lock's current token with a lease still running. */
export function checkMemoryFence(state: MemoryState, fence: LockFence | undefined, now = Date.now()): void {
  if (!fence) return;
  const lock = state.locks.get(fence.name);
  if (lock && lock.token === fence.token && lock.expiresAt > now) return;
  throw new CoreError(
    "SYNC_LOCK_LOST",
    `The lock "${fence.name}" is no longer held with token ${fence.token}; nothing was written.`,
    { details: { lock: fence.name, token: fence.token } },
  );
}
