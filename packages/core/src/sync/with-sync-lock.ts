import { CoreError } from "../errors/core-error";
import type { LockFence, StorageAdapter } from "../storage/storage-adapter";

/** The default lease of a sync's lock: a crashed run's lock is free again within a minute. */
export const SYNC_LOCK_TTL_MS = 60_000;

/** The error when an integration's sync lock is held by a run. */
export function syncAlreadyRunning(integrationId: string): CoreError {
  return new CoreError("SYNC_ALREADY_RUNNING", `A sync of integration ${integrationId} is already running`, {
    details: { integrationId },
  });
}

/**
 * Runs a short piece of work that must not overlap a sync (the guard's confirm and discard) under the
 * integration's sync lock, handing it the lock's fence; `SYNC_ALREADY_RUNNING` if a run holds the lock.
 */
export async function withSyncLock<T>(
  storage: StorageAdapter,
  integrationId: string,
  work: (fence: LockFence) => Promise<T>,
): Promise<T> {
  const lock = await storage.locks.tryAcquire(`sync:${integrationId}`, { ttlMs: SYNC_LOCK_TTL_MS });
  if (!lock) throw syncAlreadyRunning(integrationId);
  try {
    return await work({ name: lock.name, token: lock.token });
  } finally {
    await lock.release();
  }
}
