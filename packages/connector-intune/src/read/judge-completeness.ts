/** What is known of the last sweep, kept in the connector's state across runs (and full resyncs). */
export interface SweepHistory {
  /** Devices the last complete sweep listed. */
  listed: number;
  /** Devices a sweep judged cut short listed; a next sweep that lists as many confirms the drop. */
  suspect?: number;
}

/** Whether a sweep saw the whole listing, and why not. */
export type Completeness = { complete: true } | { complete: false; reason: string };

/**
 * Judges whether a sweep saw every device before it may remove any: fewer items than the `@odata.count` Intune
 * announced (the largest any page announced) is a cut listing; so is a drop of more than `maxDropShare` against the
 * last complete sweep, count or not (a cut page has been seen announcing only what it served). A drop that two sweeps in a row agree on (within 1%) is taken as real: the mass-removal guard
 * still holds it back for an admin when it is large.
 */
export function judgeCompleteness(input: {
  listed: number;
  count: number | undefined;
  history: SweepHistory | undefined;
  maxDropShare: number;
}): Completeness {
  const { listed, count, history } = input;
  if (count !== undefined && listed < count)
    return {
      complete: false,
      reason: `the managedDevices listing ended after ${listed} of the ${count} devices its @odata.count announced`,
    };
  if (!history || history.listed === 0) return { complete: true };
  if (listed >= history.listed * (1 - input.maxDropShare)) return { complete: true };
  const suspect = history.suspect;
  if (suspect !== undefined && Math.abs(listed - suspect) <= Math.max(1, suspect * 0.01))
    return { complete: true };
  return {
    complete: false,
    reason: `the managedDevices listing ended after ${listed} devices, more than ${Math.round(input.maxDropShare * 100)}% fewer than the ${history.listed} of the last complete sweep ; a next sweep listing as many confirms the drop`,
  };
}
