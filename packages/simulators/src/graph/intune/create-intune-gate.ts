import type { SimRequest, SimResponse } from "../../http/sim-exchange";
import { verifyBearer } from "../auth/verify-bearer";
import type { GraphBehaviour } from "../graph-context";
import { graphError } from "../graph-error";
import type { GraphModel } from "../model/graph-model";
import { intuneError, intuneNotLicensed, intuneThrottled } from "./intune-error";
import { createRequestMeter, type RequestMeter } from "./request-meter";

/** Intune's throttling budgets: devices (2,000 / 20 s per app), device configuration and auditing (1,000). */
export type IntuneBudget = "devices" | "configuration" | "audit";

/** Per-app request limits of Intune's budgets per window; `false` turns one off. */
export type IntuneRequestLimits = Partial<Record<IntuneBudget, number | false>>;

const DEFAULT_LIMITS: Record<IntuneBudget, number> = { devices: 2000, configuration: 1000, audit: 1000 };

/** Options of {@link createIntuneGate}. */
export interface IntuneGateOptions {
  auth: boolean;
  limits: IntuneRequestLimits;
  windowMs: number;
}

/** Admits a request to an Intune path, or answers it: `{ appId }` or `{ response }`. */
export type IntuneGate = (
  request: SimRequest,
  budget: IntuneBudget,
  roles: readonly string[],
) => Promise<{ appId: string } | { response: SimResponse }>;

/**
 * What stands before every Intune path: Graph's token check (plain 401), the tenant's Intune licence (400
 * "Request not applicable to target tenant."), the role (Intune's double-encoded 403, or 401 per behaviour) and
 * the per-app request meter of the path's budget (429 with or without `Retry-After`, per behaviour). Intune
 * requests are not charged to Entra's resource-unit budget.
 */
export function createIntuneGate(
  model: GraphModel,
  behaviour: GraphBehaviour,
  options: IntuneGateOptions,
): IntuneGate {
  const meters = new Map<IntuneBudget, RequestMeter | undefined>();
  for (const budget of Object.keys(DEFAULT_LIMITS) as IntuneBudget[]) {
    const limit = options.limits[budget] ?? DEFAULT_LIMITS[budget];
    meters.set(budget, limit === false ? undefined : createRequestMeter(limit, options.windowMs));
  }
  let throttled = 0;
  return async (request, budget, roles) => {
    let appId = "simulator";
    let granted: string[] | undefined;
    if (options.auth) {
      const verdict = await verifyBearer(model, request, []);
      if (!verdict.ok) return { response: verdict.response };
      appId = verdict.caller.appId;
      granted = verdict.caller.roles;
    }
    if (!model.intuneLicensed) return { response: intuneNotLicensed(request) };
    if (granted && !granted.some((role) => roles.includes(role))) {
      const status = behaviour.intuneMissingRole;
      return { response: intuneError(request, status, status === 401 ? "Unauthorized" : "Forbidden") };
    }
    const verdict = meters.get(budget)?.charge(appId, Date.now());
    if (verdict?.exceeded) {
      const style = behaviour.intuneThrottle;
      const withRetryAfter = style === "retryAfter" || (style === "alternate" && throttled++ % 2 === 1);
      return {
        response: withRetryAfter
          ? graphError(request, 429, "TooManyRequests", "Too many requests.", {
              "retry-after": String(verdict.retryAfterSeconds),
              "x-ms-throttle-information": "IntuneRequestLimitExceeded",
            })
          : intuneThrottled(request),
      };
    }
    return { appId };
  };
}
