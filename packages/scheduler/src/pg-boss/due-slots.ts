import { nextRun, type PlannedRun } from "../math/next-run";
import type { CatchUpPolicy, ScheduledIntegration } from "../math/scheduled-integration";

/** Inputs of {@link dueSlots}. */
export interface DueSlotsOptions {
  now: Date;
  intervalMs: number;
  jitter: number;
  catchUp?: CatchUpPolicy;
  graceMs?: number;
  /** Also return the upcoming slot when it runs within this many ms (enqueued with `startAfter`). */
  lookaheadMs: number;
}

/**
 * The slots of an integration that should exist as jobs at `now`, for an instance that knows nothing of past
 * runs: the current slot (if on time, or if `runOnce` catches it up) and the upcoming one when it starts within
 * the lookahead. Enqueueing them is idempotent (one job id per slot), so every instance may call this. Pure.
 */
export function dueSlots(integration: ScheduledIntegration, options: DueSlotsOptions): PlannedRun[] {
  const base = {
    intervalMs: options.intervalMs,
    jitter: options.jitter,
    ...(options.catchUp ? { catchUp: options.catchUp } : {}),
    ...(options.graceMs === undefined ? {} : { graceMs: options.graceMs }),
  };
  const { lastRunSlot: _ignored, ...withoutHistory } = integration;
  const horizon = options.now.getTime() + options.lookaheadMs;
  const current = nextRun(withoutHistory, { ...base, now: options.now });
  const upcoming = nextRun(withoutHistory, { ...base, now: options.now, lastRunSlot: current.slot });
  return [current, upcoming].filter((run) => run.runAt.getTime() <= horizon);
}
