import type { FaultController } from "../faults/fault-controller";
import type { FaultRule } from "../faults/fault-rule";
import { bodyBytes } from "./body-bytes";
import type { RequestLog } from "./request-log";
import type { PageFault, SimHandler, SimRequest, SimResponse } from "./sim-exchange";

/** What a transport must do with a request: answer, or break the connection in some way. */
export type ExchangeOutcome =
  | { kind: "respond"; response: SimResponse; delayMs: number }
  | { kind: "reset"; delayMs: number }
  | { kind: "truncate"; response: SimResponse; delayMs: number };

/** The status-code faults, shaped by each service (Graph and SAP have different error bodies). */
export type FaultResponder = (
  kind: "throttle" | "unavailable" | "gatewayTimeout",
  rule: FaultRule,
  request: SimRequest,
) => SimResponse;

/** The shared request pipeline of both transports: pick a fault, run the router, log. */
export async function runExchange(
  request: SimRequest,
  handler: SimHandler,
  faults: FaultController,
  log: RequestLog,
  faultResponse: FaultResponder,
): Promise<ExchangeOutcome> {
  const path = request.url.pathname + request.url.search;
  const rule = faults.take(request.method, path);
  const delayMs = rule?.kind === "slow" ? (rule.delayMs ?? 2000) : 0;
  const record = (status: number): void =>
    log.add({
      method: request.method,
      path,
      status,
      at: Date.now(),
      ...(rule ? { fault: rule.kind } : {}),
    });
  if (rule?.kind === "reset") {
    record(0);
    return { kind: "reset", delayMs };
  }
  if (rule?.kind === "throttle" || rule?.kind === "unavailable" || rule?.kind === "gatewayTimeout") {
    const response = faultResponse(rule.kind, rule, request);
    record(response.status);
    return { kind: "respond", response, delayMs };
  }
  const pageFault: PageFault | undefined =
    rule?.kind === "emptyPage" || rule?.kind === "duplicatePage" || rule?.kind === "loopNextLink"
      ? { kind: rule.kind }
      : rule?.kind === "expiredDelta"
        ? { kind: "expiredDelta", ...(rule.style ? { style: rule.style } : {}) }
        : rule?.kind === "truncatedListing"
          ? {
              kind: "truncatedListing",
              reportedCount: rule.reportedCount ?? "full",
              ...(rule.keep === undefined ? {} : { keep: rule.keep }),
            }
          : undefined;
  const response = await handler(request, pageFault);
  record(response.status);
  if (rule?.kind === "truncated") {
    return { kind: "truncate", response: { ...response, body: bodyBytes(response.body) }, delayMs };
  }
  if (rule?.kind === "malformed") {
    const bytes = bodyBytes(response.body);
    const half = bytes.subarray(0, Math.max(1, Math.floor(bytes.length / 2)));
    return {
      kind: "respond",
      response: { ...response, body: Buffer.concat([half, Buffer.from("<!-- upstream -->")]) },
      delayMs,
    };
  }
  return { kind: "respond", response, delayMs };
}
