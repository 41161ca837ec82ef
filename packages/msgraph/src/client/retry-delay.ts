/** Bounds of the Graph retry policy. */
export interface RetryDelayOptions {
  /** First backoff step, before jitter. Default 500 ms. */
  baseDelayMs?: number;
  /** Ceiling of any wait, including a `Retry-After` Graph asked for. Default 60 s. */
  maxDelayMs?: number;
  /** Random source in [0, 1), for tests. */
  random?: () => number;
}

/**
 * How long to wait before retry number `attempt` (0-based): Graph's `Retry-After` when it gave one, else full
 * jitter exponential backoff; never more than `maxDelayMs`.
 */
export function retryDelay(
  attempt: number,
  retryAfterMs: number | undefined,
  options: RetryDelayOptions = {},
): number {
  const max = options.maxDelayMs ?? 60_000;
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, max);
  const base = options.baseDelayMs ?? 500;
  const ceiling = Math.min(max, base * 2 ** attempt);
  return Math.round(ceiling / 2 + (options.random ?? Math.random)() * (ceiling / 2));
}
