/**
 * The one retry policy of every HTTP call the SDK makes (core's HTTP client, the Graph client, token requests):
 * how many retries, and the bounds of each wait.
 */
export interface RetryPolicy {
  /** Retries after the first attempt. Default 4. */
  retries?: number;
  /** First backoff step, before jitter. Default 500 ms. */
  baseDelayMs?: number;
  /** Ceiling of any wait, a `Retry-After` the service asked for included. Default 60 s. */
  maxDelayMs?: number;
  /** Random source in [0, 1), for tests. */
  random?: () => number;
}

/** The defaults of {@link RetryPolicy}. */
export const DEFAULT_RETRY_POLICY = {
  retries: 4,
  baseDelayMs: 500,
  maxDelayMs: 60_000,
} as const satisfies RetryPolicy;

const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);

/** Whether an HTTP status is worth another attempt: 429 (throttled), 502, 503 and 504. */
export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.has(status);
}

/**
 * How long to wait before retry number `attempt` (0-based). With a `Retry-After` the service gave (already in ms,
 * see `parseRetryAfter`): that wait plus up to 10% jitter, so clients told the same moment do not return
 * together. Without one: equal-jitter exponential backoff, a random wait in [c/2, c] with
 * c = `baseDelayMs * 2^attempt`. Never more than `maxDelayMs`, never negative.
 *
 * @example
 * ```ts
 * retryDelay(0, undefined); // 250..500 ms
 * retryDelay(2, 3000);      // 3000..3300 ms
 * ```
 */
export function retryDelay(
  attempt: number,
  retryAfterMs: number | undefined,
  policy: RetryPolicy = {},
): number {
  const max = Math.max(0, policy.maxDelayMs ?? DEFAULT_RETRY_POLICY.maxDelayMs);
  const random = policy.random ?? Math.random;
  if (retryAfterMs !== undefined && Number.isFinite(retryAfterMs)) {
    const asked = Math.max(0, retryAfterMs);
    return Math.round(Math.min(max, asked + random() * asked * 0.1));
  }
  const base = Math.max(0, policy.baseDelayMs ?? DEFAULT_RETRY_POLICY.baseDelayMs);
  const ceiling = Math.min(max, base * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
