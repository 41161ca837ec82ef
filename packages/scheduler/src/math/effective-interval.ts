import {
  checkInterval,
  DEFAULT_PLANS,
  MAX_INTERVAL_MINUTES,
  type PlanTable,
  resolvePlan,
} from "@uslimato/core";
import type { ScheduledIntegration } from "./scheduled-integration";

/** Why a configured interval was not used as it is. */
export type AdjustmentReason = "below-plan-minimum" | "above-maximum" | "invalid";

/** The host is told when the scheduler runs an integration at another interval than configured. */
export interface IntervalAdjustment {
  integrationId: string;
  tenantId: string;
  plan: string;
  /** The configured interval. */
  fromMinutes: number;
  /** The interval the scheduler uses. */
  toMinutes: number;
  reason: AdjustmentReason;
  /** The plan's minimum at the time. */
  minIntervalMinutes: number;
}

/** The interval an integration runs at, and the adjustment made, if any. */
export interface EffectiveInterval {
  intervalMinutes: number;
  adjustment?: IntervalAdjustment;
}

/**
 * The interval the scheduler uses, checked with core's plan rules (`checkInterval`): one below the plan's minimum
 * (e.g. after a downgrade) is raised to the minimum, one above 2 weeks is lowered to 2 weeks, one that is not a
 * positive whole number becomes the plan's minimum; each adjustment is reported. Throws core's `PLAN_UNKNOWN`
 * for a plan missing from the table. Pure.
 */
export function effectiveInterval(
  integration: ScheduledIntegration,
  planTable: PlanTable = DEFAULT_PLANS,
): EffectiveInterval {
  const rules = resolvePlan(integration.plan, planTable);
  const check = checkInterval(integration.intervalMinutes, integration.plan, planTable);
  if (check.ok) return { intervalMinutes: integration.intervalMinutes };
  const code = check.error.code;
  const reason: AdjustmentReason =
    code === "INTERVAL_BELOW_PLAN_MINIMUM"
      ? "below-plan-minimum"
      : code === "INTERVAL_ABOVE_MAXIMUM"
        ? "above-maximum"
        : "invalid";
  const toMinutes = reason === "above-maximum" ? MAX_INTERVAL_MINUTES : rules.minIntervalMinutes;
  return {
    intervalMinutes: toMinutes,
    adjustment: {
      integrationId: integration.id,
      tenantId: integration.tenantId,
      plan: integration.plan,
      fromMinutes: integration.intervalMinutes,
      toMinutes,
      reason,
      minIntervalMinutes: rules.minIntervalMinutes,
    },
  };
}
