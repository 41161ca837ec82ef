import { type AnyConnector, CoreError, type Hub } from "@uslimato/core";

/** A hub whose syncs are counted, so a stop can let the running ones finish and abort the rest. */
export interface SyncTracker<C extends AnyConnector> {
  /** The same hub; its `syncNow` runs are tracked, and refused once {@link SyncTracker.drain} began. */
  hub: Hub<C>;
  running(): number;
  /**
   * Refuses new syncs, waits for the running ones up to `timeoutMs`, then aborts them and waits for them to end.
   * Resolves with how many were aborted.
   */
  drain(timeoutMs: number): Promise<number>;
}

/** Wraps a hub so every sync started through it (scheduler, notifications, the host's "Sync now") is drained on stop. */
export function trackSyncs<C extends AnyConnector>(hub: Hub<C>): SyncTracker<C> {
  const runs = new Set<Promise<unknown>>();
  const stop = new AbortController();
  let closing = false;
  const settled = () => Promise.allSettled([...runs]).then(() => undefined);
  return {
    hub: {
      ...hub,
      syncNow(id, options = {}) {
        if (closing)
          return Promise.reject(
            new CoreError("SYNC_ABORTED", "The Interface Hub is stopping: no new sync starts", {
              details: { integrationId: id },
            }),
          );
        const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
        const run = hub.syncNow(id, { ...options, signal });
        runs.add(run);
        const forget = () => runs.delete(run);
        run.then(forget, forget);
        return run;
      },
    },
    running: () => runs.size,
    async drain(timeoutMs) {
      closing = true;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timedOut = new Promise<true>((resolve) => {
        timer = setTimeout(() => resolve(true), timeoutMs);
      });
      const late = await Promise.race([settled().then(() => false), timedOut]);
      clearTimeout(timer);
      if (!late) return 0;
      const aborted = runs.size;
      stop.abort(new CoreError("SYNC_ABORTED", "The Interface Hub stopped before this sync finished"));
      await settled();
      return aborted;
    },
  };
}
