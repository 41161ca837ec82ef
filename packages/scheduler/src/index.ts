/**
 * `@uslimato/scheduler`: plan-aware sync scheduling. Pure scheduling math (grid slots, jitter, catch-up, plan
 * adjustment) and an in-process scheduler for single-process hosts. The multi-instance scheduler on pg-boss is
 * the `@uslimato/scheduler/pg-boss` entry point.
 *
 * @example
 * ```ts
 * import { createScheduler } from "@uslimato/scheduler";
 * const scheduler = createScheduler({
 *   source: { list: async () => [{ id: "i1", tenantId: "t1", plan: "enterprise", intervalMinutes: 30, enabled: true, anchor: new Date() }] },
 *   run: async (id, { signal, slot }) => console.log("sync", id, slot.toISOString(), signal.aborted),
 * });
 * await scheduler.start();
 * await scheduler.stop({ timeoutMs: 5_000 });
 * ```
 *
 * @module
 */
export type { SchedulerErrorCode } from "./errors/scheduler-error";
export { SCHEDULER_ERROR_CODES, SchedulerError } from "./errors/scheduler-error";
export { createScheduler } from "./in-process/create-scheduler";
export type { IntegrationStatus, Scheduler, SchedulerStatus } from "./in-process/scheduler";
export type {
  IntegrationSource,
  RunContext,
  RunIntegration,
  SchedulerErrorEvent,
  SchedulerOptions,
  SchedulingOptions,
} from "./in-process/scheduler-options";
export type { SchedulerTimers } from "./in-process/timers";
export { systemTimers } from "./in-process/timers";
export type { AdjustmentReason, EffectiveInterval, IntervalAdjustment } from "./math/effective-interval";
export { effectiveInterval } from "./math/effective-interval";
export type { JitterOptions } from "./math/jitter-offset";
export { DEFAULT_JITTER_MAX_MS, DEFAULT_JITTER_RATIO, jitterBound, jitterOffset } from "./math/jitter-offset";
export type { NextRunOptions, PlannedRun } from "./math/next-run";
export { defaultGraceMs, nextRun } from "./math/next-run";
export type { ScheduleParams } from "./math/schedule-params";
export { scheduleParams } from "./math/schedule-params";
export type { CatchUpPolicy, ScheduledIntegration } from "./math/scheduled-integration";
export { slotAt } from "./math/slot-at";
