import { abortableSleep } from "@uslimato/core/connector";

/** A sliding-window request budget: at most `limit` request starts in any `windowMs`. */
export interface RequestWindow {
  /** Resolves when one more request may start (in order of asking); rejects with the signal's reason. */
  acquire(signal?: AbortSignal): Promise<void>;
  /** Holds every request back for `ms` (after a 429 that named no wait). */
  pause(ms: number): void;
  /** Requests started so far. */
  readonly started: number;
  readonly limit: number;
  readonly windowMs: number;
}

/**
 * Creates a sliding-window limiter: the start times of the last `limit` requests are kept in a ring, and a new
 * request waits until the oldest of them is `windowMs` old, so no window of that length ever holds more than
 * `limit` starts (a token bucket would allow twice as many across a window boundary).
 *
 * @example
 * ```ts
 * const window = createRequestWindow({ limit: 1800, windowMs: 20_000 });
 * await window.acquire(signal);
 * ```
 */
export function createRequestWindow(options: {
  limit: number;
  windowMs: number;
  now?: () => number;
}): RequestWindow {
  const limit = Math.max(1, Math.floor(options.limit));
  const { windowMs } = options;
  const now = options.now ?? Date.now;
  const starts: number[] = [];
  let next = 0;
  let started = 0;
  let pausedUntil = 0;
  let tail: Promise<void> = Promise.resolve();

  async function take(signal: AbortSignal | undefined): Promise<void> {
    for (;;) {
      signal?.throwIfAborted();
      const at = now();
      const oldest = starts.length < limit ? undefined : starts[next];
      const wait = Math.max(pausedUntil - at, oldest === undefined ? 0 : oldest + windowMs - at);
      if (wait <= 0) {
        if (starts.length < limit) starts.push(at);
        else starts[next] = at;
        next = (next + 1) % limit;
        started++;
        return;
      }
      await abortableSleep(wait, signal);
    }
  }

  return {
    acquire(signal) {
      const turn = tail.then(() => take(signal));
      tail = turn.catch(() => {});
      return turn;
    },
    pause(ms) {
      pausedUntil = Math.max(pausedUntil, now() + ms);
    },
    get started() {
      return started;
    },
    limit,
    windowMs,
  };
}
