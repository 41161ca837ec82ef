/**
 * Full-jitter exponential backoff: a random delay in [0, min(maxMs, baseMs * 2^attempt)].
 *
 * @deprecated Use {@link retryDelay} (the one retry policy of every HTTP call the SDK makes).
 */
export function backoffDelay(
  attempt: number,
  baseMs = 500,
  maxMs = 30_000,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** attempt);
  return Math.round(random() * ceiling);
}
