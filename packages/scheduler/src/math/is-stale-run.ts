import { defaultGraceMs, type PlannedRun } from "./next-run";

/**
 * Whether a planned run found due at `now` must be planned again with {@link nextRun} instead of started: a newer
 * slot has come due since it was planned (a clock jump forward, a suspended host, a timer that fired late), or
 * it is an on-time run that is now more than the grace late. Starting it would run a stale slot and then, once
 * it finished, a catch-up for the newer one: two runs where the policy promises one. Planned again, it becomes
 * one catch-up (`runOnce`, spread by the integration's jitter) or none (`skip`). A run {@link nextRun} has just
 * planned is never stale at the same `now`, and a catch-up run is started however late it is, so a busy
 * scheduler does not push it back again. Pure.
 */
export function isStaleRun(
  run: PlannedRun,
  options: { now: number; intervalMs: number; jitter: number; graceMs?: number },
): boolean {
  const { now, intervalMs, jitter } = options;
  if (now >= run.slot.getTime() + intervalMs + jitter) return true;
  const grace = options.graceMs ?? defaultGraceMs(intervalMs);
  return !run.catchUp && now - run.runAt.getTime() > grace;
}
