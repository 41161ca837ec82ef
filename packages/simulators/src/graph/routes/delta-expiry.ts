import type { PageFault, SimRequest, SimResponse } from "../../http/sim-exchange";
import type { GraphContext } from "../graph-context";
import { graphError } from "../graph-error";

/** The issue time every delta token carries. */
export interface IssuedToken {
  t: number;
  v?: number;
}

/** Whether a delta token is too old, explicitly expired, or a fault says so. */
export function isExpired(ctx: GraphContext, token: IssuedToken, fault?: PageFault): boolean {
  if (fault?.kind === "expiredDelta") return true;
  const now = ctx.model.clock().getTime();
  return (token.v ?? 0) !== ctx.model.deltaTokenGeneration || now - token.t > ctx.model.deltaTokenMaxAgeMs;
}

/** The expired-token answer: 410 Gone with an empty-`$deltaToken` Location, or 400 `syncStateNotFound`. */
export function expiredAnswer(
  ctx: GraphContext,
  request: SimRequest,
  resource: "users" | "groups" | "devices",
  select: readonly string[],
  fault?: PageFault,
): SimResponse {
  const style = (fault?.kind === "expiredDelta" ? fault.style : undefined) ?? ctx.behaviour.deltaExpiry;
  if (style === "syncStateNotFound") {
    return graphError(
      request,
      400,
      "syncStateNotFound",
      "The sync state generation is not found. Restart the delta sync from the beginning.",
    );
  }
  const location = `${request.url.origin}/v1.0/${resource}/delta?$select=${select.join(",")}&$deltaToken=`;
  return graphError(
    request,
    410,
    "resyncRequired",
    "Resync required. Replace any local cached data with a full delta resync.",
    { location },
  );
}
