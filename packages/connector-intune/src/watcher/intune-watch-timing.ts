/** How often and how eagerly the Intune change watcher probes and syncs (see `createIntuneWatcher`). */
export interface IntuneWatchTiming {
  /** Time between two rounds of probes per integration. Default 2 min; at least `minIntervalMs`. */
  intervalMs?: number;
  /** The floor of `intervalMs`. Default 30 s; tests lower it. */
  minIntervalMs?: number;
  /** `$top` of the device probe. Default 5. */
  probeSize?: number;
  /** Quiet time before a debounced sync. Default 2 s. */
  debounceMs?: number;
  /** Longest delay of a debounced sync in a burst. Default 30 s. */
  maxWaitMs?: number;
}
