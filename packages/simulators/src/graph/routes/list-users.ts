import type { PageFault, SimRequest, SimResponse } from "../../http/sim-exchange";
import { GRAPH_JSON, type GraphContext, pageFrame, parseTop } from "../graph-context";
import { graphError } from "../graph-error";
import type { GraphModel } from "../model/graph-model";
import type { GraphUser } from "../model/graph-types";
import { advanceActiveUsers } from "../serialize/advance-active-users";
import { USER_DEFAULT_PROPERTIES, USER_PROPERTIES } from "../serialize/entity-properties";
import { decodeToken, encodeToken } from "../serialize/page-token";
import { parseSelect } from "../serialize/parse-select";
import { renderUsersAhead, takeUsersAhead } from "../serialize/render-users-ahead";
import { streamUserPage } from "../serialize/stream-user-page";

interface ListState {
  c: number;
  n: number;
  sel: (keyof GraphUser)[];
}

/**
 * `GET /v1.0/users`: `$select`, `$top` (1-999, default 100), opaque `$skiptoken` next links. While the client
 * reads a page, the users of the next ones are rendered ahead (see `renderUsersAhead`).
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
  const { model } = ctx;
  const origin = request.url.origin;
  const headers = { ...GRAPH_JSON, "x-ms-resource-unit": query.has("$select") || skip ? "1" : "2" };
  const page = planPage(model, state, origin, fault);
  const ready =
    skip !== null && !fault
      ? takeUsersAhead(ctx, state.sel, state.c, state.n, { headers, head: page.head, tail: page.tail })
      : undefined;
  if (!fault && page.nextState) renderUsersAhead(ctx, state.sel, page.nextState.c, state.n);
  return (
    ready ?? {
      status: 200,
      headers,
      body: streamUserPage(model, state.sel, page.from, page.end, page.head, page.tail),
    }
  );
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
  const next =
    fault?.kind === "loopNextLink"
      ? 0
      : fault?.kind === "emptyPage" || fault?.kind === "duplicatePage"
        ? state.c
        : end;
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
