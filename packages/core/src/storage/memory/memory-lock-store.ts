import type { LockHandle, LockStore } from "../storage-adapter";
import type { MemoryState } from "./memory-state";

/** How long a lease lasts when the caller gives no `ttlMs`. */
const MEMORY_LOCK_TTL_MS = 60_000;

/**
 * Named locks within this process, as leases with fencing tokens kept in the memory state (so the directory can
 * check a fence in the same step as a write). `now` is the clock the leases run on.
 */
export function createMemoryLockStore(state: MemoryState, now: () => number = Date.now): LockStore {
  return {
    async tryAcquire(name, options = {}) {
      const ttlMs = options.ttlMs ?? MEMORY_LOCK_TTL_MS;
      const current = state.locks.get(name);
      if (current && current.expiresAt > now()) return null;
      const lock = { token: (current?.token ?? 0) + 1, expiresAt: now() + ttlMs };
      state.locks.set(name, lock);
      const controller = new AbortController();
      const mine = () => state.locks.get(name) === lock && lock.expiresAt > now();
      const handle: LockHandle = {
        name,
        token: lock.token,
        ttlMs,
        lost: controller.signal,
        async renew() {
          if (!mine()) {
            controller.abort();
            return false;
          }
          lock.expiresAt = now() + ttlMs;
          return true;
        },
        async release() {
          if (state.locks.get(name) === lock) lock.expiresAt = 0;
        },
      };
      return handle;
    },
  };
}
