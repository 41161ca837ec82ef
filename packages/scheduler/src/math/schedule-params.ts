import type { PlanTable } from "@uslimato/core";
import { effectiveInterval, type IntervalAdjustment } from "./effective-interval";
import { type JitterOptions, jitterOffset } from "./jitter-offset";
import type { ScheduledIntegration } from "./scheduled-integration";

/** The interval and jitter of one integration, in ms, with the adjustment made to its interval, if any. */
export interface ScheduleParams {
  intervalMs: number;
  jitterMs: number;
  adjustment?: IntervalAdjustment;
}

/**
 * Combines {@link effectiveInterval} and {@link jitterOffset}: what both schedulers need before `nextRun`.
 * `intervalUnitMs` (default 60 000) is the length of one interval unit. Pure.
 */
export function scheduleParams(
  integration: ScheduledIntegration,
  options: { planTable?: PlanTable; intervalUnitMs?: number; jitter?: JitterOptions } = {},
): ScheduleParams {
  const effective = effectiveInterval(integration, options.planTable);
  const intervalMs = effective.intervalMinutes * (options.intervalUnitMs ?? 60_000);
  const jitterMs = jitterOffset(integration.id, intervalMs, options.jitter);
  return effective.adjustment
    ? { intervalMs, jitterMs, adjustment: effective.adjustment }
    : { intervalMs, jitterMs };
}
