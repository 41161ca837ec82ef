import type { PageFault, SimRequest, SimResponse } from "../../http/sim-exchange";
import { GRAPH_JSON, type GraphContext, pageBody, parseTop } from "../graph-context";
import { graphError } from "../graph-error";
import type { GraphGroup } from "../model/graph-types";
import { compileSelector } from "../serialize/compile-selector";
import {
  GROUP_DEFAULT_PROPERTIES,
  GROUP_PROPERTIES,
  type GroupProperty,
} from "../serialize/entity-properties";
import { decodeToken, encodeToken } from "../serialize/page-token";
import { parseSelect } from "../serialize/parse-select";

interface ListState {
  c: number;
  n: number;
  sel: (keyof GraphGroup)[];
  g?: number;
}

function pageState(request: SimRequest, allowMembers: boolean): ListState | SimResponse {
  const query = request.url.searchParams;
  const skip = query.get("$skiptoken");
  if (skip !== null) {
    const decoded = decodeToken<ListState>(skip);
    return decoded && typeof decoded.c === "number"
      ? decoded
      : graphError(request, 400, "Request_BadRequest", "Invalid $skiptoken.");
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
  const select = parseSelect<GroupProperty>(query.get("$select"), GROUP_PROPERTIES, GROUP_DEFAULT_PROPERTIES);
  if (!select.ok || (!allowMembers && select.properties.includes("members"))) {
    return graphError(
      request,
      400,
      "Request_BadRequest",
      `Could not find a property named '${select.ok ? "members" : select.unknown}' on type 'Microsoft.DirectoryServices.Group'.`,
    );
  }
  return {
    c: 0,
    n: top ?? 100,
    sel: select.properties.filter((p): p is keyof GraphGroup => p !== "members"),
  };
}

/** `GET /v1.0/groups`: `$select`, `$top` (1-999, default 100), `$skiptoken` next links. */
export function listGroups(ctx: GraphContext, request: SimRequest, fault?: PageFault): SimResponse {
  const state = pageState(request, false);
  if ("status" in state) return state;
  const serialize = compileSelector<GraphGroup>(state.sel);
  const end = fault?.kind === "emptyPage" ? state.c : Math.min(ctx.model.groupCount, state.c + state.n);
  const items: string[] = [];
  for (let g = state.c; g < end; g++) items.push(`{${serialize(ctx.model.group(g))}}`);
  const next =
    fault?.kind === "loopNextLink"
      ? 0
      : fault?.kind === "emptyPage" || fault?.kind === "duplicatePage"
        ? state.c
        : end;
  const origin = request.url.origin;
  const links =
    next < ctx.model.groupCount
      ? { next: `${origin}/v1.0/groups?$skiptoken=${encodeToken({ ...state, c: next })}` }
      : {};
  return {
    status: 200,
    headers: GRAPH_JSON,
    body: pageBody(`${origin}/v1.0/$metadata#groups`, items, links),
  };
}

/** `GET /v1.0/groups/{id}/members`: member users (id, displayName, userPrincipalName, mail), paged. */
export function listGroupMembers(ctx: GraphContext, request: SimRequest, groupId: string): SimResponse {
  const index = ctx.model.groupIndex(groupId);
  if (index === undefined) {
    return graphError(
      request,
      404,
      "Request_ResourceNotFound",
      `Resource '${groupId}' does not exist or one of its queried reference-property objects are not present.`,
    );
  }
  const state = pageState(request, false);
  if ("status" in state) return state;
  const items: string[] = [];
  let position = 0;
  for (const id of ctx.model.groupMembers(index)) {
    if (position++ < state.c) continue;
    if (items.length === state.n) break;
    const user = ctx.model.getUser(id);
    if (user) items.push(`{"@odata.type":"#microsoft.graph.user",${compileMember(user)}}`);
  }
  const next = state.c + items.length;
  const origin = request.url.origin;
  const links =
    items.length === state.n
      ? { next: `${origin}/v1.0/groups/${groupId}/members?$skiptoken=${encodeToken({ ...state, c: next })}` }
      : {};
  return {
    status: 200,
    headers: GRAPH_JSON,
    body: pageBody(`${origin}/v1.0/$metadata#directoryObjects`, items, links),
  };
}

const compileMember = compileSelector<{
  id: string;
  displayName: string | null;
  userPrincipalName: string;
  mail: string | null;
}>(["id", "displayName", "userPrincipalName", "mail"]);
