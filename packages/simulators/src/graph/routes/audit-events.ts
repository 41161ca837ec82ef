import type { SimRequest, SimResponse } from "../../http/sim-exchange";
import { GRAPH_JSON, type GraphContext, parseIntuneTop } from "../graph-context";
import { graphError } from "../graph-error";
import type { IntuneAuditEvent } from "../model/graph-types";
import { decodeToken, encodeToken } from "../serialize/page-token";

const CLAUSE = /^\s*activityDateTime\s+(eq|ne|gt|ge|lt|le)\s+'?([^'\s]+)'?\s*$/i;

type EventTest = (event: IntuneAuditEvent) => boolean;

function compileFilter(filter: string): EventTest | string {
  const tests: EventTest[] = [];
  for (const clause of filter.split(/\s+and\s+/i)) {
    const match = CLAUSE.exec(clause);
    if (!match) return `The simulator filters audit events on activityDateTime only: '${clause.trim()}'.`;
    const op = (match[1] ?? "").toLowerCase();
    const at = Date.parse(match[2] ?? "");
    if (Number.isNaN(at)) return `The DateTimeOffset literal '${match[2]}' is not valid.`;
    tests.push((event) => {
      const t = Date.parse(event.activityDateTime);
      return op === "gt"
        ? t > at
        : op === "ge"
          ? t >= at
          : op === "lt"
            ? t < at
            : op === "le"
              ? t <= at
              : op === "eq"
                ? t === at
                : t !== at;
    });
  }
  return (event) => tests.every((test) => test(event));
}

interface AuditState {
  o: number;
  n: number;
  f?: string;
  d?: 1;
}

/**
 * `GET /v1.0/deviceManagement/auditEvents`: the admin actions the model recorded (retire, wipe, delete, primary
 * user change, rename), `$filter` on `activityDateTime` (`and`-joined comparisons), `$orderby=activityDateTime
 * desc` (default oldest first), `$top` and `$skiptoken` next links.
 */
export function auditEvents(ctx: GraphContext, request: SimRequest): SimResponse {
  const query = request.url.searchParams;
  const skip = query.get("$skiptoken");
  let state: AuditState | undefined;
  if (skip !== null) state = decodeToken<AuditState>(skip);
  else {
    const top = parseIntuneTop(query.get("$top"), 1000);
    if (top === false)
      return graphError(request, 400, "BadRequest", `Invalid $top value: '${query.get("$top")}'.`);
    const filter = query.get("$filter");
    const desc = /activityDateTime\s+desc/i.test(query.get("$orderby") ?? "");
    state = { o: 0, n: top ?? 1000, ...(filter ? { f: filter } : {}), ...(desc ? { d: 1 as const } : {}) };
  }
  if (!state || typeof state.o !== "number")
    return graphError(request, 400, "BadRequest", "Invalid $skiptoken.");
  const test = state.f ? compileFilter(state.f) : () => true;
  if (typeof test === "string") return graphError(request, 400, "BadRequest", test);
  const events = ctx.model.auditEvents().filter(test);
  if (state.d) events.reverse();
  const page = events.slice(state.o, state.o + state.n);
  const origin = request.url.origin;
  let head = `{"@odata.context":${JSON.stringify(`${origin}/v1.0/$metadata#deviceManagement/auditEvents`)}`;
  if (state.o + state.n < events.length) {
    const token = encodeToken({ ...state, o: state.o + state.n });
    head += `,"@odata.nextLink":${JSON.stringify(`${origin}/v1.0/deviceManagement/auditEvents?$skiptoken=${token}`)}`;
  }
  return { status: 200, headers: GRAPH_JSON, body: `${head},"value":${JSON.stringify(page)}}` };
}
