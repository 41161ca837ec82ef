import { CoreError } from "../errors/core-error";
import type { LockFence, LockHandle } from "../storage/storage-adapter";

/** A lock the runner keeps alive while a run works: see {@link holdLock}. */
export interface HeldLock {
  /** What the run passes to every fenced write. */
  readonly fence: LockFence;
  /** Aborted, with a `SYNC_LOCK_LOST` error as its reason, once the lock is lost. */
  readonly lost: AbortSignal;
  /** Stops renewing (before the lock is released). */
  stop(): void;
}

/**
 * Renews `handle`'s lease every `ttlMs / 3` on a timer (no query per page) and turns every way of losing it into
 * one signal: the adapter's `lost` signal, a refused renewal, or a lease that ran out because renewals kept failing
 * or the event loop stalled. The timer does not keep the process alive.
 */
export function holdLock(handle: LockHandle, now: () => number = Date.now): HeldLock {
  const controller = new AbortController();
  const ttlMs = handle.ttlMs;
  let renewedAt = now();
  let renewing = false;
  const lose = (why: string): void => {
    if (controller.signal.aborted) return;
    clearInterval(timer);
    controller.abort(
      new CoreError(
        "SYNC_LOCK_LOST",
        `The run lost its lock "${handle.name}" (${why}); it stopped writing.`,
        {
          details: { lock: handle.name, token: handle.token },
        },
      ),
    );
  };
  const onLost = () => lose("the storage reported it lost");
  const tick = async (): Promise<void> => {
    if (now() - renewedAt >= ttlMs) return lose("its lease ran out before it could be renewed");
    if (renewing) return;
    renewing = true;
    try {
      if (await handle.renew()) renewedAt = now();
      else lose("a renewal was refused: the lease ran out or another run took it");
    } catch {
      // The backend could not be asked; the next tick tries again while the lease lasts.
    } finally {
      renewing = false;
    }
  };
  const timer = setInterval(() => void tick(), Math.max(1, Math.floor(ttlMs / 3)));
  timer.unref?.();
  if (handle.lost.aborted) onLost();
  else handle.lost.addEventListener("abort", onLost, { once: true });
  return {
    fence: { name: handle.name, token: handle.token },
    lost: controller.signal,
    stop() {
      clearInterval(timer);
      handle.lost.removeEventListener("abort", onLost);
    },
  };
}
