/** Bounds of {@link jitterOffset}. */
export interface JitterOptions {
  /** The largest offset, in ms. Default 10 minutes. */
  maxMs?: number;
  /** The largest offset as a share of the interval (0 to 0.5). Default 0.1. */
  ratio?: number;
}

/** Default largest jitter offset: 10 minutes. */
export const DEFAULT_JITTER_MAX_MS = 10 * 60_000;
/** Default largest jitter offset as a share of the interval. */
export const DEFAULT_JITTER_RATIO = 0.1;

/** The exclusive upper bound of {@link jitterOffset}: `min(maxMs, ratio * intervalMs)`, whole ms. */
export function jitterBound(intervalMs: number, options: JitterOptions = {}): number {
  const ratio = Math.min(0.5, Math.max(0, options.ratio ?? DEFAULT_JITTER_RATIO));
  const maxMs = Math.max(0, options.maxMs ?? DEFAULT_JITTER_MAX_MS);
  return Math.floor(Math.min(maxMs, ratio * intervalMs));
}

/**
 * A stable offset in `[0, jitterBound)` ms from a hash (FNV-1a with murmur3's finaliser, 32 bits) of the integration id, so thousands of
 * integrations on the same interval do not fire at the same moment, and one integration always fires at the
 * same point of its slot. Pure and deterministic across processes.
 */
export function jitterOffset(integrationId: string, intervalMs: number, options: JitterOptions = {}): number {
  const bound = jitterBound(intervalMs, options);
  if (bound <= 0) return 0;
  return Math.floor((hashId(integrationId) / 0x1_0000_0000) * bound);
}

function hashId(value: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  // murmur3's finaliser, so ids that differ in one character land far apart.
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}
