import { CoreError } from "../errors/core-error";
import { DEFAULT_PLANS, MAX_INTERVAL_MINUTES, type PlanId, type PlanTable } from "./plan";
import { resolvePlan } from "./resolve-plan";

/** The outcome of {@link checkInterval}: ok, or the error that {@link validateInterval} would throw. */
export type IntervalCheck = { ok: true } | { ok: false; error: CoreError };

/**
 * Checks a sync interval (minutes) against a plan: at least the plan's minimum, at most 2 weeks, a whole
 * positive number of minutes. Returns a result; {@link validateInterval} throws it.
 */
export function checkInterval(
  intervalMinutes: number,
  plan: PlanId,
  table: PlanTable = DEFAULT_PLANS,
): IntervalCheck {
  const rules = resolvePlan(plan, table);
  const path = ["intervalMinutes"];
  if (!Number.isInteger(intervalMinutes) || intervalMinutes <= 0) {
    return {
      ok: false,
      error: new CoreError(
        "CONFIG_INVALID",
        `intervalMinutes must be a positive whole number, got ${intervalMinutes}`,
        {
          path,
        },
      ),
    };
  }
  if (intervalMinutes < rules.minIntervalMinutes) {
    return {
      ok: false,
      error: new CoreError(
        "INTERVAL_BELOW_PLAN_MINIMUM",
        `A sync interval of ${formatMinutes(intervalMinutes)} is below the ${rules.name} plan's minimum of ${formatMinutes(rules.minIntervalMinutes)}`,
        { path, details: { plan, intervalMinutes, minIntervalMinutes: rules.minIntervalMinutes } },
      ),
    };
  }
  if (intervalMinutes > MAX_INTERVAL_MINUTES) {
    return {
      ok: false,
      error: new CoreError(
        "INTERVAL_ABOVE_MAXIMUM",
        `A sync interval of ${formatMinutes(intervalMinutes)} is above the maximum of 2 weeks`,
        { path, details: { plan, intervalMinutes, maxIntervalMinutes: MAX_INTERVAL_MINUTES } },
      ),
    };
  }
  return { ok: true };
}

/** "30 min", "4 h", "1 h 30 min", "14 d". */
function formatMinutes(minutes: number): string {
  if (minutes % (24 * 60) === 0) return `${minutes / (24 * 60)} d`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}
