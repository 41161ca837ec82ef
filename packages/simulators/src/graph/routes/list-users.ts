import type { PageFault, SimRequest, SimResponse } from "../../http/sim-exchange";
import { GRAPH_JSON, type GraphContext, pageFrame, parseTop } from "../graph-context";
import { graphError } from "../graph-error";
import type { GraphModel } from "../model/graph-model";
import type { GraphUser } from "../model/graph-types";
import { advanceActiveUsers } from "../serialize/advance-active-users";
import { USER_DEFAULT_PROPERTIES, USER_PROPERTIES } from "../serialize/entity-properties";
import { decodeToken, encodeToken } from "../serialize/page-token";
import { parseSelect } from "../serialize/parse-select";
import { streamUserPage } from "../serialize/stream-user-page";

interface ListState {
  c: number;
  n: number;
  sel: (keyof GraphUser)[];
}

/**
 * `GET /v1.0/users`: `$select`, `$top` (1-999, default 100), opaque `$skiptoken` next links. While the client
 * reads a page, the next ones are rendered ahead (see `PagesAhead`) when the context has a store for them.
 */
export function listUsers(
  ctx: GraphContext,
  request: SimRequest,
  fault?: PageFault,
): SimResponse | Promise<SimResponse> {
  const query = request.url.searchParams;
  let state: ListState;
  const skip = query.get("$skiptoken");
  if (skip !== null) {
    const decoded = decodeToken<ListState>(skip);
    if (!decoded || typeof decoded.c !== "number") {
      return graphError(request, 400, "Request_BadRequest", "Invalid $skiptoken.");
    }
    state = decoded;
  } else {
    if (query.has("$filter") || query.has("$search") || query.has("$orderby")) {
      return graphError(
        request,
        400,
        "Request_UnsupportedQuery",
        "The simulator does not support $filter, $search or $orderby on users.",
      );
    }
    const top = parseTop(query.get("$top"), 999);
    if (top === false) {
      return graphError(
        request,
        400,
        "Request_UnsupportedQuery",
        `Invalid page size specified: '${query.get("$top")}'. Must be between 1 and 999 inclusive.`,
      );
    }
    const select = parseSelect(query.get("$select"), USER_PROPERTIES, USER_DEFAULT_PROPERTIES);
    if (!select.ok) {
      return graphError(
        request,
        400,
        "Request_BadRequest",
        `Could not find a property named '${select.unknown}' on type 'Microsoft.DirectoryServices.User'.`,
      );
    }
    state = { c: 0, n: top ?? 100, sel: select.properties };
  }
  const { model, pagesAhead } = ctx;
  const origin = request.url.origin;
  const headers = { ...GRAPH_JSON, "x-ms-resource-unit": query.has("$select") || skip ? "1" : "2" };
  const ready = skip !== null && !fault ? pagesAhead?.take(`${origin} ${skip}`, model.sequence) : undefined;
  const page = planPage(model, state, origin, fault);
  if (!fault && page.nextState) renderAhead(ctx, page.nextState, origin);
  if (ready) {
    const pool = ctx.renderPool;
    const respond = (body: Uint8Array): SimResponse => ({
      status: 200,
      headers,
      body,
      ...(pool ? { sent: () => pool.recycle(body) } : {}),
    });
    return ready instanceof Promise ? ready.then(respond) : respond(ready);
  }
  return {
    status: 200,
    headers,
    body: streamUserPage(model, state.sel, page.from, page.end, page.head, page.tail),
  };
}

/** Pages rendered ahead of the client: the next one and the one after, so a request never waits for a render. */
const AHEAD = 2;

/**
 * On the next turn of the event loop (the current page goes out first), renders the {@link AHEAD} pages from
 * `state` on, unless held already, the model changed, or a page holds changed users (those are rendered on
 * request).
 */
function renderAhead(ctx: GraphContext, state: ListState, origin: string): void {
  const { model, pagesAhead, renderPool } = ctx;
  if (!pagesAhead || !renderPool) return;
  const sequence = model.sequence;
  setImmediate(() => {
    let next: ListState | undefined = state;
    for (let depth = 0; depth < AHEAD && next && model.sequence === sequence; depth++) {
      const plan = planPage(model, next, origin);
      const key = `${origin} ${encodeToken(next)}`;
      if (!pagesAhead.has(key)) {
        if (!model.isPristineRange(plan.from, plan.end)) return;
        const { seed, domain } = model;
        const { sel: select, from, end: to, head, tail } = plan;
        pagesAhead.put(key, sequence, renderPool.render({ seed, domain, select, from, to, head, tail }));
      }
      next = plan.nextState;
    }
  });
}

interface PagePlan {
  sel: (keyof GraphUser)[];
  from: number;
  end: number;
  head: string;
  tail: string;
  /** Paging state of the next page, if there is one. */
  nextState?: ListState;
}

function planPage(model: GraphModel, state: ListState, origin: string, fault?: PageFault): PagePlan {
  const end = fault?.kind === "emptyPage" ? state.c : advanceActiveUsers(model, state.c, state.n);
  const next = fault?.kind === "emptyPage" || fault?.kind === "duplicatePage" ? state.c : end;
  const selectText = state.sel.join(",");
  const nextState = next < model.userSlots ? { ...state, c: next } : undefined;
  const links = nextState
    ? {
        next: `${origin}/v1.0/users?$select=${selectText}&$top=${state.n}&$skiptoken=${encodeToken(nextState)}`,
      }
    : {};
  const [head, tail] = pageFrame(`${origin}/v1.0/$metadata#users(${selectText})`, links);
  return { sel: state.sel, from: state.c, end, head, tail, ...(nextState ? { nextState } : {}) };
}
