import { CoreError } from "../errors/core-error";
import { DEFAULT_PLANS, type PlanId, type PlanRules, type PlanTable } from "./plan";

/** The rules of `plan` in `table` (default: the seed's plans); a typed `PLAN_UNKNOWN` error if it is not there. */
export function resolvePlan(plan: PlanId, table: PlanTable = DEFAULT_PLANS): PlanRules {
  const rules = table[plan];
  if (!rules) {
    throw new CoreError(
      "PLAN_UNKNOWN",
      `Unknown plan "${plan}"; known plans: ${Object.keys(table).join(", ")}`,
      {
        details: { plan },
      },
    );
  }
  return rules;
}

/** Throws `PLAN_NOT_ENTITLED` unless the plan includes the Interface Hub. */
export function assertInterfaceHubEntitled(plan: PlanId, table: PlanTable = DEFAULT_PLANS): void {
  const rules = resolvePlan(plan, table);
  if (!rules.interfaceHub) {
    throw new CoreError(
      "PLAN_NOT_ENTITLED",
      `The ${rules.name} plan does not include the Interface Hub; upgrade to a plan that does`,
      { details: { plan } },
    );
  }
}
