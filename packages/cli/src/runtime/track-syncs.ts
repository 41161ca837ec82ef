import type { Hub } from "@uslimato/core";

/** A hub whose syncs are counted, so a shutdown can let the running ones finish. */
export interface TrackedHub {
  /** The same hub; its `syncNow` runs are tracked and aborted by {@link TrackedHub.drain} after its timeout. */
  hub: Hub;
  /** How many syncs started through {@link TrackedHub.hub} are still running. */
  running(): number;
  /**
   * Waits for the running syncs; after `timeoutMs` aborts them (the run ends `failed`, its checkpoint kept) and
   * waits for them to stop. Resolves `true` when everything finished in time.
   */
  drain(timeoutMs: number): Promise<boolean>;
}

/**
 * Wraps a hub for `serve`: webhook-triggered syncs start from a debouncer that knows nothing of shutdowns, so
 * they are tracked here and allowed to finish before storage is closed.
 */
export function trackSyncs(hub: Hub): TrackedHub {
  const runs = new Set<Promise<unknown>>();
  const stop = new AbortController();
  const settled = () => Promise.allSettled([...runs]).then(() => undefined);
  return {
    hub: {
      ...hub,
      syncNow(id, options = {}) {
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
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timedOut = new Promise<true>((resolve) => {
        timer = setTimeout(() => resolve(true), timeoutMs);
      });
      const late = await Promise.race([settled().then(() => false), timedOut]);
      clearTimeout(timer);
      if (late) {
        stop.abort(new Error("uslimato serve is shutting down"));
        await settled();
      }
      return !late;
    },
  };
}
