import type { PageFault, SimRequest, SimResponse } from "../../http/sim-exchange";
import { GRAPH_JSON, type GraphContext, pageBody, preferredPageSize } from "../graph-context";
import type { GraphGroup } from "../model/graph-types";
import { compileSelector } from "../serialize/compile-selector";
import {
  GROUP_DEFAULT_PROPERTIES,
  GROUP_PROPERTIES,
  type GroupProperty,
} from "../serialize/entity-properties";
import { encodeToken } from "../serialize/page-token";
import { type DeltaState, openDeltaRound } from "./open-delta-round";

const member = (id: string, removed: boolean): string =>
  `{"@odata.type":"#microsoft.graph.user","id":"${id}"${removed ? ',"@removed":{"reason":"deleted"}' : ""}}`;

/** Member changes per group in [from, to): group index -> (user id -> still a member). */
function changedGroups(ctx: GraphContext, from: number, to: number): Map<number, Map<string, boolean>> {
  const groups = new Map<number, Map<string, boolean>>();
  for (const change of ctx.model.changesBetween(from, to)) {
    if (change.resource !== "groups") continue;
    const members = groups.get(change.index) ?? new Map<string, boolean>();
    groups.set(change.index, members);
    if (change.memberAdded) members.set(change.memberAdded, true);
    if (change.memberRemoved) members.set(change.memberRemoved, false);
  }
  return groups;
}

/**
 * `GET /v1.0/groups/delta`: with `members` selected, each group carries `members@delta`; a group with more than
 * `groupMembersPerPage` members continues on the next page (the same group repeats: merge). Incremental rounds
 * list only member changes, removals with `@removed`.
 */
export function groupsDelta(ctx: GraphContext, request: SimRequest, fault?: PageFault): SimResponse {
  const { model, behaviour } = ctx;
  const _query = request.url.searchParams;
  const now = model.clock().getTime();
  const opened = openDeltaRound<GroupProperty, { g: number; m: number }>(ctx, request, fault, {
    resource: "groups",
    typeName: "Microsoft.DirectoryServices.Group",
    properties: GROUP_PROPERTIES,
    defaults: GROUP_DEFAULT_PROPERTIES,
    initialCursor: { g: 0, m: 0 },
  });
  if ("response" in opened) return opened.response;
  const state = opened.state;
  const withMembers = state.sel.includes("members");
  const serialize = compileSelector<GraphGroup>(
    state.sel.filter((p): p is keyof GraphGroup => p !== "members"),
  );
  const pageSize = Math.min(preferredPageSize(request.headers.prefer) ?? behaviour.deltaPageSize, 999);
  const chunk = behaviour.groupMembersPerPage;
  const items: string[] = [];
  const repeat = fault?.kind === "emptyPage" || fault?.kind === "duplicatePage";
  let next: DeltaState<GroupProperty, { g: number; m: number }> | undefined;
  if (state.p === "i") {
    let g = state.g;
    let m = state.m;
    while (fault?.kind !== "emptyPage" && g < model.groupCount && items.length < pageSize) {
      let membersJson = "";
      let split = false;
      if (withMembers) {
        const members: string[] = [];
        let position = 0;
        for (const id of model.groupMembers(g)) {
          if (position++ < m) continue;
          if (members.length === chunk) {
            split = true;
            break;
          }
          members.push(member(id, false));
        }
        membersJson = `,"members@delta":[${members.join(",")}]`;
      }
      items.push(`{${serialize(model.group(g))}${membersJson}}`);
      if (split) {
        m += chunk;
        break;
      }
      g++;
      m = 0;
    }
    if (repeat || g < model.groupCount) next = repeat ? { ...state, t: now } : { ...state, g, m, t: now };
  } else if (state.p === "c") {
    const changed = [...changedGroups(ctx, state.f, state.to)];
    const end = Math.min(changed.length, state.o + pageSize);
    for (let k = state.o; k < end && fault?.kind !== "emptyPage"; k++) {
      const [g, members] = changed[k] as [number, Map<string, boolean>];
      const delta = withMembers
        ? `,"members@delta":[${[...members].map(([id, present]) => member(id, !present)).join(",")}]`
        : "";
      items.push(`{${serialize(model.group(g))}${delta}}`);
    }
    if (repeat || end < changed.length) next = { ...state, o: repeat ? state.o : end, t: now };
  }
  const origin = request.url.origin;
  const roundStart = state.p === "c" ? state.to : state.s;
  const links = next
    ? { next: `${origin}/v1.0/groups/delta?$skiptoken=${encodeToken(next)}` }
    : {
        delta: `${origin}/v1.0/groups/delta?$deltatoken=${encodeToken({ p: "d", s: roundStart, sel: state.sel, t: now, v: model.deltaTokenGeneration })}`,
      };
  return {
    status: 200,
    headers: GRAPH_JSON,
    body: pageBody(`${origin}/v1.0/$metadata#groups`, items, links),
  };
}
